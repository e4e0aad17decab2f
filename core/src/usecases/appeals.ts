import type { ConversationRecord } from '../domain/conversations.ts';
import type { Employee, Nation, PersonId } from '../domain/people.ts';
import { AppError, isAppError } from '../errors.ts';
import { stableId } from '../feedback/ids.ts';
import { authorize } from '../permissions/decide.ts';
import type { SubjectContext } from '../permissions/relationships.ts';
import type { AppealCase } from '../ports/appeals.ts';
import type { Stored } from '../ports/repositories.ts';
import { periodEnd } from '../rules/appeals.ts';
import type { AppealRules, Period, SchemePack } from '../scheme/types.ts';
import type { IsoDate } from '../time/dates.ts';
import { createWorkingDayCalendar } from '../time/working-days.ts';
import { appealAudit, notifyLodged } from './appeals-notices.ts';
import { loadActor, loadSubject } from './context.ts';
import { loadForChange } from './conversations.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { packOf } from './scheme.ts';

const APPEALABLE = new Set<ConversationRecord['type']>(['annual-review']);

export const periodAfter = (from: IsoDate, period: Period, nation: Nation): IsoDate =>
  periodEnd(from, period, nation, createWorkingDayCalendar());

// 002: the grandparent; 003: the next-in-line manager — in both, the line manager's own manager.
const lodgeWithId = (subject: SubjectContext): PersonId | undefined => subject.grandparentIds[0];

const hearerId = (rules: AppealRules, subject: SubjectContext): PersonId | undefined =>
  rules.heardBy === 'grandparents-manager' ? subject.seniorChainIds?.[0] : subject.grandparentIds[0];

/** One appeal per review: the case's id is fixed by the conversation. */
export const appealIdFor = (tenantId: string, personId: PersonId, conversationId: string): string =>
  stableId('appeal', tenantId, personId, conversationId);

export interface AppealWindow {
  readonly allowed: boolean;
  readonly lodgeBy?: IsoDate;
  readonly to?: PersonId;
  readonly explanation: string;
  /** The appeal already lodged against this review, for a link to its page. */
  readonly appealId?: string;
}

/** 002 §6 and Appendix 6 §4: Management Board members appeal under separate arrangements. */
const separateArrangement = (pack: SchemePack, employee: Employee) =>
  pack.staffGroups?.find(
    (g) => g.treatment === 'separate-arrangements' && employee.staffGroups?.includes(g.group) === true,
  );

/** 002 runs from formal notification: the release of the reviewed rating (Step 3) when there is one. */
const notificationDate = (record: ConversationRecord, notifiedOn?: IsoDate): IsoDate =>
  notifiedOn ?? record.rating?.releasedToEmployeeAt?.slice(0, 10) ?? record.date;

const windowFor = (
  pack: SchemePack,
  record: ConversationRecord,
  subject: SubjectContext,
  nation: Nation,
  today: IsoDate,
  notifiedOn?: IsoDate,
): AppealWindow & { from?: IsoDate } => {
  const rules = pack.appeal;
  if (rules === undefined) return { allowed: false, explanation: 'Your scheme has no appeal against a review.' };
  if (!APPEALABLE.has(record.type)) return { allowed: false, explanation: 'Only an annual review can be appealed.' };
  if (record.appeal !== undefined) return { allowed: false, explanation: 'An appeal has already been lodged.' };
  const separate = separateArrangement(pack, subject.employee);
  if (separate !== undefined) {
    return {
      allowed: false,
      explanation: `Separate appeal arrangements apply for members of the Management Board: appeals against the Member Panel's decision go to the Member Employee Appeals Panel, and Democratic Services has the arrangements (${separate.policyRef}; ${rules.policyRef} §4).`,
    };
  }
  const from = rules.lodgeFrom === 'conversation' ? record.date : notificationDate(record, notifiedOn);
  const lodgeBy = periodAfter(from, rules.lodgeWithin, nation);
  const to = lodgeWithId(subject);
  const unit = rules.lodgeWithin.unit === 'working-days' ? 'working days' : 'calendar days';
  const start = rules.lodgeFrom === 'conversation' ? 'the conversation' : 'notification of the outcome';
  const allowed = today <= lodgeBy;
  return {
    allowed,
    from,
    lodgeBy,
    ...(to === undefined ? {} : { to }),
    explanation: `${allowed ? 'An appeal can be lodged' : 'The time to appeal has passed'}: in writing within ${String(
      rules.lodgeWithin.amount,
    )} ${unit} of ${start}, by ${lodgeBy} (${rules.policyRef}).`,
  };
};

export const getAppealWindow = async (
  deps: UseCaseDeps,
  caller: Caller,
  personId: PersonId,
  conversationId: string,
): Promise<AppealWindow> => {
  const { actor, tenant } = await loadActor(deps, caller);
  const subject = await loadSubject(deps, caller.tenantId, personId);
  const stored = await deps.repos.conversations.get(caller.tenantId, personId, conversationId);
  if (!stored) throw new AppError('not-found', 'No such conversation.');
  authorize(actor, 'appeal.read', subject, { recordManagerIds: stored.item.managerIds });
  const { from: _from, ...window } = windowFor(packOf(tenant), stored.item, subject, tenant.nation, deps.clock.today());
  return stored.item.appeal === undefined
    ? window
    : { ...window, appealId: appealIdFor(caller.tenantId, personId, conversationId) };
};

export interface LodgeInput {
  readonly grounds: string;
  readonly lodgedByRepresentative?: boolean | undefined;
  /** The trade union representative lodging it on the employee's behalf (002), by name. */
  readonly representative?: string | undefined;
  readonly notifiedOn?: IsoDate | undefined;
}

/**
 * Lodges an appeal inside the scheme's window (002: 10 working days of notification; 003: 14
 * calendar days of the conversation): the review is marked, the case opened for the hearer and
 * HR, the step audited, and the hearer, the person it is lodged with and HR told.
 */
export const lodgeAppealCase = async (
  deps: UseCaseDeps,
  caller: Caller,
  personId: PersonId,
  conversationId: string,
  input: LodgeInput,
  etag?: string,
): Promise<{ record: Stored<ConversationRecord>; appeal: Stored<AppealCase> }> => {
  const { stored, subject, tenant } = await loadForChange(deps, caller, personId, conversationId, 'appeal.lodge');
  const pack = packOf(tenant);
  const rules = pack.appeal;
  const today = deps.clock.today();
  const window = windowFor(pack, stored.item, subject, tenant.nation, today, input.notifiedOn);
  if (!window.allowed || rules === undefined || window.lodgeBy === undefined || window.from === undefined) {
    throw new AppError('validation', window.explanation);
  }
  const representative = input.representative?.trim() || undefined;
  const byRepresentative = input.lodgedByRepresentative === true || representative !== undefined;
  if (byRepresentative && !rules.lodgeableByRepresentative) {
    throw new AppError('validation', 'Your scheme does not allow a representative to lodge the appeal.');
  }
  const hearer = hearerId(rules, subject);
  const lodgeWith = lodgeWithId(subject);
  const acknowledgeBy = rules.acknowledgeWithin
    ? periodAfter(today, rules.acknowledgeWithin, tenant.nation)
    : undefined;
  const now = deps.clock.now();
  const appeal: AppealCase = {
    tenantId: caller.tenantId,
    id: appealIdFor(caller.tenantId, personId, conversationId),
    scheme: tenant.schemeId,
    policyRef: rules.policyRef,
    employeeId: personId,
    conversationId,
    conversationType: stored.item.type,
    conversationDate: stored.item.date,
    managerIds: stored.item.managerIds,
    ...(lodgeWith === undefined ? {} : { lodgeWithId: lodgeWith }),
    ...(hearer === undefined ? {} : { hearerId: hearer }),
    lodgedOn: today,
    lodgedBy: caller.userId,
    ...(representative === undefined ? {} : { representative }),
    windowFrom: window.from,
    lodgeBy: window.lodgeBy,
    grounds: input.grounds,
    stage: 'lodged',
    ...(acknowledgeBy === undefined ? {} : { acknowledgeBy }),
    extensions: [],
    createdAt: now,
    updatedAt: now,
  };
  // The case first: a retry after the review's update failed finds it and marks the review.
  const created = await createOrFind(deps, appeal);
  const record = await deps.repos.conversations.update(
    {
      ...stored.item,
      appeal: {
        lodgedOn: today,
        lodgedBy: caller.userId,
        lodgedByRepresentative: byRepresentative,
        ...(hearer === undefined ? {} : { hearerId: hearer }),
        ...(acknowledgeBy === undefined ? {} : { acknowledgeBy }),
      },
      updatedAt: now,
    },
    etag ?? stored.etag,
  );
  await appealAudit(deps, created.item, caller.userId, 'appeal.lodged');
  await notifyLodged(deps, created.item);
  return { record, appeal: created };
};

/** A retry whose first attempt opened the case but did not mark the review finds that case. */
const createOrFind = async (deps: UseCaseDeps, appeal: AppealCase): Promise<Stored<AppealCase>> => {
  try {
    return await deps.repos.appeals.create(appeal);
  } catch (error) {
    if (!(isAppError(error) && error.code === 'conflict')) throw error;
    const found = await deps.repos.appeals.get(appeal.tenantId, appeal.id);
    if (found === undefined) throw error;
    return found;
  }
};

/** The conversation route's lodging: the same as lodgeAppealCase, answering with the review. */
export const lodgeAppeal = async (
  deps: UseCaseDeps,
  caller: Caller,
  personId: PersonId,
  conversationId: string,
  input: LodgeInput,
  etag: string,
): Promise<Stored<ConversationRecord>> =>
  (await lodgeAppealCase(deps, caller, personId, conversationId, input, etag)).record;
