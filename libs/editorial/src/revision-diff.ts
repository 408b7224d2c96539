import type { BodyBlock } from './body';
import type { RevisionContent } from './revision.entity';

export interface FieldChange {
  field: Exclude<keyof RevisionContent, 'body'>;
  from: unknown;
  to: unknown;
}

export type BlockChange =
  | { change: 'same'; fromIndex: number; toIndex: number; block: BodyBlock }
  | { change: 'added'; toIndex: number; block: BodyBlock }
  | { change: 'removed'; fromIndex: number; block: BodyBlock }
  | { change: 'changed'; fromIndex: number; toIndex: number; from: BodyBlock; to: BodyBlock };

export interface RevisionDiff {
  fields: FieldChange[];
  body: BlockChange[];
}

/** The fields of a revision besides the body, in the order a diff lists them. */
export const REVISION_DIFF_FIELDS = [
  'kicker',
  'headline',
  'teaser',
  'sectionId',
  'format',
  'series',
  'tags',
  'heroImageId',
] as const satisfies readonly FieldChange['field'][];
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A readable diff of two revisions: the fields that changed, and the body
 * block by block (longest common subsequence, so an inserted paragraph shows
 * as one addition and not as every later block changed). A removal followed
 * by an addition of the same type at the same place reads as a change.
 */
export function diffRevisions(from: RevisionContent, to: RevisionContent): RevisionDiff {
  const fields = REVISION_DIFF_FIELDS.filter((f) => !same(from[f], to[f])).map((field) => ({
    field,
    from: from[field],
    to: to[field],
  }));
  return { fields, body: diffBlocks(from.body, to.body) };
}

function diffBlocks(a: BodyBlock[], b: BodyBlock[]): BlockChange[] {
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i][j] = same(a[i], b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);

  const raw: BlockChange[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && same(a[i], b[j])) {
      raw.push({ change: 'same', fromIndex: i, toIndex: j, block: a[i] });
      i++;
      j++;
    } else if (j < m && (i >= n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      raw.push({ change: 'added', toIndex: j, block: b[j] });
      j++;
    } else {
      raw.push({ change: 'removed', fromIndex: i, block: a[i] });
      i++;
    }
  }
  // Pair "removed X, added Y" of the same block type into "changed X → Y".
  const out: BlockChange[] = [];
  for (let k = 0; k < raw.length; k++) {
    const cur = raw[k];
    const next = raw[k + 1];
    if (
      cur.change === 'removed' &&
      next?.change === 'added' &&
      cur.block.type === next.block.type
    ) {
      out.push({
        change: 'changed',
        fromIndex: cur.fromIndex,
        toIndex: next.toIndex,
        from: cur.block,
        to: next.block,
      });
      k++;
    } else if (
      cur.change === 'added' &&
      next?.change === 'removed' &&
      cur.block.type === next.block.type
    ) {
      out.push({
        change: 'changed',
        fromIndex: next.fromIndex,
        toIndex: cur.toIndex,
        from: next.block,
        to: cur.block,
      });
      k++;
    } else out.push(cur);
  }
  return out;
}
