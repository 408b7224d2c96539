import type { FieldProblem } from './errors';

/** The part of a zod issue that names a field; structural, so this lib needs no zod import. */
export interface PathIssue {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  /** For `unrecognized_keys`: the fields that are not known. */
  keys?: readonly string[];
}

const join = (path: string, key: PropertyKey): string =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${String(key)}` : String(key);

/**
 * Turns schema issues into {@link FieldProblem}s whose field is the full path
 * below `root`, e.g. `profile.teaser.max` or `approvalSteps[1].roles`, so that
 * a 400 names exactly what to fix. An unknown key is named itself.
 */
export function fieldProblemsOf(issues: readonly PathIssue[], root = ''): FieldProblem[] {
  return issues.flatMap((issue) => {
    const at = issue.path.reduce<string>(join, root);
    if (issue.code === 'unrecognized_keys' && issue.keys?.length)
      return issue.keys.map((key) => ({ field: join(at, key), reason: 'is not a known field' }));
    return [{ field: at || 'body', reason: issue.message }];
  });
}
