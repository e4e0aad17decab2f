// Prints vitest's totals alone on the last line, as "N passed, N failed[, N skipped]".
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? '.artifacts/vitest.json';
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  process.stdout.write(`no test report at ${file}: ${error instanceof Error ? error.message : String(error)}\n0 passed, 1 failed\n`);
  process.exit(1);
}
const passed = report.numPassedTests ?? 0;
const failed = (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0 ? 0 : 0);
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
const suitesFailed = report.numFailedTestSuites ?? 0;
const totalFailed = failed + (failed === 0 && suitesFailed > 0 ? suitesFailed : 0);
process.stdout.write(`${passed} passed, ${totalFailed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(totalFailed > 0 ? 1 : 0);
