import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConversationRecord } from '../domain/conversations.ts';
import { SCHEME_IDS, type SchemeId } from '../domain/people.ts';
import { getSchemePack } from '../scheme/packs/index.ts';
import { addDays, addMonths, fromUtcDate } from '../time/dates.ts';
import { due, employee, job, record } from './fixtures.test-support.ts';

const arbDate = (min: string, max: string) =>
  fc
    .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map(fromUtcDate);

const arbScheme = fc.constantFrom(...SCHEME_IDS);

const arbHistory = (scheme: SchemeId) =>
  fc.array(
    fc
      .record({
        type: fc.constantFrom(...getSchemePack(scheme).conversations.map((c) => c.type)),
        date: arbDate('2024-01-01', '2028-12-31'),
        status: fc.constantFrom('booked', 'held', 'agreed', 'cancelled' as const),
        jobIds: fc.constantFrom([], ['job-1'], ['job-2'], ['job-1', 'job-2']),
      })
      .map((r): ConversationRecord => record(r.type, r.date, r.status, { jobIds: r.jobIds })),
    { maxLength: 12 },
  );

const arbEmployee = fc
  .record({
    startDate: arbDate('2022-01-01', '2027-12-31'),
    secondManager: fc.boolean(),
    probation: fc.constantFrom('in-probation', 'extended', 'passed', 'none' as const),
    leaveDays: fc.option(fc.integer({ min: 1, max: 400 }), { nil: undefined }),
    leaveOffset: fc.integer({ min: 0, max: 700 }),
    agreed: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
  })
  .map((e) =>
    employee({
      startDate: e.startDate,
      jobs: [
        job({ startDate: e.startDate, ...(e.agreed === undefined ? {} : { agreedRegularEveryWeeks: e.agreed }) }),
        job({
          id: 'job-2',
          startDate: e.startDate,
          isMain: false,
          managerIds: [e.secondManager ? 'manager-2' : 'manager-1'],
        }),
      ],
      probation: { status: e.probation, endDate: addDays(e.startDate, 200) },
      leave:
        e.leaveDays === undefined
          ? []
          : [
              {
                kind: 'sickness',
                start: addDays(e.startDate, e.leaveOffset),
                end: addDays(e.startDate, e.leaveOffset + e.leaveDays),
              },
            ],
    }),
  );

const arbCase = arbScheme.chain((scheme) =>
  fc.record({
    scheme: fc.constant(scheme),
    who: arbEmployee,
    history: arbHistory(scheme),
    on: arbDate('2022-01-01', '2029-12-31'),
  }),
);

describe('engine invariants (property-based)', () => {
  it('never reports overdue before the due date, nor due outside its window', () => {
    fc.assert(
      fc.property(arbCase, ({ scheme, who, history, on }) => {
        for (const item of due(scheme, on, who, history).items) {
          if (item.status === 'overdue') expect(on > item.dueDate).toBe(true);
          if (item.status === 'due') expect(item.windowStart <= on && on <= item.dueDate).toBe(true);
          if (item.status === 'upcoming') expect(on < item.windowStart).toBe(true);
          expect(item.windowStart <= item.dueDate).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
  it('a completed item names a held conversation that is not in the future', () => {
    fc.assert(
      fc.property(arbCase, ({ scheme, who, history, on }) => {
        for (const item of due(scheme, on, who, history).items.filter((i) => i.status === 'completed')) {
          expect(item.completedOn !== undefined && item.completedOn <= on).toBe(true);
          const cadence = getSchemePack(scheme).conversations.find((c) => c.type === item.type)?.cadence;
          const counted = [item.type, ...(cadence?.kind === 'at-least-every' ? cadence.countsAlso : [])];
          const held = history.filter((r) => r.date === item.completedOn && counted.includes(r.type));
          expect(held.some((r) => r.status === 'held' || r.status === 'agreed')).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
  it('004: at most one Regular item per month for each manager', () => {
    fc.assert(
      fc.property(
        arbEmployee,
        arbHistory('assembly-secretariat'),
        arbDate('2022-01-01', '2029-12-31'),
        (who, history, on) => {
          const regular = due('assembly-secretariat', on, who, history).items.filter((i) => i.type === 'regular');
          const keys = regular.map((i) => `${i.withIds.join()}@${i.windowStart.slice(0, 7)}`);
          expect(new Set(keys).size).toBe(keys.length);
        },
      ),
      { numRuns: 300 },
    );
  });
  it('004: a suppressed Regular appears only in the month the Big Picture conversation is due or one that holds a Big Picture conversation', () => {
    fc.assert(
      fc.property(
        arbEmployee,
        arbHistory('assembly-secretariat'),
        arbDate('2022-01-01', '2029-12-31'),
        (who, history, on) => {
          const bigPictureMonths = new Set(
            history.filter((r) => r.type === 'big-picture' && r.status !== 'cancelled').map((r) => r.date.slice(0, 7)),
          );
          const items = due('assembly-secretariat', on, who, history).items;
          for (const item of items) {
            if (item.type === 'regular' && item.status === 'suppressed') {
              const bigPicture = items.find(
                (i) => i.type === 'big-picture' && i.withIds.join() === item.withIds.join(),
              );
              expect(
                bigPicture?.windowStart === item.windowStart || bigPictureMonths.has(item.windowStart.slice(0, 7)),
              ).toBe(true);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
  it('004: a Big Picture item falls four months after the month of the last one held before it, or after the start month', () => {
    fc.assert(
      fc.property(
        arbEmployee,
        arbHistory('assembly-secretariat'),
        arbDate('2022-01-01', '2029-12-31'),
        (who, history, on) => {
          for (const item of due('assembly-secretariat', on, who, history).items.filter(
            (i) => i.type === 'big-picture',
          )) {
            const held = history
              .filter(
                (r) =>
                  r.type === 'big-picture' &&
                  (r.status === 'held' || r.status === 'agreed') &&
                  r.date <= on &&
                  (r.jobIds.length === 0 || r.jobIds.some((id) => item.jobIds.includes(id))),
              )
              .map((r) => r.date)
              .sort();
            const last = held.at(-1);
            const next = addMonths(`${(last ?? who.startDate).slice(0, 7)}-01`, 4);
            if (item.status === 'completed') {
              expect(item.completedOn).toBe(last);
              expect(on < next).toBe(true);
            } else {
              expect(item.windowStart).toBe(next);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
  it('000: booked or cancelled conversations alone never complete anything', () => {
    fc.assert(
      fc.property(arbEmployee, arbHistory('cumbria-vip'), arbDate('2022-01-01', '2029-12-31'), (who, history, on) => {
        const notHeld = history.filter((r) => r.status === 'booked' || r.status === 'cancelled');
        expect(due('cumbria-vip', on, who, notHeld).items.some((i) => i.status === 'completed')).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
