// One `npm start` per data folder. The lock file (<data folder>/start.lock) names
// the process that owns the folder's servers and apps, and where it serves. A start
// that finds the owner alive leaves everything alone; a lock whose process is gone
// (killed, machine crash) is taken over, together with what it left running.
//
// Only Node built-ins here.

import fs from 'node:fs';
import path from 'node:path';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * True while a process with this id exists (EPERM: it does, owned by someone
 * else) and is not a zombie waiting for a parent that does not reap it.
 */
export function isAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (error.code !== 'EPERM') return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return !fs.existsSync('/proc/self/stat'); // gone meanwhile, or no /proc: kill(0) is all we know
  }
}

/** The command line of a process (Linux /proc), or null where it cannot be read. */
function commandLine(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return null;
  }
}

/**
 * True when `pid` is alive and, where /proc tells, its command line contains
 * `marker`: a process id reused by something else after a reboot does not count.
 */
export function isRunning(pid, marker) {
  if (!isAlive(pid)) return false;
  const command = commandLine(pid);
  return command === null || command.includes(marker);
}

function readLock(file) {
  try {
    const owner = JSON.parse(fs.readFileSync(file, 'utf8'));
    return owner && typeof owner === 'object' ? owner : {};
  } catch (error) {
    if (error.code === 'ENOENT') return null;
    return {}; // unreadable: nobody can own it
  }
}

/** Write `content` to `file` in one step (readers see the old or the new text, never half). */
function writeWhole(file, content, { exclusive }) {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, content);
  try {
    // link() fails when the lock exists: two starts at the same moment cannot both win.
    if (exclusive) fs.linkSync(temp, file);
    else fs.renameSync(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/**
 * Take the lock for this process.
 * @param {string} file  the lock file
 * @param {string} marker  what the owner's command line contains (the script's name)
 * @param {object} info  what a second start should be told (URLs, data folder …)
 * @returns {{ acquired: true, lock: object, previous: object | null } | { acquired: false, owner: object }}
 *   previous: the lock of a dead owner that was taken over (its `apps` may still run)
 */
export function acquireRunLock(file, marker, info) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let previous = null;
  for (let attempt = 0; attempt < 5; attempt++) {
    const content = {
      ...info,
      pid: process.pid,
      startedAt: new Date().toISOString(),
      state: 'starting',
    };
    try {
      writeWhole(file, `${JSON.stringify(content, null, 2)}\n`, { exclusive: true });
      return { acquired: true, lock: makeLock(file, content), previous };
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    const owner = readLock(file);
    if (owner === null) continue; // released meanwhile
    if (isRunning(owner.pid, marker)) return { acquired: false, owner };
    previous = owner;
    fs.rmSync(file, { force: true });
  }
  throw new Error(`could not take ${file}: other starts keep changing it`);
}

function makeLock(file, content) {
  let held = true;
  const lock = {
    content,
    /** Record more about this run (app process ids, readiness) for a later start. */
    update(changes) {
      if (!held) return;
      Object.assign(content, changes);
      writeWhole(file, `${JSON.stringify(content, null, 2)}\n`, { exclusive: false });
    },
    /** Remove the lock if it is still ours. Synchronous: also used in the exit hook. */
    release() {
      if (!held) return;
      held = false;
      if (readLock(file)?.pid === process.pid) fs.rmSync(file, { force: true });
    },
  };
  process.once('exit', () => lock.release());
  return lock;
}

/**
 * Stop processes a dead owner left running: `pids` maps a name to a process id,
 * `markerOf(name)` is what its command line contains. SIGTERM, then SIGKILL
 * after `graceMs`. Ids that are gone or now belong to something else are skipped.
 * @returns {Promise<string[]>} the names that were stopped
 */
export async function stopLeftoverProcesses(pids, markerOf, graceMs = 10_000) {
  const running = Object.entries(pids ?? {}).filter(([name, pid]) =>
    isRunning(pid, markerOf(name)),
  );
  for (const [, pid] of running) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // gone meanwhile
    }
  }
  const deadline = Date.now() + graceMs;
  while (running.some(([, pid]) => isAlive(pid)) && Date.now() < deadline) await sleep(100);
  for (const [, pid] of running) {
    try {
      if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
  for (let i = 0; i < 50 && running.some(([, pid]) => isAlive(pid)); i++) await sleep(100);
  return running.map(([name]) => name);
}
