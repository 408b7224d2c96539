import type { RevisionContent } from './revision.entity';
import { diffRevisions } from './revision-diff';

const base: RevisionContent = {
  kicker: 'Arnsberg',
  headline: 'Smarte Abfallbehälter',
  teaser: 'Teaser',
  body: [
    { type: 'paragraph', text: 'Eins' },
    { type: 'paragraph', text: 'Zwei' },
    { type: 'quote', text: '„Drei“' },
  ],
  sectionId: 's1',
  format: 'news',
  series: null,
  tags: ['a'],
  heroImageId: null,
};

describe('diffRevisions', () => {
  it('lists changed fields only', () => {
    const diff = diffRevisions(base, { ...base, headline: 'Neu', tags: ['a', 'b'] });
    expect(diff.fields).toEqual([
      { field: 'headline', from: 'Smarte Abfallbehälter', to: 'Neu' },
      { field: 'tags', from: ['a'], to: ['a', 'b'] },
    ]);
    expect(diff.body.every((b) => b.change === 'same')).toBe(true);
  });

  it('shows an inserted paragraph as one addition, not as every later block changed', () => {
    const body = [
      base.body[0],
      { type: 'paragraph' as const, text: 'Neu' },
      base.body[1],
      base.body[2],
    ];
    expect(diffRevisions(base, { ...base, body }).body.map((b) => b.change)).toEqual([
      'same',
      'added',
      'same',
      'same',
    ]);
  });

  it('pairs an edit of a block into a change, and shows removals', () => {
    const body = [{ type: 'paragraph' as const, text: 'Eins!' }, base.body[1]];
    const changes = diffRevisions(base, { ...base, body }).body;
    expect(changes[0]).toEqual({
      change: 'changed',
      fromIndex: 0,
      toIndex: 0,
      from: { type: 'paragraph', text: 'Eins' },
      to: { type: 'paragraph', text: 'Eins!' },
    });
    expect(changes.map((c) => c.change)).toEqual(['changed', 'same', 'removed']);
  });
});
