import { runPublishChecks, type CheckableStory } from './publish-checks';

const good: CheckableStory = {
  kicker: 'Arnsberg',
  headline: 'Smarte Abfallbehälter melden ihren Füllstand',
  teaser: 'Sensoren in 400 Behältern sparen der Stadt jede Woche zwei Leerungsfahrten.',
  body: [{ type: 'paragraph', text: 'Text.' }],
  hasSection: true,
  heroImage: { status: 'ready', alt: 'Ein Abfallbehälter mit Sensor' },
};

describe('runPublishChecks', () => {
  it('passes a complete story', () => {
    expect(runPublishChecks(good)).toEqual([]);
  });

  it('lists every failed check with its field', () => {
    const failures = runPublishChecks({
      ...good,
      headline: '',
      teaser: 'x'.repeat(301),
      kicker: 'k'.repeat(61),
      body: [],
      hasSection: false,
      heroImage: { status: 'processing', alt: '' },
    });
    expect(failures.map((f) => f.field).sort()).toEqual(
      ['body', 'headline', 'heroImageId', 'heroImageId', 'kicker', 'section', 'teaser'].sort(),
    );
    expect(failures.find((f) => f.field === 'teaser')?.message).toMatch(/at most 300/);
  });

  it('refuses a headline that is too short', () => {
    expect(runPublishChecks({ ...good, headline: 'Kurz' })).toEqual([
      expect.objectContaining({ field: 'headline', check: 'length' }),
    ]);
  });
});
