import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const STACK = path.resolve(__dirname, '..', '..', 'scripts', 'lib', 'stack.mjs');

/**
 * Where jemalloc's library is on this machine, or null: the stack scripts' own lookup
 * (`findJemalloc`), or their install as `npm start` does it (`ensureJemalloc`: apt when
 * root). They are an ES module, so asked in a child process; what they log comes before
 * the path, on lines of its own.
 */
export function jemallocOnMachine(lookup: 'findJemalloc' | 'ensureJemalloc'): string | null {
  const out = execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { ${lookup} } from ${JSON.stringify(pathToFileURL(STACK).href)};` +
        `process.stdout.write("\\n" + (${lookup}() ?? ""));`,
    ],
    { encoding: 'utf8' },
  );
  return out.split('\n').pop() || null;
}
