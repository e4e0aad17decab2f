/**
 * `npm run bench`: every benchmark once, each as a ratio against a yardstick measured in the same
 * run on the same machine. Prints a table and writes JSON to .artifacts/bench/ (git-ignored).
 * Sizes can be lowered for a quick look: BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_FANOUT_CHECKINS,
 * BENCH_ENGINE_EMPLOYEES, BENCH_SYNC_USERS, BENCH_SYNC_CHANGES, BENCH_FANOUT_INSTANCES, BENCH_SCALE_USERS; BENCH_SKIP=tab,fanout,scale leaves benchmarks out; BENCH_PROFILE=<dir> writes a
 * V8 CPU profile of every server process to <dir>.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchDirectorySync } from './directory-sync.ts';
import { benchEngine } from './engine.ts';
import { benchFanout, benchFanoutInstances, type InstancesResult } from './fanout.ts';
import { benchRoundTrips } from './round-trips.ts';
import { benchScale } from './scale.ts';
import { benchTab, buildTab } from './tab.ts';
import { benchTurns } from './turns.ts';

const number = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const skip = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
const out = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};
const f = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

interface Row {
  readonly benchmark: string;
  readonly measured: string;
  readonly yardstick: string;
  readonly ratio: string;
  readonly target: string;
  readonly met: boolean | undefined;
}

const rows: Row[] = [];
const results: Record<string, unknown> = {};
const started = Date.now();
const machine = {
  date: new Date().toISOString(),
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  loadAverageAtStart: loadavg().map((l) => Number(l.toFixed(2))),
};
out(`Benchmarks on ${String(machine.cpus)} cores, ${String(machine.memoryGiB)} GiB, Node ${machine.node}`);
out(`Load average at start: ${machine.loadAverageAtStart.join(', ')} (other work on the machine slows every figure)`);

/** The error and its causes on one line, with any status or code: a failed benchmark says why. */
const describe = (error: unknown): string => {
  const parts: string[] = [];
  for (let e: unknown = error; e !== undefined && e !== null && parts.length < 5;) {
    if (!(e instanceof Error)) {
      parts.push(typeof e === 'string' ? e : JSON.stringify(e));
      break;
    }
    const { code, statusCode } = e as { code?: unknown; statusCode?: unknown };
    const tag = [code, statusCode].filter((x) => typeof x === 'string' || typeof x === 'number').join(' ');
    parts.push(tag === '' ? e.message : `${e.message} (${tag})`);
    e = e.cause;
  }
  return parts.join(' ← ');
};

const step = async (name: string, run: () => Promise<void>): Promise<void> => {
  if (skip.has(name)) return;
  const t = performance.now();
  out(`… ${name}`);
  try {
    await run();
  } catch (error) {
    results[name] = { error: describe(error) };
    out(`  failed: ${describe(error)}`);
    rows.push({ benchmark: name, measured: 'failed', yardstick: '', ratio: '', target: '', met: false });
    process.exitCode = 1;
  }
  out(`  done in ${f((performance.now() - t) / 1000)} s`);
};

await step('turns', async () => {
  const r = await benchTurns({
    connections: number('BENCH_CONNECTIONS', 200),
    seconds: number('BENCH_SECONDS', 10),
    warmupSeconds: number('BENCH_WARMUP_SECONDS', 8),
    rounds: number('BENCH_TURN_ROUNDS', 2),
  });
  results.turns = r;
  const figures = (l: typeof r.echo): string =>
    `${f(l.requestsPerSecond)} req/s, p50 ${String(l.p50Ms)} ms, p99 ${String(l.p99Ms)} ms; ${String(l.errors)} errors, ${String(l.non2xx)} non-2xx; all ${String(r.connections)} connections answered by ${f(l.allConnectedSeconds)} s`;
  const perRound = (runs: readonly (typeof r.echo)[]): string =>
    runs.map((l) => `${f(l.requestsPerSecond)} req/s`).join(', ');
  // Like for like: the feedback turn sent as a message and answered through the connector, as the echo is.
  rows.push({
    benchmark: `Bot turn: feedback log, ${String(r.connections)} connections (message; reply through the connector, as the echo)`,
    measured: `${figures(r.submit)}; ${String(r.repliesConfirmed)} confirmations sent; by round ${perRound(r.submitRuns)}`,
    yardstick: `echo ${figures(r.echo)}; by round ${perRound(r.echoRuns)}`,
    ratio: f(r.submitRatio, 2),
    target: '≥ 0.90, p99 ≤ 1.5 × the echo’s (both check Bot Framework tokens)',
    met: r.submitRatio >= 0.9 && r.submit.p99Ms <= 1.5 * r.echo.p99Ms,
  });
  rows.push({
    benchmark: `Bot turn: feedback log, ${String(r.connections)} connections (Action.Execute invoke; card in the reply)`,
    measured: `${figures(r.feedback)}; ${String(r.notesStored)} of the ${String(r.notesSent)} notes sent in the window stored`,
    yardstick: `echo ${f(r.echo.requestsPerSecond)} req/s`,
    ratio: f(r.ratio, 2),
    target: '(for information: no connector call)',
    met: undefined,
  });
});

await step('round-trips', async () => {
  const r = await benchRoundTrips();
  results.roundTrips = r;
  for (const op of r) {
    rows.push({
      benchmark: `Cosmos round trips: ${op.operation}`,
      measured: `${String(op.store)} store ops, ${String(op.wire)} on the wire (${String(op.queryPlans)} query plans), ${f(op.ms, 0)} ms`,
      yardstick: 'point ops + single-partition queries',
      ratio: `${String(op.crossPartitionQueries)} cross-partition`,
      target: '0 cross-partition',
      met: op.ok && op.crossPartitionQueries === 0,
    });
  }
});

/** How far apart the tenants' first requests came, and each tenant's request rate once it had started. */
const spread = (r: InstancesResult): string =>
  `tenants started within ${f(r.startSpreadSeconds, 2)} s, each then sent ${f(r.tenantRequestRates[0] ?? 0)}–${f(r.tenantRequestRates.at(-1) ?? 0)} requests/s`;

await step('fanout', async () => {
  const r = await benchFanout({
    checkins: number('BENCH_FANOUT_CHECKINS', 10_000),
    tenants: number('BENCH_FANOUT_TENANTS', 10),
    deadlineSeconds: number('BENCH_FANOUT_DEADLINE', 120),
  });
  results.fanout = r;
  rows.push({
    benchmark: `Proactive fan-out: ${String(r.checkins)} check-ins, ${String(r.tenants)} tenants`,
    measured: `${f(r.achievedPerSecond)} sends/s; ${String(r.sent)} sent, ${String(r.duplicates)} duplicates, ${String(r.lost)} lost, ${String(r.stillQueued)} still queued, ${String(r.overLimitSeconds)} seconds over a limit; server CPU ${f(r.instanceCpuSeconds)} s; ${spread(r)}${r.stoppedAtDeadline ? ' (stopped at deadline)' : ''}`,
    yardstick: `Teams limits allow ${f(r.allowedPerSecond)} sends/s`,
    ratio: f(r.ratio, 2),
    target: '≥ 0.90, 0 duplicates, 0 lost',
    met: r.ratio >= 0.9 && r.duplicates === 0 && r.lost === 0,
  });
});

await step('fanout-instances', async () => {
  const r = await benchFanoutInstances({
    checkins: number('BENCH_FANOUT_CHECKINS', 10_000),
    tenants: number('BENCH_FANOUT_TENANTS', 10),
    instances: number('BENCH_FANOUT_INSTANCES', 3),
    deadlineSeconds: number('BENCH_FANOUT_DEADLINE', 120),
  });
  results.fanoutInstances = r;
  // The same work from one instance, when its row ran: CPU time compares even on a busy machine.
  const one = results.fanout as InstancesResult | undefined;
  const cpuRatio = one === undefined ? '' : ` (${f(r.instanceCpuSeconds / one.instanceCpuSeconds, 2)}× one instance's)`;
  rows.push({
    benchmark: `Proactive fan-out, ${String(r.instances)} instances: ${String(r.checkins)} check-ins, ${String(r.tenants)} tenants`,
    measured: `${f(r.achievedPerSecond)} sends/s; ${String(r.sent)} sent, ${String(r.duplicates)} duplicates, ${String(r.lost)} lost, ${String(r.stillQueued)} still queued, ${String(r.throttled429)} 429s, ${String(r.limitViolations)} requests in a Retry-After pause, ${String(r.overLimitSeconds)} seconds over a limit; servers' CPU ${f(r.instanceCpuSeconds)} s${cpuRatio}; ${spread(r)}${r.stoppedAtDeadline ? ' (stopped at deadline)' : ''}`,
    yardstick: `Teams limits allow ${f(r.allowedPerSecond)} sends/s`,
    ratio: f(r.ratio, 2),
    target: '≥ 0.90, 0 duplicates, 0 lost, 0 violations, 0 seconds over a limit',
    met: r.ratio >= 0.9 && r.duplicates === 0 && r.lost === 0 && r.limitViolations === 0 && r.overLimitSeconds === 0,
  });
});

await step('engine', () => {
  const r = benchEngine(number('BENCH_ENGINE_EMPLOYEES', 50_000));
  results.engine = r;
  rows.push({
    benchmark: `Scheme engine: due-lists for ${String(r.employees)} employees`,
    measured: `${f(r.seconds, 2)} s (${f(r.microsPerEmployee, 0)} µs each), heap +${f(r.heapMiB)} MiB`,
    yardstick: `JSON round trip of the inputs ${f(r.yardstickSeconds, 2)} s`,
    ratio: f(r.ratio, 1),
    target: 'report',
    met: undefined,
  });
  return Promise.resolve();
});

await step('directory-sync', async () => {
  const r = await benchDirectorySync({
    users: number('BENCH_SYNC_USERS', 50_000),
    changes: number('BENCH_SYNC_CHANGES', 500),
  });
  results.directorySync = r;
  rows.push({
    benchmark: `Directory sync: ${String(r.users)} users from the local Graph, ${String(r.pageSize)} a page`,
    measured: `${f(r.syncSeconds)} s, ${f(r.cosmosOpsPerUser, 2)} Cosmos ops per user, peak RSS ${f(r.peakRssMiB, 0)} MiB`,
    yardstick: `reading the same ${String(r.pages)} pages without storing ${f(r.readOnlySeconds, 2)} s`,
    ratio: f(r.ratio, 1),
    target: 'report',
    met: undefined,
  });
  rows.push({
    benchmark: `Directory sync: a delta of ${String(r.changes)} changes`,
    measured: `${f(r.deltaSeconds, 2)} s (joined ${String(r.deltaCounts.joined)}, moved ${String(r.deltaCounts.moved)}, left ${String(r.deltaCounts.left)})`,
    yardstick: `full sync ${f(r.syncSeconds)} s`,
    ratio: f(r.deltaSeconds / r.syncSeconds, 3),
    target: 'report',
    met: undefined,
  });
  rows.push({
    benchmark: `HR import: ${String(r.importRows)} rows`,
    measured: `${f(r.importSeconds)} s, ${f(r.importOpsPerRow, 2)} Cosmos ops per row`,
    yardstick: `full sync ${f(r.syncSeconds)} s`,
    ratio: f(r.importSeconds / r.syncSeconds, 2),
    target: 'report',
    met: undefined,
  });
});

await step('scale', async () => {
  const r = await benchScale({ users: number('BENCH_SCALE_USERS', 50_000) });
  results.scale = r;
  const people = `${String(r.users)} people`;
  rows.push({
    benchmark: `Scale: bringing ${people} in through the directory sync`,
    measured: `${f(r.syncSeconds)} s, ${String(r.syncOps)} store ops; then ${String(r.conversations)} conversations and app installs written`,
    yardstick: '',
    ratio: '',
    target: 'report',
    met: undefined,
  });
  for (const m of r.measures) {
    const alone = m.readsAlone;
    rows.push({
      benchmark: `Scale, ${people}: ${m.name}`,
      measured: `${f(m.seconds, 2)} s (CPU here ${f(m.cpuSeconds, 2)} s), ${String(m.storeOps)} store ops, peak RSS ${f(m.peakRssMiB, 0)} MiB, heap +${f(m.heapMiB)} MiB (${m.output}; load ${f(m.loadAverage)})`,
      yardstick:
        alone === undefined
          ? `JSON round trip of the due lists' inputs ${f(r.jsonRoundTripSeconds, 2)} s; one single-partition read ${f(r.singlePartitionReadMs, 0)} ms`
          : `the same reads alone ${f(alone.seconds, 2)} s (CPU here ${f(alone.cpuSeconds, 2)} s), ${String(alone.storeOps)} store ops`,
      ratio: f(m.seconds / (alone?.seconds ?? r.jsonRoundTripSeconds), alone === undefined ? 1 : 2),
      target: m.name.startsWith('HR compliance') ? '≤ 2 s' : 'report',
      met: m.name.startsWith('HR compliance') ? m.seconds <= 2 : undefined,
    });
  }
  rows.push({
    benchmark: `Scale, ${people}: the whole step`,
    measured: `${f(r.stepSeconds, 0)} s`,
    yardstick: '',
    ratio: '',
    target: '≤ 480 s',
    met: r.stepSeconds <= 480,
  });
});

await step('tab', async () => {
  buildTab();
  const r = await benchTab({ runs: 5 });
  results.tab = r;
  rows.push({
    benchmark: 'Tab: first page JavaScript (gzip)',
    measured: `${f(r.firstPageJsGzipKiB)} KiB`,
    yardstick: `budget ${String(r.budgetKiB)} KiB`,
    ratio: f(r.sizeRatio, 2),
    target: '≤ 1.00',
    met: r.sizeRatio <= 1,
  });
  rows.push({
    benchmark: 'Tab: first meaningful paint (objectives, headless Chromium)',
    measured: `${f(r.firstMeaningfulPaintMs, 0)} ms (FCP ${f(r.firstContentfulPaintMs, 0)} ms)`,
    yardstick: `static page ${f(r.staticPageMs, 0)} ms`,
    ratio: f(r.paintRatio, 2),
    target: 'report',
    met: undefined,
  });
});

const widths = (['benchmark', 'measured', 'yardstick', 'ratio', 'target'] as const).map((k) =>
  Math.max(k.length, ...rows.map((r) => r[k].length)),
);
const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ');
out();
out(line(['benchmark', 'measured', 'yardstick', 'ratio', 'target']) + ' | met');
out(widths.map((w) => '-'.repeat(w)).join('-|-') + '-|----');
for (const r of rows) {
  out(
    `${line([r.benchmark, r.measured, r.yardstick, r.ratio, r.target])} | ${r.met === undefined ? '—' : r.met ? 'yes' : 'no'}`,
  );
}
const dir = join(import.meta.dirname, '..', '.artifacts', 'bench');
mkdirSync(dir, { recursive: true });
const report = {
  machine: { ...machine, loadAverageAtEnd: loadavg().map((l) => Number(l.toFixed(2))) },
  seconds: (Date.now() - started) / 1000,
  rows,
  results,
};
const file = join(dir, `bench-${machine.date.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
out();
out(`Load average at end: ${report.machine.loadAverageAtEnd.join(', ')}; total ${f(report.seconds, 0)} s`);
out(`JSON: ${file}`);
