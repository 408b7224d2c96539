/**
 * How fast the machine itself is while a benchmark runs.
 *
 * On a virtual machine the host's other tenants can make the very same
 * JavaScript cost up to 1.7× the CPU time for tens of seconds at a time (seen
 * here: one piece of work took 1.55 s of CPU in one minute and 2.76 s in the
 * next, on an otherwise idle machine). A benchmark that compares two phases run
 * minutes apart (an empty archive and a full one, the stack and its bare
 * baseline) would otherwise read the host's mood as a change in Newsdesk.
 *
 * The probe is a child process that every half second runs the same small piece
 * of work (building, serialising and parsing a teaser-sized object, as the apps
 * do per request) and reports the CPU time it took. CPU time, not wall time:
 * waiting for a core while the benchmark keeps both busy does not count, a
 * slower core does. It costs about 2 % of one core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { round2, stats } from './support';

/** The child: a fixed piece of work every 500 ms, its CPU microseconds on stdout. */
const PROBE = `
const work = () => {
  let n = 0;
  for (let i = 0; i < 300; i++) {
    const item = { id: 'a' + i, items: Array.from({ length: 40 }, (_, k) => ({ k, headline: 'Überschrift ' + k + i, teaser: 'Text '.repeat(20) })) };
    n += JSON.parse(JSON.stringify(item)).items.length;
  }
  return n;
};
for (let i = 0; i < 5; i++) work();
setInterval(() => {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  process.stdout.write((used.user + used.system) + '\\n');
}, 500);
`;

export interface Speed {
  /** Median (nearest rank) CPU milliseconds of one piece of work during the window. */
  workMs: number;
  samples: number;
}

export class SpeedProbe {
  private readonly samples: { at: number; ms: number }[] = [];
  private readonly child: ChildProcess;

  constructor() {
    this.child = spawn(process.execPath, ['-e', PROBE], { stdio: ['ignore', 'pipe', 'inherit'] });
    if (!this.child.stdout) throw new Error('the speed probe has no stdout');
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      this.samples.push({ at: performance.now(), ms: Number(line) / 1000 });
    });
  }

  /** Now, as a point to measure from or to. */
  mark(): number {
    return performance.now();
  }

  /** The machine's speed between two marks (to now without `to`). */
  between(from: number, to = performance.now()): Speed {
    const { p50, n } = stats(
      this.samples.filter(({ at }) => at >= from && at <= to).map(({ ms }) => ms),
    );
    return { workMs: p50, samples: n };
  }

  /** The fastest the machine ran while probed: the probe's lowest tenth, for scale. */
  fastest(): number {
    const all = this.samples.map(({ ms }) => ms).sort((a, b) => a - b);
    return all.length ? round2(all[Math.floor(all.length / 10)]) : NaN;
  }

  /** "5.62 ms (1.02× the fastest, 40 samples)" */
  describe(speed: Speed): string {
    return `${speed.workMs} ms (${(speed.workMs / this.fastest()).toFixed(2)}× the fastest, ${speed.samples} samples)`;
  }

  stop(): void {
    this.child.kill();
  }
}
