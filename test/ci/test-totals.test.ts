/**
 * scripts/test-totals.mjs, run as CI runs it: the totals line may say green only when vitest
 * exited 0 and wrote a fresh report of at least one test, all passing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'test-totals.mjs');
const dir = mkdtempSync(join(tmpdir(), 'pc-totals-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const totals = (args: string[]) => {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  const lines = r.stdout.trim().split('\n');
  return { status: r.status, output: r.stdout, last: lines.at(-1) ?? '' };
};

let n = 0;
const reportFile = (report: object): string => {
  const file = join(dir, `report-${++n}.json`);
  writeFileSync(file, JSON.stringify(report));
  return file;
};

const passingTest = { status: 'passed', title: 'works' };
const green = {
  numTotalTests: 3,
  numPassedTests: 3,
  numFailedTests: 0,
  numPendingTests: 0,
  numTodoTests: 0,
  numFailedTestSuites: 0,
  startTime: Date.now(),
  success: true,
  testResults: [{ name: 'a.test.ts', status: 'passed', assertionResults: [passingTest, passingTest, passingTest] }],
};

describe('the totals line', () => {
  it('is green for a fresh, successful report of passing tests and a zero vitest exit', () => {
    const r = totals([
      '--report',
      reportFile(green),
      '--exit-code',
      '0',
      '--started-after',
      String(green.startTime - 1000),
    ]);
    expect(r.last).toBe('3 passed, 0 failed');
    expect(r.status).toBe(0);
  });

  it('counts skipped and to-do tests', () => {
    const r = totals([reportFile({ ...green, numTotalTests: 5, numPendingTests: 1, numTodoTests: 1 })]);
    expect(r.last).toBe('3 passed, 0 failed, 2 skipped');
  });

  it('fails when there is no report', () => {
    const r = totals(['--report', join(dir, 'never-written.json')]);
    expect(r.last).toBe('0 passed, 1 failed');
    expect(r.status).toBe(1);
  });

  it('fails when no test ran', () => {
    const r = totals([reportFile({ ...green, numTotalTests: 0, numPassedTests: 0, testResults: [] })]);
    expect(r.output).toContain('no test ran');
    expect(r.last).toBe('0 passed, 1 failed');
    expect(r.status).toBe(1);
  });

  it('fails when the report says the run was unsuccessful, even with no failed test', () => {
    const r = totals([reportFile({ ...green, success: false })]);
    expect(r.last).toBe('3 passed, 1 failed');
    expect(r.status).toBe(1);
  });

  it('fails when vitest exited non-zero, whatever the report says', () => {
    const r = totals(['--report', reportFile(green), '--exit-code', '1']);
    expect(r.output).toContain('vitest exited with status 1');
    expect(r.last).toBe('3 passed, 1 failed');
    expect(r.status).toBe(1);
  });

  it('fails on a report left over from an earlier run', () => {
    const stale = reportFile({ ...green, startTime: Date.now() - 3_600_000 });
    const r = totals(['--report', stale, '--started-after', String(Date.now())]);
    expect(r.output).toContain('older than this run');
    expect(r.status).toBe(1);
  });

  it('counts a test file that failed to load', () => {
    const r = totals([
      reportFile({
        ...green,
        success: false,
        numFailedTestSuites: 1,
        testResults: [...green.testResults, { name: 'broken.test.ts', status: 'failed', assertionResults: [] }],
      }),
    ]);
    expect(r.last).toBe('3 passed, 1 failed');
    expect(r.status).toBe(1);
  });

  it('adds failed tests to failed files without failed tests of their own', () => {
    const r = totals([
      reportFile({
        ...green,
        numPassedTests: 2,
        numFailedTests: 1,
        success: false,
        testResults: [
          { name: 'a.test.ts', status: 'failed', assertionResults: [passingTest, passingTest, { status: 'failed' }] },
          { name: 'broken.test.ts', status: 'failed', assertionResults: [] },
        ],
      }),
    ]);
    expect(r.last).toBe('2 passed, 2 failed');
  });
});

describe('the totals line around a real vitest run', () => {
  it('deletes the previous report, so a filter matching nothing fails instead of reprinting old totals', () => {
    const report = join(dir, 'run-nothing.json');
    writeFileSync(report, JSON.stringify({ ...green, numTotalTests: 910, numPassedTests: 910 }));
    const r = totals(['--run', '--report', report, '--', 'no/such/test/file/anywhere']);
    expect(r.output).not.toContain('910 passed');
    expect(r.last).toMatch(/^0 passed, [1-9]\d* failed$/);
    expect(r.status).toBe(1);
  }, 120_000);

  it("prints the same counts as vitest's own summary", () => {
    const report = join(dir, 'run-one.json');
    const r = totals(['--run', '--report', report, '--', 'core/src/rules/visible-text.test.ts']);
    expect(existsSync(report)).toBe(true);
    const summary = /Tests\s+(\d+) passed \((\d+)\)/.exec(r.output);
    expect(summary).not.toBeNull();
    expect(r.last).toBe(`${summary?.[1] ?? '?'} passed, 0 failed`);
    expect(r.status).toBe(0);
  }, 120_000);
});
