import { describe, expect, it } from 'vitest';
import { schemePackSchema } from '../scheme/pack-schema.ts';
import { schemePacks } from '../scheme/packs/index.ts';
import type { SchemePack } from '../scheme/types.ts';
import { dueConversations } from './due.ts';
import { due, employee, job, only, record, tenantFor } from './fixtures.test-support.ts';

const ORGANISATION = "the organisation's choice";

/** A copy of a built-in pack with one conversation's cadence changed, as an employer might set it. */
const withCadence = (pack: SchemePack, type: string, change: Record<string, unknown>): SchemePack => ({
  ...pack,
  conversations: pack.conversations.map((c) => (c.type === type ? { ...c, cadence: { ...c.cadence, ...change } } : c)),
});

const moved = employee({
  managerChanges: [{ jobId: 'job-1', previousManagerId: 'manager-0', newManagerId: 'manager-1', on: '2025-10-01' }],
});

describe('000 Cumbria: settings the policy does not fix say so', () => {
  it("000 Appendix 1 Internal Transfers: the 28-day handover is shown as the organisation's choice", () => {
    expect(only(due('cumbria-vip', '2025-10-10', moved), 'handover').reason).toContain(`28 days: ${ORGANISATION}`);
  });
  it('000 Appendix 1: the first appraisal 12 months after starting is shown as the policy’s', () => {
    expect(only(due('cumbria-vip', '2025-11-01'), 'annual-review').reason).toContain('timing: policy 000 Appendix 1');
  });
  it("000 Scheduling VIP conversations: the four-week default is the organisation's choice until the pair agree one", () => {
    expect(only(due('cumbria-vip', '2025-01-20'), 'regular').reason).toContain(`4 weeks: ${ORGANISATION}`);
    const agreed = employee({ jobs: [job({ agreedRegularEveryWeeks: 6 })] });
    expect(only(due('cumbria-vip', '2025-01-20', agreed), 'regular').reason).not.toContain(ORGANISATION);
  });
  it('000: an employer who sets a 14-day handover gets handovers due in 14 days', () => {
    const pack = withCadence(schemePacks['cumbria-vip'], 'handover', { dueWithinDays: 14 });
    expect(schemePackSchema.safeParse(pack).success).toBe(true);
    const report = dueConversations({
      tenant: tenantFor('cumbria-vip'),
      employee: moved,
      history: [],
      on: '2025-10-10',
      pack,
    });
    const handover = report.items.find((i) => i.type === 'handover');
    expect(handover?.dueDate).toBe('2025-10-15');
    expect(handover?.reason).toContain(`14 days: ${ORGANISATION}`);
  });
});

describe("001 Leicestershire: the APR date is the organisation's choice", () => {
  it("001 Annual Performance Review: the APR timing is shown as the organisation's choice", () => {
    expect(only(due('leicestershire-apr', '2025-11-01'), 'annual-review').reason).toContain(`timing: ${ORGANISATION}`);
    const next = only(
      due('leicestershire-apr', '2027-01-10', employee(), [record('annual-review', '2026-02-01')]),
      'annual-review',
    );
    expect(next.reason).toContain(`timing: ${ORGANISATION}`);
  });
  it('001: an employer who chooses a first APR six months after starting gets it then', () => {
    const pack = withCadence(schemePacks['leicestershire-apr'], 'annual-review', { firstAfterStart: { months: 6 } });
    const report = dueConversations({
      tenant: tenantFor('leicestershire-apr'),
      employee: employee(),
      history: [],
      on: '2025-06-20',
      pack,
    });
    expect(report.items.find((i) => i.type === 'annual-review')).toMatchObject({
      dueDate: '2025-07-06',
      status: 'due',
    });
  });
});

describe("003 Somerset: the induction deadline is the organisation's choice", () => {
  it("003 §5.1: the 14 days for the introductory meeting are shown as the organisation's choice", () => {
    const newcomer = employee({ startDate: '2027-05-03', jobs: [job({ startDate: '2027-05-03' })] });
    expect(only(due('somerset-career-conversations', '2027-05-05', newcomer), 'induction').reason).toContain(
      `14 days: ${ORGANISATION}`,
    );
  });
});

describe('000 and 003: the lengths the policies leave open are settings, and the reasons say whose', () => {
  it("000 Appendix 1: what counts as long leave (28 days or more) is shown as the organisation's choice", () => {
    const onLeave = employee({ leave: [{ kind: 'maternity', start: '2025-09-01', end: '2026-06-30' }] });
    expect(only(due('cumbria-vip', '2026-07-15', onLeave), 'annual-review').reason).toContain(
      `leave of 28 days or more: ${ORGANISATION}`,
    );
  });
  it('000 Appendix 1: an employer who counts leave of 60 days or more as long leave keeps a 40-day absence on the normal date', () => {
    const pack = withCadence(schemePacks['cumbria-vip'], 'annual-review', {
      longLeave: { minDays: 60, arrangeWithinMonthsOfReturn: 3, minDaysBasis: 'organisation-choice' },
    });
    expect(schemePackSchema.safeParse(pack).success).toBe(true);
    const away = employee({ leave: [{ kind: 'sickness', start: '2025-12-20', end: '2026-01-28' }] });
    const on = (p?: SchemePack) =>
      dueConversations({
        tenant: tenantFor('cumbria-vip'),
        employee: away,
        history: [],
        on: '2026-02-10',
        ...(p ? { pack: p } : {}),
      }).items.find((i) => i.type === 'annual-review');
    expect(on()).toMatchObject({ dueDate: '2026-04-28', forwardLooking: true });
    expect(on(pack)).toMatchObject({ dueDate: '2026-01-06', status: 'overdue' });
  });
  it("001 and 003: the four-week default for one-to-ones and supervision is the organisation's choice", () => {
    expect(only(due('leicestershire-apr', '2025-01-20'), 'regular').reason).toContain(`4 weeks: ${ORGANISATION}`);
    expect(only(due('somerset-career-conversations', '2025-01-20'), 'regular').reason).toContain(
      `4 weeks: ${ORGANISATION}`,
    );
  });
  const deferred = employee({
    startDate: '2020-09-14',
    incrementalDate: '2021-04-01',
    payStep: {
      formalCapabilityProcess: false,
      liveDisciplinarySanction: false,
      mandatoryTrainingComplete: true,
      deferralPlan: { agreedOn: '2027-04-10', reviewDates: ['2027-05-10'] },
    },
  });
  const planReview = (on: string, pack?: SchemePack) =>
    dueConversations({
      tenant: tenantFor('somerset-career-conversations'),
      employee: deferred,
      history: [record('annual-review', '2027-04-01')],
      on,
      ...(pack ? { pack } : {}),
    }).items.find((i) => i.type === 'regular' && i.policyRef === '003 §5.8');
  it("003 §5.8: showing a deferral plan review as due a week before its date is the organisation's choice, and says so", () => {
    expect(planReview('2027-05-05')?.reason).toContain(`shown as due 7 days before: ${ORGANISATION}`);
  });
  it('003 §5.8: an employer who shows plan reviews a fortnight ahead gets them due then', () => {
    const base = schemePacks['somerset-career-conversations'];
    const spec = base.deferralPlanReviews;
    if (spec === undefined) throw new Error('Somerset reviews deferral plans');
    const pack: SchemePack = { ...base, deferralPlanReviews: { ...spec, windowOpensDaysBefore: 14 } };
    expect(schemePackSchema.safeParse(pack).success).toBe(true);
    expect(planReview('2027-04-28')?.status).toBe('upcoming');
    expect(planReview('2027-04-28', pack)).toMatchObject({ status: 'due', windowStart: '2027-04-26' });
  });
});
