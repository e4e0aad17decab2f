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

/** The start of the first window after `windowStart`: where a cycle opening then ends. */
const endOf = (cycles: readonly Omit<Cycle, 'end'>[], windowStart: IsoDate): IsoDate | undefined => {
  let end: IsoDate | undefined;
  for (const c of cycles)
    if (c.windowStart > windowStart && (end === undefined || c.windowStart < end)) end = c.windowStart;
  return end;
};

const withEnd = (cycle: Omit<Cycle, 'end'>, end: IsoDate | undefined): Cycle =>
  end === undefined ? cycle : { ...cycle, end };

/**
 * The cycle that matters today, of cycles in any order each running until the next one's window
 * opens (so a late conversation still completes the cycle it belongs to): the latest one whose
 * window has opened, completed (perhaps late) or not; the next one takes over when its window
 * opens. Before any window opens, the first. Only that cycle is linked to the next, not them all.
 */
export const resolveCycle = (
  cycles: readonly Omit<Cycle, 'end'>[],
  done: readonly IsoDate[],
  on: IsoDate,
): ResolvedCycle | undefined => {
  let opened: Omit<Cycle, 'end'> | undefined;
  let first: Omit<Cycle, 'end'> | undefined;
  for (const c of cycles) {
    if (first === undefined || c.windowStart < first.windowStart) first = c;
    if (c.windowStart <= on && (opened === undefined || c.windowStart > opened.windowStart)) opened = c;
  }
  if (opened === undefined) {
    return first === undefined
      ? undefined
      : { cycle: withEnd(first, endOf(cycles, first.windowStart)), status: 'upcoming' };
  }
  const current = withEnd(opened, endOf(cycles, opened.windowStart));
  const completedOn = firstBetween(done, current.windowStart, current.end);
  if (completedOn === undefined) return { cycle: current, status: on <= current.dueDate ? 'due' : 'overdue' };
  return { cycle: current, status: 'completed', completedOn };
};
