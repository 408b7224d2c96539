import { undecodableQueryProblems } from './input-guard';

describe('undecodableQueryProblems', () => {
  it('passes well-formed queries, empty values and none', () => {
    expect(undecodableQueryProblems('/public/home')).toEqual([]);
    expect(
      undecodableQueryProblems(
        '/x?exclude=stra%C3%9Fe&q=Smart+City&limit=10&flag&a=&%F0%9F%98%80=1',
      ),
    ).toEqual([]);
  });

  it.each(['%C0%80%00', '%FF', '%', '%E2%82', '%ED%A0%80', 'a%zz'])(
    'names a value that is not UTF-8: %s',
    (value) => {
      expect(undecodableQueryProblems(`/x?limit=5&exclude=${value}`)).toEqual([
        { field: 'exclude', reason: 'must be percent-encoded UTF-8' },
      ]);
    },
  );

  it('names an undecodable parameter name as it came', () => {
    expect(undecodableQueryProblems('/x?%FF=1')).toEqual([
      { field: '%FF', reason: 'must be percent-encoded UTF-8' },
    ]);
  });
});
