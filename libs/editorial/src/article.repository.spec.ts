import { websearchText } from './article.repository';

describe('websearchText', () => {
  it('leaves a search text with a few dashes as typed: exclusions and compound words', () => {
    expect(websearchText('Glasfaser -Kupfer "E-Government" -"Baden-Württemberg"')).toBe(
      'Glasfaser -Kupfer "E-Government" -"Baden-Württemberg"',
    );
    expect(websearchText('-'.repeat(16))).toBe('-'.repeat(16));
  });

  it('keeps only the dashes inside words when there are more than sixteen', () => {
    expect(websearchText('-'.repeat(17))).toBe(' '.repeat(17));
    expect(websearchText(`E-Government ${'- '.repeat(20)}-Kupfer 5-G`)).toBe(
      `E-Government ${'  '.repeat(20)} Kupfer 5-G`,
    );
  });
});
