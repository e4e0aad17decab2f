import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

describe('npm run cli', () => {
  it('runs through tsx over the demo organisation and exits 2 on bad input', async () => {
    const exec = promisify(execFile);
    const cwd = join(import.meta.dirname, '..');
    const schemes = await exec('npx', ['tsx', 'demo/cli.ts', 'schemes'], { cwd });
    expect(schemes.stdout).toContain('assembly-secretariat');
    const people = await exec('npx', ['tsx', 'demo/cli.ts', 'people', '--scheme', 'bexley-pms'], { cwd });
    expect(people.stdout).toContain('aisha.khan@bexley.demo');
    // Each person's demo story is shown beside them, so a newcomer can find the cases.
    expect(people.stdout).toContain('illustrates');
    for (const story of ['in probation', 'back from maternity leave', 'awaiting a handover']) {
      expect(people.stdout).toContain(story);
    }
    await expect(exec('npx', ['tsx', 'demo/cli.ts', 'due', '--on', 'soon'], { cwd })).rejects.toMatchObject({
      code: 2,
    });
  });
});
