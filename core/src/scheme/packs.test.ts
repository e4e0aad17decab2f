import { describe, expect, it } from 'vitest';
import type { ConversationTypeId } from '../domain/conversations.ts';
import { SCHEME_IDS, type SchemeId } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import { schemePackSchema } from './pack-schema.ts';
import { getSchemePack, schemePacks } from './packs/index.ts';
import type { Cadence, SchemePack } from './types.ts';

const rule = (pack: SchemePack, type: ConversationTypeId) => {
  const found = pack.conversations.find((c) => c.type === type);
  if (!found) throw new Error(`${pack.id} has no ${type} rule`);
  return found;
};
const cadenceOf = <K extends Cadence['kind']>(pack: SchemePack, type: ConversationTypeId, kind: K) => {
  const c = rule(pack, type).cadence;
  if (c.kind !== kind) throw new Error(`expected ${kind}, got ${c.kind}`);
  return c as Extract<Cadence, { kind: K }>;
};
const ids = (items: readonly { readonly id: string }[]) => items.map((i) => i.id);

describe('scheme packs are valid data', () => {
  it.each(SCHEME_IDS)('%s passes the pack schema', (id) => {
    const result = schemePackSchema.safeParse(schemePacks[id]);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });
  it.each(SCHEME_IDS)('%s is filed under its own id', (id) => {
    expect(getSchemePack(id).id).toBe(id);
  });
  it.each(SCHEME_IDS)('%s has unique topic, objective-kind and section ids', (id) => {
    const pack = schemePacks[id];
    for (const list of [pack.topics, pack.objectiveKinds, pack.annualReview?.sections ?? [], pack.values]) {
      expect(new Set(ids(list)).size).toBe(list.length);
    }
  });
  it.each(SCHEME_IDS)('%s names each conversation type once and cites its own policy', (id) => {
    const pack = schemePacks[id];
    const types = pack.conversations.map((c) => c.type);
    expect(new Set(types).size).toBe(types.length);
    for (const c of pack.conversations) expect(c.policyRef.startsWith(pack.policy)).toBe(true);
  });
  it.each(SCHEME_IDS)('%s refers capability concerns to a capability procedure', (id) => {
    expect(schemePacks[id].capabilityReferral).toMatch(/capability/i);
  });
  it('rejects a pack whose cadence has an impossible month', () => {
    const broken = {
      ...schemePacks['bexley-pms'],
      conversations: [
        {
          ...rule(schemePacks['bexley-pms'], 'annual-review'),
          cadence: {
            kind: 'calendar-windows',
            windows: [{ fromMonth: 13, toMonth: 5 }],
            appliesFrom: { kind: 'employed-before-window' },
          },
        },
      ],
    };
    expect(schemePackSchema.safeParse(broken).success).toBe(false);
  });
  it('rejects a pack with an unknown conversation type', () => {
    const broken = {
      ...schemePacks['cumbria-vip'],
      conversations: [{ ...rule(schemePacks['cumbria-vip'], 'regular'), type: 'coffee' }],
    };
    expect(schemePackSchema.safeParse(broken).success).toBe(false);
  });
  it('refuses an unknown scheme id with a not-found error', () => {
    expect(() => getSchemePack('nowhere' as SchemeId)).toThrow(AppError);
  });
});

describe('000 Cumbria VIP', () => {
  const pack = schemePacks['cumbria-vip'];
  it('000: six topics, the five VIP areas plus wellbeing, one or two per conversation', () => {
    expect(ids(pack.topics)).toEqual([
      'customer',
      'working-together',
      'communication-and-engagement',
      'leadership',
      'managing-resources',
      'wellbeing',
    ]);
    expect(pack.topicsPerConversation).toEqual({ min: 1, max: 2 });
  });
  it('000: conversations open on strengths', () => {
    expect(pack.strengthsFirst).toBe(true);
    for (const t of pack.topics) expect(t.strengthsPrompt.length).toBeGreaterThan(10);
  });
  it('000: the Summary Appraisal has the five sections in order', () => {
    expect(pack.annualReview?.sections.map((s) => s.title)).toEqual([
      'Individual summary and feedback',
      'Manager summary and feedback',
      'Wellbeing',
      'Personal development and career aspirations',
      'Goals',
    ]);
  });
  it('000: three kinds of goal', () => {
    expect(ids(pack.objectiveKinds)).toEqual(['task-based', 'skills-and-development', 'personal-and-wellbeing']);
  });
  it('000: rolling 12 months, first a year after starting, probation first, long leave within 3 months of return', () => {
    const c = cadenceOf(pack, 'annual-review', 'rolling-annual');
    expect(c.firstAfterStart).toEqual({ months: 12 });
    expect(c.every).toEqual({ months: 12 });
    expect(c.probationFirst).toBe(true);
    expect(c.longLeave?.arrangeWithinMonthsOfReturn).toBe(3);
  });
  it('000: a handover is owed on a change of line manager', () => {
    expect(cadenceOf(pack, 'handover', 'on-manager-change').dueWithinDays).toBeGreaterThan(0);
  });
  it('000: VIP conversation frequency is locally agreed with a stated default', () => {
    expect(cadenceOf(pack, 'regular', 'agreed-frequency').defaultEveryWeeks).toBe(4);
  });
});

describe('001 Leicestershire APR', () => {
  const pack = schemePacks['leicestershire-apr'];
  it('001: one-to-ones cover the four generic areas', () => {
    expect(pack.topics.map((t) => t.title)).toEqual([
      'Managing',
      'Developing',
      'Supporting',
      'Health, Safety and Wellbeing',
    ]);
  });
  it('001: four corporate values and five leadership themes', () => {
    expect(pack.values.map((v) => v.title)).toEqual([
      'Positivity',
      'Trust and Respect',
      'Flexibility',
      'Openness and Transparency',
    ]);
    expect(pack.behaviourFramework?.themes.map((t) => t.title)).toEqual([
      'Drive',
      'Think',
      'Feel',
      'Connect',
      'Inspire',
    ]);
  });
  it('001: the APR is annual and employee-driven', () => {
    expect(pack.annualReview?.employeeDriven).toBe(true);
    expect(cadenceOf(pack, 'annual-review', 'rolling-annual').every).toEqual({ months: 12 });
  });
});

describe('002 Bexley PMS', () => {
  const pack = schemePacks['bexley-pms'];
  it('002: the April/May conversation is Retro 20% then Future 80% with their parts', () => {
    const [retro, future] = pack.annualReview?.sections ?? [];
    expect(retro?.timeSharePercent).toBe(20);
    expect(future?.timeSharePercent).toBe(80);
    expect(retro?.parts?.map((p) => p.id)).toEqual(['goals', 'accountabilities', 'values', 'learning']);
    expect(future?.parts?.map((p) => p.id)).toEqual([
      'goals',
      'accountabilities',
      'measures',
      'support-and-development',
    ]);
  });
  it('002: April/May window and three progress-record windows', () => {
    expect(cadenceOf(pack, 'annual-review', 'calendar-windows').windows).toEqual([{ fromMonth: 4, toMonth: 5 }]);
    expect(cadenceOf(pack, 'progress-record', 'calendar-windows').windows).toEqual([
      { fromMonth: 6, toMonth: 7 },
      { fromMonth: 9, toMonth: 10 },
      { fromMonth: 12, toMonth: 1 },
    ]);
  });
  it('002: 1:1s at least every three months', () => {
    expect(cadenceOf(pack, 'regular', 'at-least-every').months).toBe(3);
  });
  it('002: probation meetings at 4 weeks, 3 months and 5 months', () => {
    expect(cadenceOf(pack, 'probation-review', 'after-start').offsets).toEqual([
      { weeks: 4 },
      { months: 3 },
      { months: 5 },
    ]);
  });
  it('002: six objective kinds and six measures of how well', () => {
    expect(pack.objectiveKinds).toHaveLength(6);
    expect(pack.measures.map((m) => m.kind)).toEqual(['quality', 'quantity', 'timeliness', 'manner', 'method', 'cost']);
  });
  it('002: ratings 1–3, increment only for 1, shortfall for 3, 5% bonus, hidden until Step 3', () => {
    const scale = pack.ratingScale;
    expect(scale?.options.map((o) => [o.value, o.increment, o.requiresShortfall])).toEqual([
      ['1', true, false],
      ['2', false, false],
      ['3', false, true],
    ]);
    expect(scale?.bonus?.percentOfGradeRate).toBe(5);
    expect(scale?.hiddenFromEmployeeUntil).toBe('step-3-review');
    expect(scale?.checkedBy).toBe('grandparent');
  });
  it('002: appeal to the grandparent within 10 working days, decision within 5 working days of hearing', () => {
    expect(pack.appeal).toMatchObject({
      lodgeWith: 'grandparent',
      lodgeWithin: { amount: 10, unit: 'working-days' },
      lodgeFrom: 'notification',
      heardBy: 'grandparents-manager',
      decisionWithin: { amount: 5, unit: 'working-days' },
      lodgeableByRepresentative: true,
      final: true,
    });
  });
  it('002: ten job families from Top Management to Support Staff', () => {
    expect(pack.jobFamilies).toHaveLength(10);
    expect(pack.jobFamilies[0]?.title).toBe('Top Management');
    expect(pack.jobFamilies[9]?.title).toBe('Support Staff');
  });
  it('002: open and probing question banks and preparation prompts for both sides', () => {
    expect(pack.questionBank.open.length).toBeGreaterThanOrEqual(4);
    expect(pack.questionBank.probing.length).toBeGreaterThanOrEqual(3);
    expect(pack.preparation.employee.length).toBeGreaterThanOrEqual(4);
    expect(pack.preparation.manager.length).toBeGreaterThanOrEqual(4);
  });
});

describe('003 Somerset Career Conversations', () => {
  const pack = schemePacks['somerset-career-conversations'];
  it('003: supervision subjects include objectives, wellbeing, caseload, development, training and incidents', () => {
    expect(ids(pack.topics)).toEqual([
      'objectives',
      'health-and-wellbeing',
      'caseload',
      'development-and-career',
      'mandatory-training',
      'incidents',
    ]);
  });
  it('003: the Career Conversation follows the incremental date and ends with an agreed rating', () => {
    expect(cadenceOf(pack, 'annual-review', 'anniversary').of).toBe('incremental-date');
    expect(pack.annualReview?.sections.at(-1)?.id).toBe('agreed-rating');
    expect(pack.ratingScale?.setBy).toBe('agreed');
  });
  it('003: an induction meeting on appointment', () => {
    expect(rule(pack, 'induction').cadence.kind).toBe('on-appointment');
  });
  it('003: appeal to the next-in-line manager in 14 calendar days, acknowledged in 7, People Services present', () => {
    expect(pack.appeal).toMatchObject({
      lodgeWith: 'next-in-line-manager',
      lodgeWithin: { amount: 14, unit: 'calendar-days' },
      lodgeFrom: 'conversation',
      acknowledgeWithin: { amount: 7, unit: 'calendar-days' },
      final: true,
    });
    expect(pack.appeal?.present).toMatch(/People Services/);
  });
  it('003: the colleague drives the Career Conversation and has preparation prompts', () => {
    expect(pack.annualReview?.employeeDriven).toBe(true);
    expect(pack.preparation.employee.join(' ')).toMatch(/protected time/i);
  });
});

describe('004 Assembly Secretariat', () => {
  const pack = schemePacks['assembly-secretariat'];
  it('004: in the moment, monthly Regular and four-monthly Big Picture conversations', () => {
    expect(rule(pack, 'in-the-moment').cadence.kind).toBe('informal');
    expect(cadenceOf(pack, 'regular', 'monthly').suppressedInMonthsOf).toBe('big-picture');
    expect(cadenceOf(pack, 'big-picture', 'every-n-months').months).toBe(4);
  });
  it('004: Big Picture questions are owned by the Secretariat Management Group', () => {
    expect(pack.bigPicture?.owner).toBe('Secretariat Management Group');
    expect(pack.bigPicture?.questions.length).toBeGreaterThanOrEqual(4);
    expect(pack.bigPicture?.questions.some((q) => /strategy/i.test(q.text))).toBe(true);
  });
  it('004: job and development objectives, optional with the manager’s final say, required in probation and acting up', () => {
    expect(ids(pack.objectiveKinds)).toEqual(['job', 'development']);
    expect(pack.objectiveRecording).toMatchObject({
      mode: 'optional',
      decidedBy: 'manager',
      requiredWhen: ['probation', 'acting-up'],
    });
  });
  it('004: the three Assembly values', () => {
    expect(pack.values.map((v) => v.title)).toEqual(['Professionalism', 'Respect', 'Impartiality and integrity']);
  });
  it('004: has no annual review', () => {
    expect(pack.annualReview).toBeUndefined();
  });
  it('004: the minimum record is issues raised and actions agreed', () => {
    expect(pack.minimumRecord).toEqual(['issues-raised', 'actions-agreed']);
  });
});

describe('defaults the policies do not set are marked as the organisation’s choice', () => {
  it('000: the handover deadline and the VIP conversation default are ours; the first appraisal date is 000 Appendix 1', () => {
    const pack = schemePacks['cumbria-vip'];
    expect(cadenceOf(pack, 'handover', 'on-manager-change').basis).toBe('organisation-choice');
    expect(cadenceOf(pack, 'regular', 'agreed-frequency').basis).toBe('organisation-choice');
    expect(cadenceOf(pack, 'annual-review', 'rolling-annual').basis).toEqual({ policyRef: '000 Appendix 1' });
  });
  it('001: the APR timing and the one-to-one default are ours', () => {
    const pack = schemePacks['leicestershire-apr'];
    expect(cadenceOf(pack, 'annual-review', 'rolling-annual').basis).toBe('organisation-choice');
    expect(cadenceOf(pack, 'regular', 'agreed-frequency').basis).toBe('organisation-choice');
  });
  it('003: the induction deadline and the supervision default are ours', () => {
    const pack = schemePacks['somerset-career-conversations'];
    expect(cadenceOf(pack, 'induction', 'on-appointment').basis).toBe('organisation-choice');
    expect(cadenceOf(pack, 'regular', 'agreed-frequency').basis).toBe('organisation-choice');
  });
  it('rejects a setting whose basis is neither a policy section nor the organisation’s choice', () => {
    const pack = schemePacks['cumbria-vip'];
    const broken = {
      ...pack,
      conversations: pack.conversations.map((c) =>
        c.type === 'handover' ? { ...c, cadence: { ...c.cadence, basis: 'our guess' } } : c,
      ),
    };
    expect(schemePackSchema.safeParse(broken).success).toBe(false);
  });
});

describe('staff groups the policies exclude or treat apart', () => {
  it('003: medical and dental colleagues are excluded (003 §2.3)', () => {
    expect(schemePacks['somerset-career-conversations'].staffGroups).toEqual([
      expect.objectContaining({ group: 'medical-and-dental', treatment: 'excluded', policyRef: '003 §2.3' }),
    ]);
  });
  it('002: the Management Board has separate arrangements for the annual conversation (002 §6)', () => {
    expect(schemePacks['bexley-pms'].staffGroups).toEqual([
      expect.objectContaining({
        group: 'management-board',
        treatment: 'separate-arrangements',
        appliesTo: ['annual-review'],
        policyRef: '002 §6',
      }),
    ]);
  });
  it('rejects a staff group the product does not know', () => {
    const pack = schemePacks['somerset-career-conversations'];
    const broken = { ...pack, staffGroups: [{ ...pack.staffGroups?.[0], group: 'locums' }] };
    expect(schemePackSchema.safeParse(broken).success).toBe(false);
  });
});

describe('appeal timescales varied by mutual consent', () => {
  it('002: Bexley’s appeal timescales may be extended by mutual consent, told to the individual and their representative', () => {
    expect(schemePacks['bexley-pms'].appeal?.variableByMutualConsent).toEqual({
      communicatedTo: 'individual-and-representative',
      policyRef: '002 Appendix 6 §2',
    });
  });
  it('003: Somerset’s policy allows no such variation', () => {
    expect(schemePacks['somerset-career-conversations'].appeal?.variableByMutualConsent).toBeUndefined();
  });
});
