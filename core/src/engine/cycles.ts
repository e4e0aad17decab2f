import type { IsoDate } from '../time/dates.ts';
import { firstBetween } from './history.ts';
import type { DueStatus } from './types.ts';

/** One occurrence of a calendar-driven conversation; it may be completed late, until the next one opens. */
export interface Cycle {
  readonly windowStart: IsoDate;
  readonly dueDate: IsoDate;
  /** Exclusive end: the next cycle's window start. */
  readonly end?: IsoDate;
}

export interface ResolvedCycle {
  readonly cycle: Cycle;
  readonly status: DueStatus;
  readonly completedOn?: IsoDate;
}

/** Links each cycle to the next so a late conversation still completes the cycle it belongs to. */
export const chain = (cycles: readonly Omit<Cycle, 'end'>[]): Cycle[] => {
  const sorted = [...cycles].sort((a, b) => (a.windowStart < b.windowStart ? -1 : 1));
  return sorted.map((c, i) => {
    const next = sorted[i + 1];
    return next === undefined ? c : { ...c, end: next.windowStart };
  });
};

/**
 * The cycle that matters today: the latest one whose window has opened, completed (perhaps late)
 * or not; the next one takes over when its window opens. Before any window opens, the first.
 */
export const resolveCycle = (
  cycles: readonly Cycle[],
  done: readonly IsoDate[],
  on: IsoDate,
): ResolvedCycle | undefined => {
  const openedIndex = cycles.findLastIndex((c) => c.windowStart <= on);
  if (openedIndex < 0) {
    const first = cycles[0];
    return first === undefined ? undefined : { cycle: first, status: 'upcoming' };
  }
  const current = cycles[openedIndex];
  if (current === undefined) return undefined;
  const completedOn = firstBetween(done, current.windowStart, current.end);
  if (completedOn === undefined) return { cycle: current, status: on <= current.dueDate ? 'due' : 'overdue' };
  return { cycle: current, status: 'completed', completedOn };
};
