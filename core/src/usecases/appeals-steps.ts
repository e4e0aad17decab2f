import type { PersonId } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import type { AppealCase, AppealHearing } from '../ports/appeals.ts';
import { isIsoDate, type IsoDate } from '../time/dates.ts';
import { decisionDue } from './appeals-extensions.ts';
import { extendable, loadAppeal, requireStep, viewOf } from './appeals-load.ts';
import { appealAudit, notifyAppellant } from './appeals-notices.ts';
import { actionsFor, type AppealView } from './appeals-parties.ts';
import type { Caller, UseCaseDeps } from './deps.ts';

const field = (path: string, message: string): AppError =>
  new AppError('validation', message, { details: [{ path, message }] });

/** 003 §5.10: "The manager handling the appeal should acknowledge the appeal within 7 calendar days." */
export const acknowledgeAppeal = async (
  deps: UseCaseDeps,
  caller: Caller,
  appealId: string,
  etag: string,
): Promise<AppealView> => {
  const loaded = await loadAppeal(deps, caller, appealId);
  const appeal = loaded.stored.item;
  const may = actionsFor(appeal, caller.userId, loaded.roles, extendable(loaded.rules));
  requireStep(may.acknowledge, 'Only the manager handling the appeal acknowledges it, once.');
  const changed: AppealCase = {
    ...appeal,
    stage: appeal.stage === 'lodged' ? 'acknowledged' : appeal.stage,
    acknowledgedOn: deps.clock.today(),
    updatedAt: deps.clock.now(),
  };
  await appealAudit(deps, appeal, caller.userId, 'appeal.acknowledged');
  const saved = await deps.repos.appeals.update(changed, etag);
  await notifyAppellant(deps, saved.item, 'acknowledged');
  return viewOf(deps, loaded, saved);
};

export interface HearingInput {
  readonly on: IsoDate;
  readonly at: string;
  readonly hrPresentId: PersonId;
  readonly others: readonly string[];
}

/**
 * The hearing (002: the grandparent's manager hears it with an HR adviser present; 003: the
 * meeting with a member of People Services not previously involved). Recording it again moves it.
 */
export const recordAppealHearing = async (
  deps: UseCaseDeps,
  caller: Caller,
  appealId: string,
  input: HearingInput,
  etag: string,
): Promise<AppealView> => {
  const loaded = await loadAppeal(deps, caller, appealId);
  const appeal = loaded.stored.item;
  const may = actionsFor(appeal, caller.userId, loaded.roles, extendable(loaded.rules));
  requireStep(may.recordHearing, 'The manager hearing the appeal or HR records the hearing.');
  if (!isIsoDate(input.on) || input.on < appeal.lodgedOn) {
    throw field('on', 'The hearing is on or after the day the appeal was lodged.');
  }
  const hr = (await deps.repos.employees.get(caller.tenantId, input.hrPresentId))?.item;
  const involved = [appeal.employeeId, appeal.hearerId, appeal.lodgeWithId, ...appeal.managerIds];
  if (hr === undefined || !hr.orgRoles.includes('hr') || involved.includes(hr.id)) {
    throw field('hrPresentId', `Choose someone from HR not otherwise involved: ${loaded.rules.present} attends.`);
  }
  const hearing: AppealHearing = { ...input, recordedBy: caller.userId };
  const decisionDueBy = decisionDue(loaded.rules, loaded.tenant.nation, input.on, appeal.extensions);
  const changed: AppealCase = {
    ...appeal,
    stage: 'hearing-recorded',
    hearing,
    ...(decisionDueBy === undefined ? {} : { decisionDueBy }),
    updatedAt: deps.clock.now(),
  };
  await appealAudit(deps, appeal, caller.userId, 'appeal.hearing-recorded', `${input.on}T${input.at}`);
  const saved = await deps.repos.appeals.update(changed, etag);
  await notifyAppellant(deps, saved.item, 'hearing', `${input.on}T${input.at}`);
  return viewOf(deps, loaded, saved);
};

/** The written decision, upheld or not and the action to be taken; final (002 Appendix 6 §2; 003 §5.10). */
export const decideAppeal = async (
  deps: UseCaseDeps,
  caller: Caller,
  appealId: string,
  input: { readonly outcome: 'upheld' | 'not-upheld'; readonly text: string },
  etag: string,
): Promise<AppealView> => {
  const loaded = await loadAppeal(deps, caller, appealId);
  const appeal = loaded.stored.item;
  const may = actionsFor(appeal, caller.userId, loaded.roles, extendable(loaded.rules));
  if (appeal.stage === 'decided')
    throw new AppError('conflict', 'This appeal has been decided; the decision is final.');
  requireStep(may.decide, 'The manager hearing the appeal decides it, once the hearing is recorded.');
  const today = deps.clock.today();
  if (appeal.hearing !== undefined && today < appeal.hearing.on) {
    throw new AppError('validation', 'The decision follows the hearing: record it on or after the hearing day.');
  }
  const changed: AppealCase = {
    ...appeal,
    stage: 'decided',
    decision: { on: today, by: caller.userId, outcome: input.outcome, text: input.text },
    updatedAt: deps.clock.now(),
  };
  await appealAudit(deps, appeal, caller.userId, 'appeal.decided');
  const saved = await deps.repos.appeals.update(changed, etag);
  await notifyAppellant(deps, saved.item, 'decided');
  return viewOf(deps, loaded, saved);
};
