/**
 * Every way of running the apps gives them the Node.js options of
 * apps/node-flags.json, every app's and its own: `npm start` and the tests read
 * the file (checked on the running processes in start-twice and the fault
 * suite); the Dockerfile and docker-compose.yml spell the options out, checked here.
 * So do the media app's allocator settings, which `npm start` and
 * docker-compose.yml both spell out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APPS, appNodeFlags } from './faults/cluster';

const ROOT = join(__dirname, '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

describe('the apps’ Node.js options', () => {
  it.each(APPS)('turn the memory reducer off for the %s app', (app) => {
    expect(appNodeFlags(app)).toContain('--no-memory-reducer');
  });

  it('keep the media app’s young generation small (its memory goes to images)', () => {
    expect(appNodeFlags('media')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^--max-semi-space-size=\d+$/)]),
    );
    for (const app of APPS.filter((name) => name !== 'media'))
      expect(appNodeFlags(app).join(' ')).not.toContain('--max-semi-space-size');
  });

  it('are on the Dockerfile’s default command (the API)', () => {
    const cmd = /^CMD (\[.*\])$/m.exec(read('Dockerfile'));
    expect(JSON.parse(cmd![1])).toEqual([
      'node',
      ...appNodeFlags('api'),
      'dist/apps/api/src/main.js',
    ]);
  });

  it.each(['workflow', 'media', 'projector'] as const)(
    'are on docker-compose.yml’s %s command',
    (app) => {
      const command = new RegExp(
        `^\\s+command: (\\[.*'dist/apps/${app}/src/main\\.js'\\])$`,
        'm',
      ).exec(read('docker-compose.yml'));
      expect(JSON.parse(command![1].replaceAll("'", '"'))).toEqual([
        'node',
        ...appNodeFlags(app),
        `dist/apps/${app}/src/main.js`,
      ]);
    },
  );

  it.each(['workflow', 'media', 'projector'] as const)(
    'are in the Dockerfile’s note on how to run the %s app',
    (app) => {
      expect(read('Dockerfile')).toContain(
        `#   node ${appNodeFlags(app).join(' ')} dist/apps/${app}/src/main.js`,
      );
    },
  );
});

describe('the media app’s allocator', () => {
  // npm start (scripts/start.mjs) and docker-compose.yml preload jemalloc for the media app;
  // its settings are spelled out in both, and must not drift apart.
  const startConf = /^const MEDIA_MALLOC_CONF =\s+'([^']+)';$/m.exec(
    read('scripts/start.mjs'),
  )?.[1];
  const composeConf = /^\s+MALLOC_CONF: (\S+)$/m.exec(read('docker-compose.yml'))?.[1];

  it('has the same settings under npm start and in docker-compose.yml', () => {
    expect(startConf).toBeDefined();
    expect(composeConf).toBe(startConf);
  });

  // With pages handed back at once (0), huge pages are split and faulted in again: the
  // renderer took 4.2 CPU s per image against 2.6 (docs/benchmarks/images.md).
  it('asks for huge pages, keeps large blocks in its one arena for a while, and hands them back in the background', () => {
    const options = new Map(
      startConf!.split(',').map((pair) => pair.split(':') as [string, string]),
    );
    expect(options.get('thp')).toBe('always');
    // One arena for both jobs: with two, the peak was 44–55 MB higher (README, Images).
    expect(options.get('narenas')).toBe('1');
    expect(options.get('oversize_threshold')).toBe('0');
    // Never handing them back (-1) saved the faults, but the worker's memory grew by some
    // 1.8 MB per image without end (docs/benchmarks/images.md).
    expect(Number(options.get('dirty_decay_ms'))).toBeGreaterThan(0);
    // Without its background thread, jemalloc purges only when the worker next allocates:
    // an idle worker held 267–396 MB instead of 228–259 (README, Images).
    expect(options.get('background_thread')).toBe('true');
  });
});
