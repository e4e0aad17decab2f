import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const script = (name: string): string => fileURLToPath(new URL(`./${name}.ts`, import.meta.url));

/** Runs a command-line entry the way npm does, returning its exit code and output. */
const cli = async (name: string, args: string[], env: Record<string, string> = {}) => {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', script(name), ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

describe('package and validate commands', () => {
  it('packaging for prod without settings fails naming the missing ones, without a stack trace', async () => {
    const result = await cli('package', ['--env', 'prod']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'Set these environment variables to package for prod: TEAMS_APP_ID, APP_ID, BOT_ID, PUBLIC_HOSTNAME, APP_VERSION, DEVELOPER_NAME',
    );
  });

  it('validating a file that is not a package fails with the reason', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pkg-')), 'broken.zip');
    writeFileSync(file, 'not a zip');
    const result = await cli('validate', [file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[zip] /: is not a readable zip file');
  });

  it('validating the local package built in memory passes', async () => {
    const result = await cli('validate', []);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('valid against manifest schema v1.30 (bundled)');
  });
});
