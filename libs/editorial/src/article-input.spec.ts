import { ValidationFailed } from '@newsdesk/common';
import { cleanArticleInput } from './article-input';
import { parseBody } from './body';

function problemsOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationFailed) return error.problems;
    throw error;
  }
  throw new Error('expected a ValidationFailed');
}

describe('cleanArticleInput', () => {
  it('trims text, non-breaking spaces included, and keeps typography inside', () => {
    const clean = cleanArticleInput(
      {
        headline: '\u00A0„Smart City“ in Görlitz ',
        section: ' smart-city ',
        tags: [' KI ', 'KI', ''],
      },
      { creating: true },
    );
    expect(clean).toEqual({
      headline: '„Smart City“ in Görlitz',
      section: 'smart-city',
      tags: ['KI'],
    });
  });

  it('requires headline and section on create, but not on update', () => {
    expect(problemsOf(() => cleanArticleInput({}, { creating: true }))).toEqual([
      { field: 'headline', reason: 'is required' },
      { field: 'section', reason: 'is required' },
    ]);
    expect(cleanArticleInput({ teaser: 'neu' }, { creating: false })).toEqual({ teaser: 'neu' });
  });

  it('lists every oversized or malformed field at once', () => {
    const problems = problemsOf(() =>
      cleanArticleInput(
        {
          headline: 'h'.repeat(201),
          kicker: 42 as unknown as string,
          format: 'poem',
          heroImageId: 'nope',
          tags: 'x' as unknown as string[],
        },
        { creating: false },
      ),
    );
    expect(problems.map((p) => p.field)).toEqual([
      'kicker',
      'headline',
      'format',
      'tags',
      'heroImageId',
    ]);
  });
});

describe('parseBody', () => {
  it('accepts every block type and trims text', () => {
    expect(
      parseBody([
        { type: 'paragraph', text: ' Absatz ' },
        { type: 'heading', text: 'Zwischentitel' },
        { type: 'quote', text: '„Zitat“', attribution: 'Eva Beispiel' },
        { type: 'image', imageId: '6f1c5a8e-0b7e-4a57-9d1e-3f1f0c9f2a11' },
        { type: 'embed', url: 'https://www.example.org/video' },
      ]),
    ).toEqual([
      { type: 'paragraph', text: 'Absatz' },
      { type: 'heading', text: 'Zwischentitel', level: 2 },
      { type: 'quote', text: '„Zitat“', attribution: 'Eva Beispiel' },
      { type: 'image', imageId: '6f1c5a8e-0b7e-4a57-9d1e-3f1f0c9f2a11' },
      { type: 'embed', url: 'https://www.example.org/video' },
    ]);
  });

  it('names the block and field that is wrong', () => {
    const problems = problemsOf(() =>
      parseBody([
        { type: 'paragraph', text: '   ' },
        { type: 'embed', url: 'javascript:alert(1)' },
        { type: 'paragraph', text: 'ok', extra: true },
      ]),
    );
    expect(problems.map((p) => p.field)).toEqual(['body[0].text', 'body[1].url', 'body[2]']);
  });

  it('refuses something that is not a list', () => {
    expect(problemsOf(() => parseBody({ type: 'paragraph' }))[0].field).toBe('body');
  });
});
