import { publicationDueAt } from './schedule';

describe('publicationDueAt', () => {
  const at = new Date('2026-03-02T09:00:00Z');
  const later = new Date('2026-03-02T12:00:00Z');

  it('is the publication time when there is no embargo', () => {
    expect(publicationDueAt({ publishAt: at, embargoUntil: null })).toEqual(at);
  });

  it('is the end of the embargo when that is later', () => {
    expect(publicationDueAt({ publishAt: at, embargoUntil: later })).toEqual(later);
    expect(publicationDueAt({ publishAt: later, embargoUntil: at })).toEqual(later);
  });

  it('is the embargo alone when no time was set', () => {
    expect(publicationDueAt({ publishAt: null, embargoUntil: later })).toEqual(later);
  });
});
