/**
 * What PostgreSQL ran during a stretch of a benchmark, statement by statement:
 * `log_statement = 'all'` (set as the throwaway stack's superuser) for the
 * stretch, then the server's log of it read back and counted by statement
 * shape. Logging every statement costs PostgreSQL CPU, so a run that takes a
 * census is not one to read CPU figures from.
 */
import { readFileSync, statSync } from 'node:fs';
import { asSuperuser } from './support';

/** A statement's shape: literals, numbers and placeholders replaced, whitespace folded. */
function shapeOf(statement: string): string {
  return statement
    .replace(/'(?:[^']|'')*'/g, "'…'")
    .replace(/\$\d+/g, '?')
    .replace(/\b\d+\b/g, 'N')
    .replace(/\(\s*(?:[?N]\s*,\s*)+[?N]\s*\)/g, '(…)')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 110);
}

export interface StatementCensus {
  /** Every statement, BEGIN and COMMIT included. */
  statements: number;
  /** Statements by shape, most frequent first. */
  byShape: [string, number][];
}

/** Counts the statements of a PostgreSQL log (default prefix, `log_statement = 'all'`). */
function countStatements(log: string): StatementCensus {
  const byShape = new Map<string, number>();
  let statements = 0;
  let current: string | null = null;
  const finish = () => {
    if (current === null) return;
    const shape = shapeOf(current);
    byShape.set(shape, (byShape.get(shape) ?? 0) + 1);
    statements++;
    current = null;
  };
  for (const line of log.split('\n')) {
    const start = /LOG:\s+(?:statement|execute [^:]*):\s(.*)$/.exec(line);
    if (start) {
      finish();
      current = start[1];
    } else if (current !== null && line.startsWith('\t')) {
      current += ` ${line}`;
    } else {
      finish();
    }
  }
  finish();
  return { statements, byShape: [...byShape].sort((a, b) => b[1] - a[1]) };
}

/** Logs every statement from `start()` until `stop()`, which returns their census. */
export class StatementLog {
  private offset = 0;

  constructor(
    private readonly databaseUrl: string,
    private readonly logFile: string,
  ) {}

  async start(): Promise<void> {
    await asSuperuser(this.databaseUrl, [
      "alter system set log_statement = 'all'",
      'select pg_reload_conf()',
    ]);
    this.offset = statSync(this.logFile).size;
  }

  async stop(): Promise<StatementCensus> {
    await asSuperuser(this.databaseUrl, [
      'alter system reset log_statement',
      'select pg_reload_conf()',
    ]);
    return countStatements(readFileSync(this.logFile).subarray(this.offset).toString('utf8'));
  }
}
