import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ancestorPids } from './launcher.ts';

const ROOT = resolve(import.meta.dirname, '..');
const tsx = (script: string): string[] => ['--import', 'tsx', '--input-type=module', '-e', script];

const exited = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
};

describe('npm start launcher', () => {
  it('finds the processes that launched it, parent first', () => {
    const chain = ancestorPids();
    expect(chain[0]).toBe(process.ppid);
    expect(new Set(chain).size).toBe(chain.length);
  });

  it('stops when the shell npm started is killed, as a SIGTERM to npm does', async () => {
    // npm → sh → node: npm passes a signal to the shell only, and the shell does not pass it on.
    const script = join(mkdtempSync(join(tmpdir(), 'pc-launcher-')), 'child.mjs');
    writeFileSync(
      script,
      `const { ancestorPids, watchLauncher } = await import(${JSON.stringify(join(ROOT, 'demo', 'launcher.ts'))});
      watchLauncher(ancestorPids(), () => process.exit(0), 100);
      console.log(process.pid);
      setInterval(() => {}, 1000);`,
    );
    const shell = spawn('sh', ['-c', `node --import tsx ${JSON.stringify(script)}; true`], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const pid = await new Promise<number>((found) => {
      shell.stdout.once('data', (chunk: Buffer) => {
        found(Number(chunk.toString().trim()));
      });
    });
    expect(exited(pid)).toBe(false);
    shell.kill('SIGTERM');
    await expect.poll(() => exited(pid), { timeout: 5000 }).toBe(true);
  }, 20_000);

  it('prints no deprecation notice when the launcher module loads', () => {
    const run = (script: string) =>
      spawnSync(process.execPath, tsx(script), { cwd: ROOT, encoding: 'utf8', timeout: 30_000 }).stderr;
    // restify trips DEP0111 as it loads: the check below can see the notice...
    expect(run(`await import('restify');`)).toContain('DEP0111');
    // ...and neither loading the launcher nor a quiet import of the server prints it.
    expect(
      run(`
        const { importQuietly } = await import('./demo/launcher.ts');
        await import('./demo/start.ts');
        await importQuietly(() => import('./bot/src/main.ts'));
      `),
    ).not.toContain('DEP0111');
  }, 60_000);
});
