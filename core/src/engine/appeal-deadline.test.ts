import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Nation } from '../domain/people.ts';
import { isAppError } from '../errors.ts';
import { getSchemePack } from '../scheme/packs/index.ts';
import type { AppealRules } from '../scheme/types.ts';
import { fromUtcDate } from '../time/dates.ts';
import { createWorkingDayCalendar } from '../time/working-days.ts';
import { appealDeadline } from './appeal-deadline.ts';

const rulesOf = (scheme: 'bexley-pms' | 'somerset-career-conversations'): AppealRules => {
  const rules = getSchemePack(scheme).appeal;
  if (rules === undefined) throw new Error(`${scheme} has no appeal rules`);
  return rules;
};
const BEXLEY = rulesOf('bexley-pms');
const SOMERSET = rulesOf('somerset-career-conversations');
const nation: Nation = 'england-and-wales';
const calendar = createWorkingDayCalendar();

describe('002 Bexley: appeal timescales varied by mutual consent', () => {
  // The hearing on Thursday 27 May 2027; Monday 31 May is the spring bank holiday.
  const hearing = { rules: BEXLEY, step: 'decision' as const, from: '2027-05-27', nation };

  it('002 Appendix 6 §2: the written decision is due five working days after the hearing, skipping the bank holiday', () => {
    const d = appealDeadline(hearing);
    expect(d).toMatchObject({ dueBy: '2027-06-04', schemeDueBy: '2027-06-04', extendedByWorkingDays: 0 });
    expect(d.reason).toBe(
      'The written decision is due by 4 June 2027: 5 working days after the hearing on 27 May 2027 (policy 002 Appendix 6).',
    );
    expect(d.communicateTo).toBeUndefined();
  });
  it('002 Appendix 6 §2: an agreed extension moves the decision on by its working days, and says who must be told', () => {
    const d = appealDeadline({ ...hearing, extensions: [{ workingDays: 3, agreedOn: '2027-06-01' }] });
    expect(d).toMatchObject({ dueBy: '2027-06-09', schemeDueBy: '2027-06-04', extendedByWorkingDays: 3 });
    expect(d.policyRef).toBe('002 Appendix 6 §2');
    expect(d.communicateTo).toBe('individual-and-representative');
    expect(d.reason).toContain('extended by 3 working days by mutual consent (policy 002 Appendix 6 §2)');
  });
  it('002 Appendix 6 §2: an extension only proposed, not yet agreed, leaves the deadline where it was', () => {
    expect(appealDeadline({ ...hearing, extensions: [{ workingDays: 10 }] }).dueBy).toBe('2027-06-04');
  });
  it('002 Appendix 6 §2: two agreed extensions add up', () => {
    const extensions = [
      { workingDays: 2, agreedOn: '2027-06-01' },
      { workingDays: 5, agreedOn: '2027-06-08' },
    ];
    expect(appealDeadline({ ...hearing, extensions })).toMatchObject({ dueBy: '2027-06-15', extendedByWorkingDays: 7 });
  });
  it('002 Appendix 6 §1: the appeal is lodged within ten working days of notification; the same arithmetic extends it', () => {
    const lodge = { rules: BEXLEY, step: 'lodge' as const, from: '2027-05-03', nation };
    expect(appealDeadline(lodge).dueBy).toBe('2027-05-17');
    expect(appealDeadline({ ...lodge, extensions: [{ workingDays: 1, agreedOn: '2027-05-10' }] }).dueBy).toBe(
      '2027-05-18',
    );
  });
  it('002 Appendix 6 §2: an extension is whole working days', () => {
    const refused = () => appealDeadline({ ...hearing, extensions: [{ workingDays: 0, agreedOn: '2027-06-01' }] });
    expect(refused).toThrow(/whole number of working days/);
  });
  it('002 Appendix 6: Scottish bank holidays count for a Scottish employer', () => {
    // Monday 2 August 2027 is a bank holiday in Scotland only.
    const from = '2027-07-28';
    expect(appealDeadline({ ...hearing, from }).dueBy).toBe('2027-08-04');
    expect(appealDeadline({ ...hearing, from, nation: 'scotland' }).dueBy).toBe('2027-08-05');
  });

  const arbDate = fc
    .date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
    .map(fromUtcDate);
  const arbExtension = fc.record({
    workingDays: fc.integer({ min: 1, max: 20 }),
    agreedOn: fc.option(arbDate, { nil: undefined }),
  });
  it('002 Appendix 6 §2: for any hearing and any extensions, the deadline is a working day exactly the agreed working days after the scheme’s, whatever their order', () => {
    fc.assert(
      fc.property(
        arbDate,
        fc.array(arbExtension, { maxLength: 4 }),
        fc.constantFrom<Nation>('england-and-wales', 'scotland', 'northern-ireland'),
        (from, extensions, where) => {
          const d = appealDeadline({ ...hearing, from, nation: where, extensions, calendar });
          const agreed = extensions.filter((e) => e.agreedOn !== undefined).reduce((s, e) => s + e.workingDays, 0);
          expect(calendar.isWorkingDay(d.dueBy, where)).toBe(true);
          expect(calendar.workingDaysBetween(from, d.schemeDueBy, where)).toBe(5);
          expect(calendar.workingDaysBetween(d.schemeDueBy, d.dueBy, where)).toBe(agreed);
          expect(
            appealDeadline({ ...hearing, from, nation: where, extensions: [...extensions].reverse(), calendar }).dueBy,
          ).toBe(d.dueBy);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('003 Somerset: appeal timescales are fixed', () => {
  it('003 §5.10: the acknowledgement is due seven calendar days after the appeal is lodged', () => {
    expect(appealDeadline({ rules: SOMERSET, step: 'acknowledge', from: '2027-05-28', nation }).dueBy).toBe(
      '2027-06-04',
    );
  });
  it('003 §5.10: the policy does not provide for varying its timescales, so an agreed extension is refused', () => {
    let caught: unknown;
    try {
      appealDeadline({
        rules: SOMERSET,
        step: 'lodge',
        from: '2027-05-03',
        nation,
        extensions: [{ workingDays: 2, agreedOn: '2027-05-05' }],
      });
    } catch (e) {
      caught = e;
    }
    expect(isAppError(caught) && caught.code === 'validation').toBe(true);
  });
  it('003 §5.10: no decision deadline is set, so asking for one is refused', () => {
    expect(() => appealDeadline({ rules: SOMERSET, step: 'decision', from: '2027-05-03', nation })).toThrow(
      /no deadline/,
    );
  });
});
