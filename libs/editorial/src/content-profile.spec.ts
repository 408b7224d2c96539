import { ValidationFailed } from '@newsdesk/common';
import {
  DEFAULT_CONTENT_PROFILE,
  parseContentProfile,
  resolveContentProfile,
} from './content-profile';

const problemsOf = (input: unknown): { field: string; reason: string }[] => {
  try {
    parseContentProfile(input);
  } catch (error) {
    if (error instanceof ValidationFailed) return error.problems;
    throw error;
  }
  throw new Error('expected the profile to be refused');
};

describe('parseContentProfile', () => {
  it('lays a partial profile over the base', () => {
    const profile = parseContentProfile({ teaser: { max: 500 }, heroImage: { required: true } });
    expect(profile.teaser).toEqual({ min: DEFAULT_CONTENT_PROFILE.teaser.min, max: 500 });
    expect(profile.heroImage).toEqual({ ...DEFAULT_CONTENT_PROFILE.heroImage, required: true });
    expect(profile.headline).toEqual(DEFAULT_CONTENT_PROFILE.headline);
  });

  it('keeps the block types in their canonical order without duplicates', () => {
    expect(parseContentProfile({ bodyBlocks: ['quote', 'paragraph', 'quote'] }).bodyBlocks).toEqual(
      ['paragraph', 'quote'],
    );
  });

  it('names each bad field with its path', () => {
    expect(
      problemsOf({
        teaser: { max: 5000 },
        kicker: { min: -1 },
        headline: { min: 2.5 },
        heroImage: { required: 'yes' },
        bodyBlocks: ['paragraph', 'video'],
        colour: 'red',
      }).map((p) => p.field),
    ).toEqual(
      expect.arrayContaining([
        'profile.teaser.max',
        'profile.kicker.min',
        'profile.headline.min',
        'profile.heroImage.required',
        'profile.bodyBlocks[1]',
        'profile.colour',
      ]),
    );
  });

  it('refuses a limit above the save-time cap, a minimum above the maximum and a profile without paragraphs', () => {
    expect(problemsOf({ teaser: { max: 1001 } })).toEqual([
      { field: 'profile.teaser.max', reason: 'must be a whole number from 1 to 1000' },
    ]);
    expect(problemsOf({ headline: { min: 100, max: 50 } })).toEqual([
      { field: 'profile.headline.max', reason: 'must not be below the minimum (100)' },
    ]);
    expect(problemsOf({ headline: { min: 0 } })[0].field).toBe('profile.headline.min');
    expect(problemsOf({ bodyBlocks: ['heading'] })).toEqual([
      { field: 'profile.bodyBlocks', reason: 'must include paragraph' },
    ]);
    expect(problemsOf([])).toEqual([{ field: 'profile', reason: 'must be an object' }]);
  });
});

describe('resolveContentProfile', () => {
  it('fills what a stored profile leaves out with the defaults', () => {
    expect(resolveContentProfile({})).toEqual(DEFAULT_CONTENT_PROFILE);
    expect(resolveContentProfile(null)).toEqual(DEFAULT_CONTENT_PROFILE);
    expect(resolveContentProfile({ teaser: { max: 320 } }).teaser.max).toBe(320);
  });

  it('admits the real Kommune21 leads by default (up to 370 characters)', () => {
    expect(DEFAULT_CONTENT_PROFILE.teaser.max).toBeGreaterThanOrEqual(370);
  });

  it('refuses a stored profile that is invalid rather than guess', () => {
    expect(() => resolveContentProfile({ teaser: { max: 'long' } })).toThrow(
      /content profile is invalid/,
    );
  });
});
