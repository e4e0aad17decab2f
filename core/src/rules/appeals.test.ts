import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Nation } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import { addDays, daysBetween, fromUtcDate } from '../time/dates.ts';
import { createWorkingDayCalendar } from '../time/working-days.ts';
import { appealDeadlines } from './appeals.ts';

const calendar = createWorkingDayCalendar();
const arbDate = fc
  .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2032-12-31T00:00:00Z'), noInvalidDate: true })
  .map(fromUtcDate);
const arbNation = fc.constantFrom<Nation>('england-and-wales', 'scotland', 'northern-ireland');

describe('002 Bexley appeal deadlines', () => {
  it('002: lodge with the grandparent within 10 working days of notification, skipping Easter in England', () => {
    const d = appealDeadlines('bexley-pms', { notifiedOn: '2026-04-02' }, 'england-and-wales', calendar);
    expect(d).toMatchObject({
      lodgeWith: 'grandparent',
      lodgeBy: '2026-04-20',
      policyRef: '002 Appendix 6',
      final: true,
    });
  });
  it('002: Scotland works Easter Monday, so the deadline is a day sooner', () => {
    expect(appealDeadlines('bexley-pms', { notifiedOn: '2026-04-02' }, 'scotland', calendar).lodgeBy).toBe(
      '2026-04-17',
    );
  });
  it('002: written decision within 5 working days of the hearing, across Christmas and New Year', () => {
    const dates = { notifiedOn: '2026-12-01', hearingOn: '2026-12-23' };
    expect(appealDeadlines('bexley-pms', dates, 'england-and-wales', calendar).decisionDueBy).toBe('2027-01-04');
    expect(appealDeadlines('bexley-pms', dates, 'scotland', calendar).decisionDueBy).toBe('2027-01-05');
  });
  it('002: heard by the grandparent’s manager with an HR adviser present', () => {
    const d = appealDeadlines('bexley-pms', { notifiedOn: '2026-06-01' }, 'england-and-wales', calendar);
    expect(d.heardBy).toBe('grandparents-manager');
    expect(d.present).toMatch(/Human Resources/);
    expect(d.acknowledgeBy).toBeUndefined();
  });
  it('002: says whether a lodged appeal was in time', () => {
    const base = { notifiedOn: '2026-06-01' };
    expect(appealDeadlines('bexley-pms', { ...base, lodgedOn: '2026-06-15' }, 'england-and-wales').lodgedInTime).toBe(
      true,
    );
    expect(appealDeadlines('bexley-pms', { ...base, lodgedOn: '2026-06-16' }, 'england-and-wales').lodgedInTime).toBe(
      false,
    );
  });
  it('002: needs the notification date', () => {
    expect(() => appealDeadlines('bexley-pms', { conversationOn: '2026-06-01' }, 'england-and-wales')).toThrow(
      AppError,
    );
  });
  it('002: deadlines never land on a weekend or a bank holiday of the nation', () => {
    fc.assert(
      fc.property(arbDate, arbNation, (notifiedOn, nation) => {
        const d = appealDeadlines('bexley-pms', { notifiedOn, hearingOn: notifiedOn }, nation, calendar);
        for (const day of [d.lodgeBy, d.decisionDueBy ?? d.lodgeBy]) {
          expect(calendar.isWorkingDay(day, nation)).toBe(true);
        }
        expect(calendar.workingDaysBetween(notifiedOn, d.lodgeBy, nation)).toBe(10);
        expect(daysBetween(notifiedOn, d.lodgeBy)).toBeGreaterThanOrEqual(12);
      }),
    );
  });
});

describe('003 Somerset appeal deadlines', () => {
  it('003: lodge with the next-in-line manager within 14 calendar days of the conversation', () => {
    const d = appealDeadlines('somerset-career-conversations', { conversationOn: '2026-12-20' }, 'england-and-wales');
    expect(d).toMatchObject({ lodgeWith: 'next-in-line-manager', lodgeBy: '2027-01-03', policyRef: '003 §5.10' });
  });
  it('003: acknowledged within 7 calendar days of lodging, with People Services present', () => {
    const d = appealDeadlines(
      'somerset-career-conversations',
      { conversationOn: '2026-06-01', lodgedOn: '2026-06-10' },
      'scotland',
    );
    expect(d.acknowledgeBy).toBe('2026-06-17');
    expect(d.present).toMatch(/People Services/);
  });
  it('003: sets no decision deadline, since the policy gives none', () => {
    const d = appealDeadlines(
      'somerset-career-conversations',
      { conversationOn: '2026-06-01', hearingOn: '2026-06-20' },
      'england-and-wales',
    );
    expect(d.decisionDueBy).toBeUndefined();
  });
  it('003: the 14-calendar-day window ignores weekends and bank holidays', () => {
    fc.assert(
      fc.property(arbDate, arbNation, (conversationOn, nation) => {
        const d = appealDeadlines('somerset-career-conversations', { conversationOn }, nation, calendar);
        expect(d.lodgeBy).toBe(addDays(conversationOn, 14));
        expect(
          appealDeadlines('somerset-career-conversations', { conversationOn, lodgedOn: d.lodgeBy }, nation, calendar)
            .lodgedInTime,
        ).toBe(true);
        expect(
          appealDeadlines(
            'somerset-career-conversations',
            { conversationOn, lodgedOn: addDays(d.lodgeBy, 1) },
            nation,
            calendar,
          ).lodgedInTime,
        ).toBe(false);
      }),
    );
  });
  it('003: needs the conversation date', () => {
    expect(() => appealDeadlines('somerset-career-conversations', { notifiedOn: '2026-06-01' }, 'scotland')).toThrow(
      AppError,
    );
  });
});

describe('schemes without an appeal procedure', () => {
  it.each(['cumbria-vip', 'leicestershire-apr', 'assembly-secretariat'] as const)(
    '%s has no appeal deadlines',
    (scheme) => {
      expect(() =>
        appealDeadlines(scheme, { notifiedOn: '2026-06-01', conversationOn: '2026-06-01' }, 'scotland'),
      ).toThrow(AppError);
    },
  );
});
