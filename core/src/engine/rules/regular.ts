import type { Cadence } from '../../scheme/types.ts';
import { addDays, addMonths } from '../../time/dates.ts';
import { makeItem, openStatus, type RuleContext } from '../context.ts';
import { doneDates, latest } from '../history.ts';
import type { DueItem } from '../types.ts';
import { longDate, plural } from '../words.ts';

type AgreedFrequency = Extract<Cadence, { kind: 'agreed-frequency' }>;
type AtLeastEvery = Extract<Cadence, { kind: 'at-least-every' }>;

/** Regular conversations at the pair's agreed frequency, counted from the last one (000, 001, 003). */
export const agreedFrequency = (ctx: RuleContext, cadence: AgreedFrequency): DueItem[] => {
  const weeks = ctx.group.agreedEveryWeeks ?? cadence.defaultEveryWeeks;
  const agreed = ctx.group.agreedEveryWeeks !== undefined;
  const last = latest(doneDates(ctx.history, [ctx.rule.type], ctx.group, ctx.on), ctx.on);
  const anchor = last ?? ctx.group.startDate;
  const dueDate = addDays(anchor, weeks * 7);
  const windowStart = addDays(dueDate, -cadence.windowOpensDaysBefore);
  const every = `every ${plural(weeks, 'week')}${agreed ? ' as agreed by you both' : ' (the default until you agree a frequency)'}`;
  const since = last === undefined ? `starting on ${longDate(anchor)}` : `the last one on ${longDate(last)}`;
  const status = last !== undefined && ctx.on < windowStart ? 'completed' : openStatus(ctx.on, windowStart, dueDate);
  return [
    makeItem(ctx, {
      status,
      windowStart,
      dueDate,
      reason: `${ctx.rule.label} ${every}; next by ${longDate(dueDate)}, ${since}.`,
      ...(status === 'completed' && last !== undefined ? { completedOn: last } : {}),
    }),
  ];
};

/** A 1:1 at least every N months; formal records and reviews held in between count as 1:1s (002). */
export const atLeastEvery = (ctx: RuleContext, cadence: AtLeastEvery): DueItem[] => {
  const last = latest(doneDates(ctx.history, [ctx.rule.type, ...cadence.countsAlso], ctx.group, ctx.on), ctx.on);
  const anchor = last ?? ctx.group.startDate;
  const dueDate = addMonths(anchor, cadence.months);
  const windowStart = addDays(dueDate, -cadence.windowOpensDaysBefore);
  const status = last !== undefined && ctx.on < windowStart ? 'completed' : openStatus(ctx.on, windowStart, dueDate);
  const since =
    last === undefined ? `since starting on ${longDate(anchor)}` : `since the last one on ${longDate(last)}`;
  return [
    makeItem(ctx, {
      status,
      windowStart,
      dueDate,
      reason: `A ${ctx.rule.label} is needed at least every ${plural(cadence.months, 'month')}: by ${longDate(dueDate)}, ${since}.`,
      ...(status === 'completed' && last !== undefined ? { completedOn: last } : {}),
    }),
  ];
};
