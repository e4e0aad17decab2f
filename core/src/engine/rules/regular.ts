import type { Cadence, Offset } from '../../scheme/types.ts';
import { addDays, type IsoDate } from '../../time/dates.ts';
import { agreedEveryWeeks, heldDates, makeItem, openStatus, type RuleContext } from '../context.ts';
import type { DueItem } from '../types.ts';
import { agreedEvery, basisNote, longDate, plural } from '../words.ts';
import { addOffset, answeredDue } from './offsets.ts';

type AgreedFrequency = Extract<Cadence, { kind: 'agreed-frequency' }>;
type AtLeastEvery = Extract<Cadence, { kind: 'at-least-every' }>;

/**
 * A rolling interval: the next one is due an interval after the last. While the next window has
 * not opened, the item shows the cycle just completed, with the due date it answered.
 */
const rolling = (
  ctx: RuleContext,
  done: readonly IsoDate[],
  every: Offset,
  windowDays: number,
  describe: (dueDate: IsoDate, last: IsoDate | undefined) => string,
): DueItem[] => {
  const last = done.at(-1);
  const dueDate = addOffset(last ?? ctx.group.startDate, every);
  const windowStart = addDays(dueDate, -windowDays);
  if (last !== undefined && ctx.on < windowStart) {
    const completedDue = answeredDue(addOffset(done.at(-2) ?? ctx.group.startDate, every), last, every, windowDays);
    return [
      makeItem(ctx, {
        status: 'completed',
        windowStart: addDays(completedDue, -windowDays),
        dueDate: completedDue,
        completedOn: last,
        reason: `Your ${ctx.rule.label} was held on ${longDate(last)}; the next is due by ${longDate(dueDate)}.`,
      }),
    ];
  }
  return [
    makeItem(ctx, {
      status: openStatus(ctx.on, windowStart, dueDate),
      windowStart,
      dueDate,
      reason: describe(dueDate, last),
    }),
  ];
};

/** Regular conversations at the pair's agreed frequency, counted from the last one (000, 001, 003). */
export const agreedFrequency = (ctx: RuleContext, cadence: AgreedFrequency): DueItem[] => {
  const agreed = agreedEveryWeeks(ctx);
  const weeks = agreed?.weeks ?? cadence.defaultEveryWeeks;
  const settles = ctx.pack.regularFrequency?.decidedBy === 'manager' ? 'your line manager sets' : 'you agree';
  const every =
    agreed === undefined
      ? `every ${plural(weeks, 'week')}, the default until ${settles} a frequency${basisNote(plural(weeks, 'week'), cadence.basis)}`
      : agreedEvery(agreed);
  const done = heldDates(ctx);
  return rolling(
    ctx,
    done,
    { weeks },
    cadence.windowOpensDaysBefore,
    (dueDate, last) =>
      `${ctx.rule.label} ${every}; next by ${longDate(dueDate)}, ${
        last === undefined ? `starting from ${longDate(ctx.group.startDate)}` : `the last one on ${longDate(last)}`
      }.`,
  );
};

/** A 1:1 at least every N months; formal records and reviews held in between count as 1:1s (002). */
export const atLeastEvery = (ctx: RuleContext, cadence: AtLeastEvery): DueItem[] => {
  const done = heldDates(ctx, [ctx.rule.type, ...cadence.countsAlso]);
  return rolling(
    ctx,
    done,
    { months: cadence.months },
    cadence.windowOpensDaysBefore,
    (dueDate, last) =>
      `A ${ctx.rule.label} is needed at least every ${plural(cadence.months, 'month')}: by ${longDate(dueDate)}, ${
        last === undefined
          ? `since starting on ${longDate(ctx.group.startDate)}`
          : `since the last one on ${longDate(last)}`
      }.`,
  );
};
