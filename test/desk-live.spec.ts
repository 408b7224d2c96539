import type { QueryKey } from '@tanstack/react-query';
import { coveringKeys, InvalidationBatch } from '../apps/desk/src/live/invalidation-batch';

const list = (filter: object) => ['stories', 'list', filter];
const story = (id: string) => ['stories', 'one', id];

describe("the desk's invalidation keys", () => {
  it('keeps each key once, whatever the order of an object’s fields', () => {
    expect(
      coveringKeys([story('a'), list({ q: 'x', page: 2 }), story('a'), list({ page: 2, q: 'x' })]),
    ).toEqual([story('a'), list({ q: 'x', page: 2 })]);
  });

  it('drops the keys a shorter one covers, as invalidateQueries matches them', () => {
    expect(coveringKeys([story('a'), ['stories', 'list'], list({}), ['locks', 'a']])).toEqual([
      story('a'),
      ['stories', 'list'],
      ['locks', 'a'],
    ]);
    expect(coveringKeys([story('a'), ['stories'], ['stories', 'list']])).toEqual([['stories']]);
    // An object covers the objects that have its fields and more.
    expect(
      coveringKeys([list({ status: 'draft', author: 'me' }), list({ status: 'draft' })]),
    ).toEqual([list({ status: 'draft' })]);
  });

  it('lets the empty key, everything, cover every other', () => {
    expect(coveringKeys([story('a'), [], ['images']])).toEqual([[]]);
  });

  it('keeps keys that only share a beginning of their last part', () => {
    expect(coveringKeys([story('a'), story('ab')])).toEqual([story('a'), story('ab')]);
  });
});

describe("the desk's invalidation batches", () => {
  /** Each batch invalidated, and a way to let its refetches land. */
  let batches: QueryKey[][];
  let land: (() => void)[];
  let batch: InvalidationBatch;

  beforeEach(() => {
    jest.useFakeTimers();
    batches = [];
    land = [];
    batch = new InvalidationBatch({
      invalidate: (keys) => {
        batches.push(keys);
        return new Promise<void>((resolve) => land.push(resolve));
      },
      intervalMs: 200,
      maxWaitMs: 5_000,
    });
  });

  afterEach(() => {
    batch.stop();
    jest.useRealTimers();
  });

  it('invalidates the first event’s keys at once', () => {
    batch.add([['stories', 'list'], story('a')]);
    expect(batches).toEqual([[['stories', 'list'], story('a')]]);
  });

  it('holds what comes next and invalidates it once, deduplicated, when the interval is over', async () => {
    batch.add([['stories', 'list'], story('a')]);
    land[0]();
    for (const id of ['b', 'c', 'b']) {
      await jest.advanceTimersByTimeAsync(20);
      batch.add([['stories', 'list'], story(id)]);
    }
    expect(batches).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(139);
    expect(batches).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(batches).toEqual([
      [['stories', 'list'], story('a')],
      [['stories', 'list'], story('b'), story('c')],
    ]);
  });

  it('waits for the refetches of the batch before, so that none is cancelled by the next', async () => {
    batch.add([['stories', 'list']]);
    batch.add([story('a')]);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(batches).toHaveLength(1);
    land[0]();
    await jest.advanceTimersByTimeAsync(0);
    expect(batches).toEqual([[['stories', 'list']], [story('a')]]);
  });

  it('waits at most maxWaitMs for refetches that do not land', async () => {
    batch.add([['stories', 'list']]);
    batch.add([story('a')]);
    await jest.advanceTimersByTimeAsync(4_999);
    expect(batches).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(batches).toHaveLength(2);
  });

  it('invalidates at once again after a quiet interval', async () => {
    batch.add([story('a')]);
    land[0]();
    await jest.advanceTimersByTimeAsync(200);
    batch.add([story('b')]);
    expect(batches).toEqual([[story('a')], [story('b')]]);
  });

  it('invalidates what is pending when stopped, and nothing after', async () => {
    batch.add([story('a')]);
    batch.add([story('b')]);
    batch.stop();
    expect(batches).toEqual([[story('a')], [story('b')]]);
    batch.add([story('c')]);
    land.forEach((done) => done());
    await jest.advanceTimersByTimeAsync(10_000);
    expect(batches).toHaveLength(2);
  });
});
