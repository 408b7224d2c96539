import { DEFAULT_CONTENT_PROFILE, parseContentProfile } from './content-profile';
import { checkStory, runPublishChecks, type CheckableStory } from './publish-checks';

const good: CheckableStory = {
  kicker: 'Arnsberg',
  headline: 'Smarte Abfallbehälter melden ihren Füllstand',
  teaser: 'Sensoren in 400 Behältern sparen der Stadt jede Woche zwei Leerungsfahrten.',
  body: [{ type: 'paragraph', text: 'Text.' }],
  hasSection: true,
  heroImage: { status: 'ready', alt: 'Ein Abfallbehälter mit Sensor', credit: 'Stadt Arnsberg' },
};

// As long as the longest real Kommune21 lead (the report on the second Digitalministerkonferenz).
const lead370 = 'Die Digitalministerinnen und -minister der Länder haben sich getroffen. '
  .repeat(6)
  .slice(0, 369)
  .concat('.');

describe('runPublishChecks', () => {
  it('passes a complete story', () => {
    expect(runPublishChecks(good, DEFAULT_CONTENT_PROFILE)).toEqual([]);
  });

  it('admits a 370-character lead under the default profile', () => {
    expect(lead370).toHaveLength(370);
    expect(runPublishChecks({ ...good, teaser: lead370 }, DEFAULT_CONTENT_PROFILE)).toEqual([]);
  });

  it('lists every failed check with its field', () => {
    const failures = runPublishChecks(
      {
        ...good,
        headline: '',
        teaser: 'x'.repeat(401),
        kicker: 'k'.repeat(61),
        body: [],
        hasSection: false,
        heroImage: { status: 'processing', alt: '', credit: '' },
      },
      DEFAULT_CONTENT_PROFILE,
    );
    expect(failures.map((f) => f.field).sort()).toEqual(
      ['body', 'headline', 'heroImageId', 'heroImageId', 'kicker', 'section', 'teaser'].sort(),
    );
    expect(failures.find((f) => f.field === 'teaser')).toEqual(
      expect.objectContaining({
        message: expect.stringMatching(/at most 400/),
        limit: { max: 400 },
      }),
    );
  });

  it('refuses a headline that is too short', () => {
    expect(runPublishChecks({ ...good, headline: 'Kurz' }, DEFAULT_CONTENT_PROFILE)).toEqual([
      expect.objectContaining({ field: 'headline', check: 'length', limit: { min: 10 } }),
    ]);
  });

  it("uses the section's limits", () => {
    const strict = parseContentProfile({ teaser: { max: 60 }, kicker: { min: 3 } });
    expect(runPublishChecks({ ...good, kicker: '' }, strict)).toEqual([
      expect.objectContaining({ field: 'kicker', check: 'required' }),
      expect.objectContaining({ field: 'teaser', check: 'length', limit: { max: 60 } }),
    ]);
  });

  it('requires a hero image, its alt text and credit when the profile says so', () => {
    const photoSection = parseContentProfile({
      heroImage: { required: true, creditRequired: true },
    });
    expect(runPublishChecks({ ...good, heroImage: null }, photoSection)).toEqual([
      expect.objectContaining({ field: 'heroImageId', check: 'required' }),
    ]);
    expect(
      runPublishChecks(
        { ...good, heroImage: { status: 'ready', alt: 'Alt', credit: '' } },
        photoSection,
      ),
    ).toEqual([expect.objectContaining({ message: 'the hero image needs a credit line' })]);
    const noAlt = parseContentProfile({ heroImage: { altRequired: false } });
    expect(
      runPublishChecks({ ...good, heroImage: { status: 'ready', alt: '', credit: '' } }, noAlt),
    ).toEqual([]);
  });

  it('refuses body blocks that the section does not allow, naming the block', () => {
    const textOnly = parseContentProfile({ bodyBlocks: ['paragraph', 'heading'] });
    const failures = runPublishChecks(
      {
        ...good,
        body: [
          { type: 'paragraph', text: 'Text.' },
          { type: 'embed', url: 'https://example.org/video' },
        ],
      },
      textOnly,
    );
    expect(failures).toEqual([
      expect.objectContaining({
        field: 'body[1]',
        check: 'block',
        message: expect.stringMatching(/embed/),
      }),
    ]);
  });
});

describe('checkStory', () => {
  it("checks against the story's section profile, with defaults for what it leaves out", () => {
    const story = { ...good, section: { contentProfile: { teaser: { max: 50 } } } };
    expect(checkStory(story).map((f) => f.field)).toEqual(['teaser']);
    expect(checkStory({ ...story, section: { contentProfile: {} } })).toEqual([]);
  });
});
