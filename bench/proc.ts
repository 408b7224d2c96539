/**
 * CPU time of process trees, from /proc: what a benchmark charges to the API,
 * a worker app, PostgreSQL (the postmaster and every backend) or Redis.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcStat {
  pid: number;
  ppid: number;
  /** utime + stime of the process, in clock ticks. */
  own: number;
  /** cutime + cstime: children it has already reaped (a PostgreSQL backend that ended). */
  reaped: number;
}

export const TICKS_PER_SECOND = 100;

/** A process's parent and CPU ticks, from /proc; null when it is gone. */
export function statOf(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces and parentheses: split after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return {
      pid,
      ppid: Number(fields[1]),
      own: Number(fields[11]) + Number(fields[12]),
      reaped: Number(fields[13]) + Number(fields[14]),
    };
  } catch {
    return null; // gone meanwhile
  }
}

function allProcesses(): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = statOf(Number(name));
    if (stat) stats.push(stat);
  }
  return stats;
}

/** The command line of a process, its arguments joined by spaces; '' when gone. */
export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

/** The oldest process whose command line contains every one of `parts`, or undefined. */
export function findProcess(...parts: string[]): number | undefined {
  return allProcesses()
    .map((p) => p.pid)
    .sort((a, b) => a - b)
    .find((pid) => {
      const line = commandLine(pid);
      return parts.every((part) => line.includes(part));
    });
}

/**
 * CPU seconds (user + system) used so far by each tree rooted at `roots`:
 * the process, its live descendants, and the children each has reaped. A
 * descendant that is itself one of the roots counts only for itself (this
 * process started the apps and the servers, but does not pay for them).
 */
export function treeCpuSeconds(roots: Record<string, number | undefined>): Record<string, number> {
  const stats = allProcesses();
  const children = new Map<number, ProcStat[]>();
  for (const stat of stats) {
    const siblings = children.get(stat.ppid);
    if (siblings) siblings.push(stat);
    else children.set(stat.ppid, [stat]);
  }
  const byPid = new Map(stats.map((s) => [s.pid, s]));
  const rootPids = new Set(Object.values(roots));
  const ticksOf = (stat: ProcStat): number =>
    stat.own +
    stat.reaped +
    (children.get(stat.pid) ?? [])
      .filter((child) => !rootPids.has(child.pid))
      .reduce((t, child) => t + ticksOf(child), 0);
  const result: Record<string, number> = {};
  for (const [name, pid] of Object.entries(roots)) {
    const root = pid === undefined ? undefined : byPid.get(pid);
    result[name] = root ? ticksOf(root) / TICKS_PER_SECOND : 0;
  }
  return result;
}
