/**
 * The placeholders of an `in (…)` list for `values` in hand-written SQL:
 * `?, ?, ?`, or `null` when there are none (`in (null)` matches nothing).
 */
export function placeholders(values: readonly unknown[]): string {
  return values.length ? values.map(() => '?').join(', ') : 'null';
}
