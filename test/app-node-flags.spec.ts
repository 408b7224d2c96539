/**
 * Every way of running the apps gives them the Node.js options of
 * apps/node-flags.json: `npm start` and the tests read the file (checked on the
 * running processes in start-twice and the fault suite); the Dockerfile and
 * docker-compose.yml spell the options out, checked here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appNodeFlags } from './faults/cluster';

const ROOT = join(__dirname, '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

describe('the apps’ Node.js options', () => {
  const flags = appNodeFlags();

  it('are declared, and turn the memory reducer off', () => {
    expect(flags).toContain('--no-memory-reducer');
  });

  it('are on the Dockerfile’s default command (the API)', () => {
    const cmd = /^CMD (\[.*\])$/m.exec(read('Dockerfile'));
    expect(JSON.parse(cmd![1])).toEqual(['node', ...flags, 'dist/apps/api/src/main.js']);
  });

  it.each(['workflow', 'media', 'projector'])('are on docker-compose.yml’s %s command', (app) => {
    const command = new RegExp(
      `^\\s+command: (\\[.*'dist/apps/${app}/src/main\\.js'\\])$`,
      'm',
    ).exec(read('docker-compose.yml'));
    expect(JSON.parse(command![1].replaceAll("'", '"'))).toEqual([
      'node',
      ...flags,
      `dist/apps/${app}/src/main.js`,
    ]);
  });
});
