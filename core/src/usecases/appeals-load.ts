import type { Tenant } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import type { TenantActor } from '../permissions/decide.ts';
import type { AppealCase } from '../ports/appeals.ts';
import type { Stored } from '../ports/repositories.ts';
import type { AppealRules } from '../scheme/types.ts';
import { appealAudit } from './appeals-notices.ts';
import { rolesOn, viewAppeal, type AppealRole, type AppealView } from './appeals-parties.ts';
import { loadActor } from './context.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { packOf } from './scheme.ts';

export interface LoadedAppeal {
  readonly actor: TenantActor;
  readonly tenant: Tenant;
  readonly stored: Stored<AppealCase>;
  readonly roles: readonly AppealRole[];
  readonly rules: AppealRules;
}

/** An appeal the caller takes part in; anyone else is told it does not exist. */
export const loadAppeal = async (deps: UseCaseDeps, caller: Caller, appealId: string): Promise<LoadedAppeal> => {
  const { actor, tenant } = await loadActor(deps, caller);
  const stored = await deps.repos.appeals.get(caller.tenantId, appealId);
  const roles = stored === undefined ? [] : rolesOn(actor, stored.item);
  if (stored === undefined || roles.length === 0) throw new AppError('not-found', 'No such appeal.');
  const rules = packOf(tenant).appeal;
  if (rules === undefined) throw new AppError('validation', 'Your scheme has no appeal against a review.');
  return { actor, tenant, stored, roles, rules };
};

/** Whether the scheme lets the parties vary the timescales by mutual consent (002 Appendix 6 §2). */
export const extendable = (rules: AppealRules): boolean => rules.variableByMutualConsent !== undefined;

export const viewOf = (deps: UseCaseDeps, loaded: Pick<LoadedAppeal, 'actor' | 'rules'>, stored: Stored<AppealCase>) =>
  viewAppeal(loaded.actor, stored, deps.clock.today(), extendable(loaded.rules));

/** Refuses a step the caller may not take now, with the reason in a sentence. */
export const requireStep = (allowed: boolean, reason: string): void => {
  if (!allowed) throw new AppError('forbidden', reason);
};

/**
 * One appeal as the caller may see it. Reading the grounds is a disclosure to someone other than
 * the appellant, so it is audited once a day per reader (003 §6: access to records is accountable).
 */
export const getAppeal = async (deps: UseCaseDeps, caller: Caller, appealId: string): Promise<AppealView> => {
  const loaded = await loadAppeal(deps, caller, appealId);
  const view = viewOf(deps, loaded, loaded.stored);
  if (view.grounds !== undefined && !loaded.roles.includes('appellant')) {
    await appealAudit(
      deps,
      loaded.stored.item,
      caller.userId,
      'appeal.grounds-read',
      `${caller.userId}|${deps.clock.today()}`,
    );
  }
  return view;
};
