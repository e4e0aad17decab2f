import type { Nation } from '../domain/people.ts';
import { appealDeadline } from '../engine/appeal-deadline.ts';
import { AppError } from '../errors.ts';
import type { AppealCase, AppealExtension } from '../ports/appeals.ts';
import type { AppealRules } from '../scheme/types.ts';
import type { IsoDate } from '../time/dates.ts';
import { extendable, loadAppeal, requireStep, viewOf } from './appeals-load.ts';
import { appealAudit, notifyAppellant } from './appeals-notices.ts';
import { actionsFor, type AppealView } from './appeals-parties.ts';
import type { Caller, UseCaseDeps } from './deps.ts';

/**
 * The decision's deadline: the scheme's period after the hearing (002: five working days), moved
 * on by the working days of every extension both parties agreed, from the scheme engine.
 */
export const decisionDue = (
  rules: AppealRules,
  nation: Nation,
  hearingOn: IsoDate | undefined,
  extensions: readonly AppealExtension[],
): IsoDate | undefined =>
  hearingOn === undefined || rules.decisionWithin === undefined
    ? undefined
    : appealDeadline({ rules, step: 'decision', from: hearingOn, nation, extensions }).dueBy;

/** One side proposes more time (002: e.g. while the hearing manager investigates further). */
export const proposeAppealExtension = async (
  deps: UseCaseDeps,
  caller: Caller,
  appealId: string,
  input: { readonly workingDays: number; readonly reason: string },
  etag: string,
): Promise<AppealView> => {
  const loaded = await loadAppeal(deps, caller, appealId);
  const appeal = loaded.stored.item;
  if (!extendable(loaded.rules)) {
    throw new AppError('validation', 'Your scheme does not provide for varying the appeal timescales.');
  }
  const may = actionsFor(appeal, caller.userId, loaded.roles, true);
  requireStep(
    may.proposeExtension,
    'The appellant or the manager hearing the appeal may propose an extension, one at a time, before the decision.',
  );
  const extension: AppealExtension = {
    id: `ext-${String(appeal.extensions.length + 1)}`,
    workingDays: input.workingDays,
    reason: input.reason,
    proposedBy: caller.userId,
    proposedOn: deps.clock.today(),
  };
  const changed: AppealCase = { ...appeal, extensions: [...appeal.extensions, extension], updatedAt: deps.clock.now() };
  await appealAudit(deps, appeal, caller.userId, 'appeal.extension-proposed', extension.id);
  return viewOf(deps, loaded, await deps.repos.appeals.update(changed, etag));
};

/** The other side consents: the extension holds and the deadline moves (002 Appendix 6 §2). */
export const agreeAppealExtension = async (
  deps: UseCaseDeps,
  caller: Caller,
  appealId: string,
  extensionId: string,
  etag: string,
): Promise<AppealView> => {
  const loaded = await loadAppeal(deps, caller, appealId);
  const appeal = loaded.stored.item;
  const may = actionsFor(appeal, caller.userId, loaded.roles, extendable(loaded.rules));
  requireStep(may.agreeExtension === extensionId, 'Only the other party agrees an extension, while it is proposed.');
  const extensions = appeal.extensions.map((e) =>
    e.id === extensionId ? { ...e, agreedBy: caller.userId, agreedOn: deps.clock.today() } : e,
  );
  const decisionDueBy = decisionDue(loaded.rules, loaded.tenant.nation, appeal.hearing?.on, extensions);
  const changed: AppealCase = {
    ...appeal,
    extensions,
    ...(decisionDueBy === undefined ? {} : { decisionDueBy }),
    updatedAt: deps.clock.now(),
  };
  await appealAudit(deps, appeal, caller.userId, 'appeal.extension-agreed', extensionId);
  const saved = await deps.repos.appeals.update(changed, etag);
  await notifyAppellant(deps, saved.item, 'extension', extensionId);
  return viewOf(deps, loaded, saved);
};
