// Prints vitest's totals alone on the last line, "N passed, N failed[, N skipped]", and exits 0
// only for a run that is green beyond doubt.
//
//   node scripts/test-totals.mjs --run [--report FILE] [-- vitest args]
//       deletes FILE, runs `vitest run` with the JSON reporter writing FILE, then checks it.
//   node scripts/test-totals.mjs [--report FILE | FILE] [--exit-code N] [--started-after EPOCH_MS]
//       checks a report written by a run the caller made.
//
// A run is green only when the report exists, was written by this run (not left over from an
// earlier one), counts at least one test, says `success: true`, has no failed test or test file,
// and vitest exited 0. Otherwise the reasons are printed and the totals line never says
// "0 failed": a failure no test accounts for (a file that fails to load, a failed hook, an
// unhandled error, no report at all) counts as one.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const DEFAULT_REPORT = '.artifacts/vitest.json';

const parseArgs = (argv) => {
  const opts = { run: false, report: DEFAULT_REPORT, exitCode: 0, startedAfter: undefined, vitestArgs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      opts.vitestArgs = argv.slice(i + 1);
      break;
    }
    if (arg === '--run') opts.run = true;
    else if (arg === '--report') opts.report = argv[++i];
    else if (arg === '--exit-code') opts.exitCode = Number(argv[++i]);
    else if (arg === '--started-after') opts.startedAfter = Number(argv[++i]);
    else if (!arg.startsWith('--')) opts.report = arg;
    else throw new Error(`unknown option ${arg}`);
  }
  return opts;
};

const runVitest = (report, vitestArgs) => {
  rmSync(report, { force: true });
  const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...vitestArgs],
    { stdio: 'inherit' },
  );
  // Killed by a signal: status is null, which is a failure too.
  return { exitCode: result.status ?? 1, startedAfter: started };
};

const readReport = (file) => {
  try {
    return { report: JSON.parse(readFileSync(file, 'utf8')) };
  } catch (error) {
    return { problem: `no test report at ${file}: ${error instanceof Error ? error.message : String(error)}` };
  }
};

/** Test files that failed while none of their own tests did: load errors and failed hooks. */
const failedFilesWithoutFailedTests = (report) =>
  (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed'),
  ).length;

const assess = (report, { exitCode, startedAfter }) => {
  const problems = [];
  const passed = report.numPassedTests ?? 0;
  let failed = (report.numFailedTests ?? 0) + failedFilesWithoutFailedTests(report);
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  if (startedAfter !== undefined && !(report.startTime >= startedAfter)) {
    problems.push('the report is older than this run: vitest did not write one');
  }
  if (!((report.numTotalTests ?? 0) > 0)) problems.push('no test ran');
  if (report.success !== true) problems.push('vitest reported the run as unsuccessful');
  if (exitCode !== 0) problems.push(`vitest exited with status ${exitCode}`);
  if (failed > 0) problems.push(`${failed} failed`);
  if (problems.length > 0 && failed === 0) failed = 1;
  return { problems, line: `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}` };
};

const main = () => {
  const opts = parseArgs(process.argv.slice(2));
  const run = opts.run ? runVitest(opts.report, opts.vitestArgs) : opts;
  const { report, problem } = readReport(opts.report);
  if (!report) {
    process.stdout.write(`${problem}\n0 passed, 1 failed\n`);
    return 1;
  }
  const { problems, line } = assess(report, run);
  for (const p of problems) process.stdout.write(`not green: ${p}\n`);
  process.stdout.write(`${line}\n`);
  return problems.length > 0 ? 1 : 0;
};

process.exitCode = main();
