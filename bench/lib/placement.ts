/**
 * CPU placement for the bot-turn bench, on request (BENCH_TURN_PLACEMENT=pinned): the server
 * under test alone on core 1, everything the bench needs besides it (this process and its load
 * generator, the Cosmos server, the Bot Connector) on core 0, the same for the echo and the
 * feedback turn, so neither server shares its core with the store or the load generator. Off by
 * default: on a machine other work shares, a server held to one core also shares that core with
 * all of it (measured 7 December under load 15 to 18: both servers fell to about 66 req/s from
 * about 200 unplaced), and the server CPU per turn the bench reports answers the same question
 * without it. Linux `taskset` only; elsewhere, or on one core, nothing is placed.
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

export interface Placement {
  /** How the processes were placed, for the bench's output. */
  readonly description: string;
  /** Puts the server under test (every thread of process `pid`) on its own core. */
  server(pid: number | undefined): void;
  /** Gives this process back every core it had. */
  restore(): void;
}

const taskset = (cpus: string, pid: number): void => {
  execFileSync('taskset', ['-a', '-p', '-c', cpus, String(pid)], { stdio: 'ignore' });
};

const canPlace = (): boolean => {
  if (process.platform !== 'linux' || availableParallelism() < 2) return false;
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

const NONE: Placement = {
  description: 'no CPU placement: every process may run on any core',
  server: () => undefined,
  restore: () => undefined,
};

/** When placing, moves this process to core 0 at once, so the peers it starts afterwards run there too. */
export const placeProcesses = (): Placement => {
  if (process.env.BENCH_TURN_PLACEMENT !== 'pinned' || !canPlace()) return NONE;
  const all = `0-${String(availableParallelism() - 1)}`;
  const place = (cpus: string) => (pid: number | undefined) => {
    if (pid !== undefined) taskset(cpus, pid);
  };
  place('0')(process.pid);
  return {
    description:
      'server under test alone on core 1; load generator, Cosmos server and Bot Connector on core 0 (same for echo and feedback)',
    server: place('1'),
    restore: () => {
      taskset(all, process.pid);
    },
  };
};
