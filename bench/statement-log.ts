/**
 * What PostgreSQL ran during a stretch of a benchmark, statement by statement:
 * `log_statement = 'all'` (or `log_min_duration_statement = 0` for the time
 * each took), set as the throwaway stack's superuser for the stretch, then the
 * server's log of it read back and summed by statement shape. Logging every
 * statement costs PostgreSQL CPU, so such a run is not one to read CPU figures from.
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

/** A shape's statements and the server's time in them (ms), as `log_min_duration_statement = 0` logs it. */
export interface StatementTime {
  shape: string;
  count: number;
  ms: number;
}

/**
 * The statements of a PostgreSQL log (default prefix) written with
 * `log_statement = 'all'` or with `log_min_duration_statement = 0` (then with
 * their server time in ms, otherwise 0), each with its continuation lines. Of
 * the extended protocol's parse, bind and execute only execute is taken: it is
 * where a statement's rows are read and written.
 */
function loggedStatements(log: string): { sql: string; ms: number }[] {
  const found: { sql: string; ms: number }[] = [];
  let current: { sql: string; ms: number } | null = null;
  for (const line of log.split('\n')) {
    const start = /LOG:\s+(?:duration: ([\d.]+) ms\s+)?(?:statement|execute [^:]*):\s(.*)$/.exec(
      line,
    );
    if (start) {
      current = { ms: Number(start[1] ?? 0), sql: start[2] };
      found.push(current);
    } else if (current !== null && line.startsWith('\t')) {
      current.sql += ` ${line}`;
    } else {
      current = null;
    }
  }
  return found;
}

/** The server time of each statement shape in a log of `log_min_duration_statement = 0`, the most time first. */
function timeStatements(log: string): StatementTime[] {
  const byShape = new Map<string, StatementTime>();
  for (const { sql, ms } of loggedStatements(log)) {
    const shape = shapeOf(sql);
    const entry = byShape.get(shape) ?? { shape, count: 0, ms: 0 };
    entry.count++;
    entry.ms += ms;
    byShape.set(shape, entry);
  }
  return [...byShape.values()].sort((a, b) => b.ms - a.ms);
}

/** Counts the statements of a PostgreSQL log written with `log_statement = 'all'`. */
function countStatements(log: string): StatementCensus {
  const byShape = new Map<string, number>();
  const statements = loggedStatements(log);
  for (const { sql } of statements) {
    const shape = shapeOf(sql);
    byShape.set(shape, (byShape.get(shape) ?? 0) + 1);
  }
  return {
    statements: statements.length,
    byShape: [...byShape].sort((a, b) => b[1] - a[1]),
  };
}

/**
 * Sets a logging `setting` of PostgreSQL from `start()` until `stop()`, which
 * reads back what the server logged meanwhile through `read`.
 */
class ServerLog<T> {
  private offset = 0;

  constructor(
    private readonly databaseUrl: string,
    private readonly logFile: string,
    private readonly setting: { name: string; value: string },
    private readonly read: (log: string) => T,
  ) {}

  async start(): Promise<void> {
    await asSuperuser(this.databaseUrl, [
      `alter system set ${this.setting.name} = ${this.setting.value}`,
      'select pg_reload_conf()',
    ]);
    this.offset = statSync(this.logFile).size;
  }

  async stop(): Promise<T> {
    await asSuperuser(this.databaseUrl, [
      `alter system reset ${this.setting.name}`,
      'select pg_reload_conf()',
    ]);
    return this.read(readFileSync(this.logFile).subarray(this.offset).toString('utf8'));
  }
}

/** Logs every statement from `start()` until `stop()`, which returns their census. */
export class StatementLog extends ServerLog<StatementCensus> {
  constructor(databaseUrl: string, logFile: string) {
    super(databaseUrl, logFile, { name: 'log_statement', value: "'all'" }, countStatements);
  }
}

/** Logs every statement's duration from `start()` until `stop()`, which returns the time by shape. */
export class StatementTimes extends ServerLog<StatementTime[]> {
  constructor(databaseUrl: string, logFile: string) {
    super(databaseUrl, logFile, { name: 'log_min_duration_statement', value: '0' }, timeStatements);
  }
}
