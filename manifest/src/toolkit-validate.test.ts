/*
 * Microsoft's own check of the app package: the Microsoft 365 Agents Toolkit CLI (`atk validate`)
 * checks the manifest against Microsoft's schema and the store's validation rules, offline.
 * scripts/install-tools.sh installs it under tools/atk (npm test runs that first).
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackageFiles, type PackageFiles } from './app-package.ts';

const TOOL_DIR = fileURLToPath(new URL('../../tools/atk/', import.meta.url));
const ATK = join(TOOL_DIR, 'node_modules', '.bin', 'atk');
const PROD_ENV = {
  TEAMS_APP_ID: '6f1c8a52-3d0e-4b7a-9c41-2e5d8f7a1b33',
  APP_ID: 'c0ffee00-1234-4abc-8def-0123456789ab',
  BOT_ID: 'c0ffee00-1234-4abc-8def-0123456789ab',
  PUBLIC_HOSTNAME: 'conversations.example.org',
  APP_VERSION: '1.4.2',
  DEVELOPER_NAME: 'People Services',
};

interface Outcome {
  readonly exitCode: number;
  readonly output: string;
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atk-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The package's files unpacked, as `atk validate --manifest-file` reads them (its offline mode). */
const atkValidate = async (name: string, files: PackageFiles): Promise<Outcome> => {
  const folder = join(dir, name);
  await mkdir(folder);
  await Promise.all([
    writeFile(join(folder, 'manifest.json'), JSON.stringify(files.manifest, null, 2)),
    writeFile(join(folder, 'color.png'), files.color),
    writeFile(join(folder, 'outline.png'), files.outline),
  ]);
  const args = ['validate', '--manifest-file', join(folder, 'manifest.json'), '--interactive', 'false'];
  try {
    const { stdout, stderr } = await promisify(execFile)(ATK, [...args, '--telemetry', 'false'], {
      cwd: folder,
      timeout: 170_000,
      env: { ...process.env, NO_UPDATE_NOTIFIER: '1', TEAMSFX_TELEMETRY_TEST: 'true' },
    });
    return { exitCode: 0, output: `${stdout}${stderr}` };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { exitCode: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
};

// One validator run takes ~6 s of CPU and about 20 s on an idle 2-core machine.
describe('the Microsoft 365 Agents Toolkit accepts the app package', { timeout: 180_000 }, () => {
  it.concurrent('for production, as an administrator uploads it', async () => {
    const outcome = await atkValidate('prod', await buildPackageFiles('prod', PROD_ENV));
    expect(outcome.output).toContain('All passed');
    expect(outcome.exitCode).toBe(0);
  });

  it.concurrent('for local development, as the playground and sideloading use it', async () => {
    const outcome = await atkValidate('local', await buildPackageFiles('local', {}));
    expect(outcome.output).toContain('All passed');
    expect(outcome.exitCode).toBe(0);
  });

  it.concurrent('and refuses a package whose bot declares a scope Teams does not have', async () => {
    const files = await buildPackageFiles('prod', PROD_ENV);
    const manifest = structuredClone(files.manifest) as { bots: { scopes: string[] }[] };
    manifest.bots[0]!.scopes = ['everywhere'];
    const outcome = await atkValidate('broken', { ...files, manifest });
    expect(outcome.exitCode).not.toBe(0);
    expect(outcome.output).toMatch(/scopes/);
  });
});
