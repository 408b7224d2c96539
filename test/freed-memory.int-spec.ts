/**
 * The media worker's control of jemalloc: freed pages stay with the worker while it
 * works and go back to the system all at once when it holds too much or goes idle.
 *
 * Each case runs in a child process of the built media app's code (`npm test` has
 * built dist/) with jemalloc preloaded as `npm start` preloads it, and reads
 * jemalloc's own statistics and the process's resident memory.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { jemallocOnMachine } from './support/jemalloc';

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist', 'apps', 'media', 'src');
const METRICS = path.join(ROOT, 'dist', 'libs', 'observability', 'src', 'app-metrics.js');
const MB = 1024 * 1024;

/** jemalloc's library, installed as `npm start` installs it. */
function jemallocLibrary(): string {
  const found = jemallocOnMachine('ensureJemalloc');
  if (!found) throw new Error('jemalloc is missing: install it, e.g. apt-get install libjemalloc2');
  return found;
}

/**
 * Runs `body` (an async function's body) in a child process on jemalloc (or on
 * glibc's allocator, `preload` null) with the start's decay of 2 s and jemalloc's
 * separate arena for large blocks; `churn()` allocates 160 MB in 4 MB blocks, touches and frees
 * them; `freedMb()` and `rssMb()` read, `purges()` the worker's purge counter by reason;
 * what `body` returns comes back as JSON.
 */
function onJemalloc(body: string, preload: string | null): Record<string, unknown> {
  const script = `
    const { Jemalloc } = require(${JSON.stringify(path.join(DIST, 'jemalloc.js'))});
    const { FreedMemory } = require(${JSON.stringify(path.join(DIST, 'freed-memory.js'))});
    const { AppMetrics } = require(${JSON.stringify(METRICS)});
    const metrics = new AppMetrics('media');
    const purges = async () => Object.fromEntries(
      (await metrics.memoryPurges.get()).values.map((v) => [v.labels.reason, v.value]),
    );
    const MB = ${MB};
    const jemalloc = Jemalloc.inProcess();
    const freedMb = () => Math.round(jemalloc.freedBytes() / MB);
    const rssMb = () => Math.round(process.memoryUsage.rss() / MB);
    const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    const churn = async () => {
      const blocks = Array.from({ length: 40 }, () => Buffer.allocUnsafeSlow(4 * MB).fill(7));
      for (const block of blocks) block.buffer.transfer(0);
    };
    (async () => { ${body} })().then((result) => process.stdout.write('\\n' + JSON.stringify(result)));
  `;
  const env = {
    ...process.env,
    MALLOC_CONF: 'narenas:1,dirty_decay_ms:2000,background_thread:true',
  };
  if (preload) Object.assign(env, { LD_PRELOAD: preload });
  const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', env });
  // The last line: the logger may have written before it.
  return JSON.parse(out.trim().split('\n').pop()!) as Record<string, unknown>;
}

describe("the media worker's freed memory (jemalloc)", () => {
  let library: string;
  beforeAll(() => {
    library = jemallocLibrary();
  });

  it('finds no jemalloc in a process on another allocator, and then controls nothing', () => {
    const seen = onJemalloc(
      `const memory = new FreedMemory({ images: { purgeAboveBytes: 64 * MB } }, metrics);
       memory.onModuleInit();
       await memory.around(churn);
       return { found: jemalloc !== null, controlled: memory.controlled, purges: await purges() };`,
      null,
    );
    expect(seen).toEqual({ found: false, controlled: false, purges: {} });
  });

  it("hands freed pages back on jemalloc's timer, unless kept; kept ones go back when purged", () => {
    const seen = onJemalloc(
      `await churn(); await sleep(3000);
       const onTimer = freedMb();
       jemalloc.keepFreedPages();
       await churn(); await sleep(3000);
       const kept = freedMb(), rssKept = rssMb();
       jemalloc.purge();
       return { onTimer, kept, purged: freedMb(), rssDrop: rssKept - rssMb() };`,
      library,
    );
    expect(seen.onTimer).toBeLessThan(16);
    expect(seen.kept).toBeGreaterThanOrEqual(150);
    expect(seen.purged).toBeLessThan(8);
    expect(seen.rssDrop).toBeGreaterThanOrEqual(140);
  });

  it('keeps freed pages while jobs run, purges after one that leaves too much, and after a second idle', () => {
    const seen = onJemalloc(
      `const generous = new FreedMemory({ images: { purgeAboveBytes: 4096 * MB } }, metrics);
       generous.onModuleInit();
       let finish;
       const long = generous.around(() => new Promise((resolve) => (finish = resolve)));
       await generous.around(churn);
       await sleep(1500);
       const whileAnotherRuns = freedMb();
       finish(); await long;
       const justIdle = freedMb();
       await sleep(1500);
       const idle = freedMb();

       const atStart = await purges();
       const strict = new FreedMemory({ images: { purgeAboveBytes: 64 * MB } }, metrics);
       strict.onModuleInit();
       let finishStrict;
       const other = strict.around(() => new Promise((resolve) => (finishStrict = resolve)));
       await strict.around(churn);
       const overLimit = freedMb();
       finishStrict(); await other;
       return {
         controlled: generous.controlled, whileAnotherRuns, justIdle, idle, overLimit,
         atStart, atEnd: await purges(),
       };`,
      library,
    );
    expect(seen.controlled).toBe(true);
    expect(seen.whileAnotherRuns).toBeGreaterThanOrEqual(150);
    expect(seen.justIdle).toBeGreaterThanOrEqual(150);
    expect(seen.idle).toBeLessThan(8);
    expect(seen.overLimit).toBeLessThan(8);
    // Counted as /metrics shows them: the generous worker's idle purge, then the strict
    // one's after each of its two jobs.
    expect(seen.atStart).toEqual({ over_limit: 0, idle: 1 });
    expect(seen.atEnd).toEqual({ over_limit: 2, idle: 1 });
  });
});
