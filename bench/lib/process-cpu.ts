/**
 * CPU time a process has used so far (user + system, all threads), from Linux's /proc; undefined
 * elsewhere. The bot-turn bench divides what the server under test used in the measured window by
 * the replies in it: a cost per turn that other work on a shared machine barely moves, where
 * requests per second fall with every other process that wants the same cores.
 */
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

export const processCpuMs = (pid: number | undefined): number | undefined => {
  if (pid === undefined || process.platform !== 'linux') return undefined;
  try {
    // The command name in brackets may hold spaces; the fields after it are space-separated.
    const fields =
      readFileSync(`/proc/${String(pid)}/stat`, 'utf8')
        .split(') ')[1]
        ?.split(' ') ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : undefined;
  } catch {
    return undefined;
  }
};
