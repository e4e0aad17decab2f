import type { Employee, PayStepDecision, PayStepFacts, PersonId } from '../domain/people.ts';
import { dueConversations } from '../engine/due.ts';
import type { DueReport } from '../engine/types.ts';
import { AppError } from '../errors.ts';
import { currentManagerIds } from '../permissions/relationships.ts';
import type { Stored } from '../ports/repositories.ts';
import { confirmedHistory } from '../rules/record-lifecycle.ts';
import type { PayStepCriterion } from '../rules/pay-step.ts';
import type { IsoDate } from '../time/dates.ts';
import { loadActor } from './context.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { payStepDecisionsFor } from './pay-step.ts';
import { historyOf } from './people.ts';

/** Policy 003 §5.8 points I–V, in its order and words. */
const CRITERIA: readonly { readonly id: PayStepCriterion; readonly point: string; readonly text: string }[] = [
  {
    id: 'review-within-12-months',
    point: 'I',
    text: 'The Career Conversation was completed in the last 12 months, its outcome in line with the objectives and values-based behaviour.',
  },
  { id: 'no-formal-capability', point: 'II', text: 'There is no formal capability process in place.' },
  { id: 'no-live-disciplinary', point: 'III', text: 'There is no formal disciplinary sanction live on the record.' },
  { id: 'mandatory-training-complete', point: 'IV', text: 'Statutory and mandatory training has been completed.' },
  {
    id: 'team-reviews-complete',
    point: 'V',
    text: 'For line managers only: the Career Conversations of all their colleagues are complete.',
  },
];

export type CriterionState = 'met' | 'not-met' | 'not-applicable';

export interface PayStepView {
  readonly personId: PersonId;
  readonly displayName: string;
  readonly etag: string;
  readonly payStepDate: IsoDate;
  /** False until facts only People Services know (II, III, IV) are on record, from HR or their file. */
  readonly factsRecorded: boolean;
  readonly facts?: PayStepFacts;
  readonly criteria: readonly { point: string; text: string; state: CriterionState; reason?: string }[];
  readonly eligible: boolean;
  readonly deferralAdvice?: string;
  readonly capabilityReferral?: string;
  readonly mayEnterFacts: boolean;
}

/** The pay-step date under decision: this year's anniversary of the incremental date. */
const payStepDateOf = (person: Employee, today: IsoDate): IsoDate =>
  person.incrementalDate === undefined ? today : `${today.slice(0, 4)}${person.incrementalDate.slice(4)}`;

/** HR enters facts and may decide; the colleague's line manager decides (003 §5.8). */
const rolesOf = async (deps: UseCaseDeps, caller: Caller, personId: PersonId) => {
  const { tenant, employee: me } = await loadActor(deps, caller);
  if (tenant.schemeId !== 'somerset-career-conversations') {
    throw new AppError('not-found', 'Your scheme has no pay-step decision.');
  }
  const stored = await deps.repos.employees.get(caller.tenantId, personId);
  if (stored === undefined) throw new AppError('not-found', 'No such person in your organisation.');
  const hr = me.orgRoles.includes('hr');
  const manager = currentManagerIds(stored.item).includes(me.id);
  if (!hr && !manager) {
    throw new AppError('forbidden', "Only the colleague's line manager and People Services see the pay-step decision.");
  }
  return { tenant, stored, hr };
};

const reportFor = async (
  deps: UseCaseDeps,
  tenant: Parameters<typeof dueConversations>[0]['tenant'],
  person: Employee,
  on: IsoDate,
) =>
  dueConversations({
    tenant,
    employee: person,
    history: confirmedHistory(await historyOf(deps, person.tenantId, person.id)),
    on,
  });

/** Each criterion for the colleague at their pay-step date, with criterion V worked out from their own team. */
export const getPayStep = async (deps: UseCaseDeps, caller: Caller, personId: PersonId): Promise<PayStepView> => {
  const { tenant, stored, hr } = await rolesOf(deps, caller, personId);
  const person = stored.item;
  const today = deps.clock.today();
  const team = (await deps.repos.employees.listReports(caller.tenantId, person.id)).filter((r) => r.id !== person.id);
  const reports = new Map<PersonId, DueReport>([[person.id, await reportFor(deps, tenant, person, today)]]);
  for (const member of team) reports.set(member.id, await reportFor(deps, tenant, member, today));
  const facts = person.payStep;
  const assumed: PayStepFacts = facts ?? {
    formalCapabilityProcess: false,
    liveDisciplinarySanction: false,
    mandatoryTrainingComplete: false,
  };
  const [decision] = payStepDecisionsFor(
    [{ ...person, payStep: assumed }],
    (id) => reports.get(id),
    (id) => (id === person.id ? team.map((m) => m.id) : []),
    today,
  );
  const failing = decision === undefined || decision.result.eligible ? [] : decision.result.failing;
  const criteria = CRITERIA.map((c) => {
    const failed = failing.find((f) => f.criterion === c.id);
    const state: CriterionState =
      c.id === 'team-reviews-complete' && team.length === 0 ? 'not-applicable' : failed ? 'not-met' : 'met';
    return { point: c.point, text: c.text, state, ...(failed ? { reason: failed.reason } : {}) };
  });
  const result = decision?.result;
  return {
    personId: person.id,
    displayName: person.displayName,
    etag: stored.etag,
    payStepDate: payStepDateOf(person, today),
    factsRecorded: facts !== undefined,
    ...(facts === undefined ? {} : { facts }),
    criteria,
    eligible: facts !== undefined && result?.eligible === true,
    ...(result !== undefined && !result.eligible ? { deferralAdvice: result.deferral } : {}),
    ...(result !== undefined && !result.eligible && result.capabilityReferral !== undefined
      ? { capabilityReferral: result.capabilityReferral }
      : {}),
    mayEnterFacts: hr,
  };
};

export interface PayStepFactsInput {
  readonly formalCapabilityProcess: boolean;
  readonly liveDisciplinarySanction: boolean;
  readonly mandatoryTrainingComplete: boolean;
}

const audited = async (
  deps: UseCaseDeps,
  caller: Caller,
  personId: PersonId,
  action: 'pay-step.facts' | 'pay-step.decided',
) =>
  deps.repos.audit.append({
    tenantId: caller.tenantId,
    id: deps.newId(),
    at: deps.clock.now(),
    actorId: caller.userId,
    subjectId: personId,
    action,
    resource: { type: 'employee', id: personId },
  });

/** HR enters what the system cannot know: training, a capability process, a live sanction (003 §5.8 II–IV). */
export const recordPayStepFacts = async (
  deps: UseCaseDeps,
  caller: Caller,
  personId: PersonId,
  etag: string,
  input: PayStepFactsInput,
): Promise<Stored<Employee>> => {
  const { stored, hr } = await rolesOf(deps, caller, personId);
  if (!hr) throw new AppError('forbidden', 'People Services enter these facts.');
  await audited(deps, caller, personId, 'pay-step.facts');
  const payStep: PayStepFacts = {
    ...stored.item.payStep,
    ...input,
    recordedBy: caller.userId,
    recordedAt: deps.clock.now(),
  };
  return deps.repos.employees.update({ ...stored.item, payStep }, etag);
};

export type PayStepDecisionInput =
  | { readonly outcome: 'applied' }
  | { readonly outcome: 'deferred'; readonly timescales: string; readonly reviewDates: readonly IsoDate[] };

const refuse = (path: string, message: string): AppError =>
  new AppError('validation', message, { details: [{ path, message }] });

/**
 * The pay-step decision (003 §5.8): the step applies only when every criterion is met; otherwise
 * it is deferred with the criteria not met as reasons and a supportive plan with timescales and
 * review dates. A step applied at the end of a plan takes effect from that day: it is not backdated.
 */
export const decidePayStep = async (
  deps: UseCaseDeps,
  caller: Caller,
  personId: PersonId,
  etag: string,
  input: PayStepDecisionInput,
): Promise<Stored<Employee>> => {
  const view = await getPayStep(deps, caller, personId);
  const { stored } = await rolesOf(deps, caller, personId);
  const today = deps.clock.today();
  if (!view.factsRecorded) throw refuse('facts', 'People Services have not entered the pay-step facts yet.');
  const reasons = view.criteria.filter((c) => c.state === 'not-met').map((c) => `${c.point}: ${c.reason ?? c.text}`);
  const facts = stored.item.payStep ?? view.facts;
  if (facts === undefined) throw refuse('facts', 'People Services have not entered the pay-step facts yet.');
  let payStep: PayStepFacts;
  if (input.outcome === 'applied') {
    if (!view.eligible)
      throw refuse('outcome', `The step cannot apply while a criterion is not met (${reasons.join('; ')}).`);
    const plan = facts.deferralPlan;
    const decision: PayStepDecision = {
      decidedOn: today,
      by: caller.userId,
      outcome: 'applied',
      payStepDate: view.payStepDate,
      effectiveFrom: plan === undefined || plan.completedOn !== undefined ? view.payStepDate : today,
      reasons: [],
    };
    payStep = {
      ...facts,
      ...(plan === undefined || plan.completedOn !== undefined
        ? {}
        : { deferralPlan: { ...plan, completedOn: today } }),
      decision,
    };
  } else {
    if (view.eligible) throw refuse('outcome', 'Every criterion is met: the step applies on the pay-step date.');
    if (input.timescales.trim() === '') throw refuse('timescales', 'Describe the supportive plan and its timescales.');
    const dates = [...new Set(input.reviewDates)].sort();
    if (dates.length === 0 || dates.some((d) => d <= today)) {
      throw refuse('reviewDates', 'Agree at least one review date, each after today.');
    }
    payStep = {
      ...facts,
      deferralPlan: { agreedOn: today, reviewDates: dates, timescales: input.timescales.trim() },
      decision: { decidedOn: today, by: caller.userId, outcome: 'deferred', payStepDate: view.payStepDate, reasons },
    };
  }
  await audited(deps, caller, personId, 'pay-step.decided');
  return deps.repos.employees.update({ ...stored.item, payStep }, etag);
};
