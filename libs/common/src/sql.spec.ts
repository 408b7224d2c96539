import { placeholders } from './sql';

describe('placeholders', () => {
  it('gives one ? per value, and null (which matches nothing) for none', () => {
    expect(placeholders(['a', 'b', 'c'])).toBe('?, ?, ?');
    expect(placeholders([1])).toBe('?');
    expect(placeholders([])).toBe('null');
  });
});
