import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSmart, SMART_ORDER, type SmartInput } from './smart.ts';

const ON = '2027-04-20';
const good: SmartInput = {
  title: 'Cut invoice backlog in half',
  description: 'Clear the oldest supplier invoices so the backlog falls from 400 to 200 items by the end of July.',
  kind: 'short-range',
  measures: [{ kind: 'quantity', text: 'Backlog count from the finance report' }],
  horizon: 'short',
  targetDate: '2027-07-31',
  milestones: [{ dueDate: '2027-06-01' }],
  alignment: [{ reference: 'Finance team plan 2027' }],
};

describe('checkSmart', () => {
  it('002: a well-formed objective meets every SMART letter', () => {
    expect(checkSmart(good, ON)).toMatchObject({ isSmart: true, missing: [] });
  });
  it('002: specific — a one-word title is not specific', () => {
    const r = checkSmart({ ...good, title: 'Invoices' }, ON);
    expect(r.missing).toEqual(['specific']);
    expect(r.letters.specific.reason).toMatch(/title/);
  });
  it('002: specific — a description of a few words is not enough', () => {
    expect(checkSmart({ ...good, description: 'Do the invoices.' }, ON).missing).toContain('specific');
  });
  it('002: specific — vague words are flagged', () => {
    const r = checkSmart(
      { ...good, description: 'Sort out things in the invoice process, reduce to 200 items etc.' },
      ON,
    );
    expect(r.letters.specific.reason).toMatch(/vague/);
  });
  it('002: specific — a description that repeats the title is flagged', () => {
    const title = 'Improve the supplier invoice process for the finance team this year';
    expect(checkSmart({ ...good, title, description: title }, ON).letters.specific.met).toBe(false);
  });
  it('002: measurable — a recorded measure is enough', () => {
    const r = checkSmart(
      { ...good, description: 'Clear the oldest supplier invoices so suppliers are paid on time.' },
      ON,
    );
    expect(r.letters.measurable.met).toBe(true);
  });
  it('002: measurable — a number in the description is enough without a measure', () => {
    expect(checkSmart({ ...good, measures: [] }, ON).letters.measurable.met).toBe(true);
  });
  it('002: measurable — a measure word such as "reduce" counts', () => {
    const r = checkSmart(
      {
        ...good,
        measures: [],
        description: 'Reduce the supplier invoice backlog by working through the oldest first.',
      },
      ON,
    );
    expect(r.letters.measurable.met).toBe(true);
  });
  it('002: measurable — nothing to measure by is flagged with a reason', () => {
    const r = checkSmart(
      { ...good, measures: [], description: 'Look after the supplier invoice work for the finance team this summer.' },
      ON,
    );
    expect(r.missing).toEqual(['measurable']);
    expect(r.letters.measurable.reason).toMatch(/measure/);
  });
  it('003: achievable — a target date in the past is flagged', () => {
    const r = checkSmart({ ...good, targetDate: '2027-04-01', milestones: [] }, ON);
    expect(r.missing).toEqual(['achievable']);
    expect(r.letters.achievable.reason).toMatch(/passed/);
  });
  it('003: achievable — a milestone after the target date is flagged', () => {
    expect(checkSmart({ ...good, milestones: [{ dueDate: '2027-09-01' }] }, ON).letters.achievable.reason).toMatch(
      /milestone/,
    );
  });
  it('002: achievable — a short-range objective two years away is inconsistent', () => {
    expect(checkSmart({ ...good, targetDate: '2029-05-01', milestones: [] }, ON).missing).toEqual(['achievable']);
  });
  it('002: achievable — a long-range objective due next month is inconsistent', () => {
    expect(checkSmart({ ...good, horizon: 'long', targetDate: '2027-05-20', milestones: [] }, ON).missing).toEqual([
      'achievable',
    ]);
  });
  it('002: achievable — a long-range objective a year away is fine', () => {
    expect(checkSmart({ ...good, horizon: 'long', targetDate: '2028-04-01' }, ON).isSmart).toBe(true);
  });
  it('001: relevant — alignment to a plan counts even without a kind', () => {
    const { kind: _kind, ...rest } = good;
    expect(checkSmart(rest, ON).letters.relevant.met).toBe(true);
  });
  it('001: relevant — no kind and no alignment is flagged', () => {
    const { kind: _kind, ...rest } = good;
    const r = checkSmart({ ...rest, alignment: [] }, ON);
    expect(r.missing).toEqual(['relevant']);
  });
  it('003: time-bound — dated milestones are enough without a target date', () => {
    const { targetDate: _t, ...rest } = good;
    expect(checkSmart(rest, ON).letters.timeBound.met).toBe(true);
  });
  it('003: time-bound — no target date and no dated milestone is flagged', () => {
    const { targetDate: _t, ...rest } = good;
    const r = checkSmart({ ...rest, milestones: [{}] }, ON);
    expect(r.missing).toEqual(['timeBound']);
    expect(r.letters.timeBound.reason).toMatch(/target date/);
  });
  it('lists every missing letter in SMART order', () => {
    const r = checkSmart({ title: 'Stuff', description: '' }, ON);
    expect(r.missing).toEqual(['specific', 'measurable', 'relevant', 'timeBound']);
  });
  it('is deterministic and gives a reason exactly for each letter not met', () => {
    const arb = fc.record({
      title: fc.string({ maxLength: 40 }),
      description: fc.string({ maxLength: 120 }),
      targetDate: fc.option(fc.constantFrom('2026-01-01', '2027-05-01', '2028-06-01', '2031-01-01'), {
        nil: undefined,
      }),
      horizon: fc.option(fc.constantFrom('short', 'medium', 'long' as const), { nil: undefined }),
    });
    fc.assert(
      fc.property(arb, (input) => {
        const draft: SmartInput = {
          title: input.title,
          description: input.description,
          ...(input.targetDate === undefined ? {} : { targetDate: input.targetDate }),
          ...(input.horizon === undefined ? {} : { horizon: input.horizon }),
        };
        const a = checkSmart(draft, ON);
        expect(checkSmart(draft, ON)).toEqual(a);
        for (const letter of SMART_ORDER) {
          expect(a.missing.includes(letter)).toBe(!a.letters[letter].met);
          expect(a.letters[letter].reason === undefined).toBe(a.letters[letter].met);
        }
      }),
    );
  });
});
