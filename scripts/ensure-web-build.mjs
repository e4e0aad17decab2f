// Builds the tab and the add-in when their production build is missing or older than
// their sources (or core's), so `npm start` always serves the current pages at /tab/ and /addin/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const newestIn = (dir) => {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }
  return newest;
};

// Both bundle core (the API client, schemas and labels), so a change there makes them stale too.
const newestCore = newestIn(join('core', 'src'));

// Several test runs may start at once: one builds while the others wait, then they see a fresh build.
const LOCK = join('.artifacts', 'web-build.lock');
const STALE_LOCK_MS = 5 * 60_000;
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const acquire = () => {
  mkdirSync('.artifacts', { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      if (Date.now() - statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs > STALE_LOCK_MS)
        rmSync(LOCK, { recursive: true, force: true });
      else sleep(500);
    }
  }
};
acquire();
process.on('exit', () => rmSync(LOCK, { recursive: true, force: true }));

for (const workspace of ['tab', 'addin']) {
  const built = join(workspace, 'dist', 'index.html');
  const stale = !existsSync(built) || statSync(built).mtimeMs < Math.max(newestIn(workspace), newestCore);
  if (!stale) continue;
  process.stdout.write(`building ${workspace}…\n`);
  execFileSync('npm', ['run', 'build', '-w', `@pc/${workspace}`], { stdio: 'inherit' });
}
