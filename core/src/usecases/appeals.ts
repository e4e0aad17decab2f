import type { ConversationRecord } from '../domain/conversations.ts';
import type { PersonId } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import { authorize } from '../permissions/decide.ts';
import type { SubjectContext } from '../permissions/relationships.ts';
import type { Stored } from '../ports/repositories.ts';
import type { AppealRules, Period } from '../scheme/types.ts';
import { periodEnd } from '../rules/appeals.ts';
import type { IsoDate } from '../time/dates.ts';
import { createWorkingDayCalendar } from '../time/working-days.ts';
import type { Nation } from '../domain/people.ts';
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

export interface AppealWindow {
  readonly allowed: boolean;
  readonly lodgeBy?: IsoDate;
  readonly to?: PersonId;
  readonly explanation: string;
}

const windowFor = (
  rules: AppealRules | undefined,
  record: ConversationRecord,
  subject: SubjectContext,
  nation: Nation,
  today: IsoDate,
  notifiedOn?: IsoDate,
): AppealWindow => {
  if (rules === undefined) return { allowed: false, explanation: 'Your scheme has no appeal against a review.' };
  if (!APPEALABLE.has(record.type)) return { allowed: false, explanation: 'Only an annual review can be appealed.' };
  if (record.appeal !== undefined) return { allowed: false, explanation: 'An appeal has already been lodged.' };
  const from = rules.lodgeFrom === 'conversation' ? record.date : (notifiedOn ?? record.date);
  const lodgeBy = periodAfter(from, rules.lodgeWithin, nation);
  const to = lodgeWithId(subject);
  const unit = rules.lodgeWithin.unit === 'working-days' ? 'working days' : 'calendar days';
  const start = rules.lodgeFrom === 'conversation' ? 'the conversation' : 'notification of the outcome';
  const allowed = today <= lodgeBy;
  return {
    allowed,
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
  return windowFor(packOf(tenant).appeal, stored.item, subject, tenant.nation, deps.clock.today());
};

/** Lodges an appeal inside the scheme's window (002: 10 working days; 003: 14 calendar days). */
export const lodgeAppeal = async (
  deps: UseCaseDeps,
  caller: Caller,
  personId: PersonId,
  conversationId: string,
  input: { grounds: string; lodgedByRepresentative: boolean; notifiedOn?: IsoDate | undefined },
  etag: string,
): Promise<Stored<ConversationRecord>> => {
  const { stored, subject, tenant } = await loadForChange(deps, caller, personId, conversationId, 'appeal.lodge');
  const rules = packOf(tenant).appeal;
  const today = deps.clock.today();
  const window = windowFor(rules, stored.item, subject, tenant.nation, today, input.notifiedOn);
  if (!window.allowed || rules === undefined) throw new AppError('validation', window.explanation);
  if (input.lodgedByRepresentative && !rules.lodgeableByRepresentative) {
    throw new AppError('validation', 'Your scheme does not allow a representative to lodge the appeal.');
  }
  const hearer = hearerId(rules, subject);
  const appeal = {
    lodgedOn: today,
    lodgedBy: caller.userId,
    lodgedByRepresentative: input.lodgedByRepresentative,
    grounds: input.grounds,
    ...(hearer === undefined ? {} : { hearerId: hearer }),
    ...(rules.acknowledgeWithin ? { acknowledgeBy: periodAfter(today, rules.acknowledgeWithin, tenant.nation) } : {}),
  };
  return deps.repos.conversations.update({ ...stored.item, appeal, updatedAt: deps.clock.now() }, etag);
};
