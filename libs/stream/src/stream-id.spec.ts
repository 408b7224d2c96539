import { compareStreamIds, parseStreamId } from './stream-id';

describe('stream ids', () => {
  it('reads full and bare ids, and refuses anything else', () => {
    expect(parseStreamId('1764530000000-3')).toBe('1764530000000-3');
    expect(parseStreamId('1764530000000')).toBe('1764530000000-0');
    expect(parseStreamId('0-0')).toBe('0-0');
    expect(parseStreamId('007-01')).toBe('7-1');
    for (const bad of [
      '',
      '-',
      '1-',
      '-1',
      '1-2-3',
      'abc',
      '1.5',
      ' 1-2',
      '1-2 ',
      '18446744073709551616-0',
    ])
      expect([bad, parseStreamId(bad)]).toEqual([bad, null]);
    expect(parseStreamId('18446744073709551615-18446744073709551615')).not.toBeNull();
  });

  it('orders by time, then by sequence, beyond what a double holds', () => {
    expect(compareStreamIds('1-0', '1-0')).toBe(0);
    expect(compareStreamIds('1-9', '2-0')).toBeLessThan(0);
    expect(compareStreamIds('2-0', '1-9')).toBeGreaterThan(0);
    expect(compareStreamIds('5-10', '5-9')).toBeGreaterThan(0);
    expect(compareStreamIds('9007199254740993-0', '9007199254740992-0')).toBeGreaterThan(0);
  });
});
