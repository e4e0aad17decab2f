import type { AppealCase } from '../ports/appeals.ts';
import type { IsoDate } from '../time/dates.ts';
import { extendable } from './appeals-load.ts';
import { rolesOn, viewAppeal, type AppealView } from './appeals-parties.ts';
import { loadActor } from './context.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { packOf } from './scheme.ts';

export type AppealListItem = Omit<AppealView, 'grounds' | 'etag'>;

/** Appeals are few beside reviews: a tenant's open ones fit in a handful of pages. */
const MAX_PAGES = 20;

const allAppeals = async (deps: UseCaseDeps, caller: Caller, open: boolean): Promise<AppealCase[]> => {
  const found: AppealCase[] = [];
  let token: string | undefined;
  for (let pages = 0; pages < MAX_PAGES; pages += 1) {
    const page = await deps.repos.appeals.list(
      caller.tenantId,
      { open },
      { pageSize: 100, ...(token === undefined ? {} : { continuationToken: token }) },
    );
    found.push(...page.items);
    token = page.continuationToken;
    if (token === undefined) break;
  }
  return found;
};

/** The next date that matters: the earliest deadline not yet met, or far ahead when none is. */
const nextDeadline = (view: AppealListItem): IsoDate =>
  view.deadlines.filter((d) => d.doneOn === undefined).reduce((min, d) => (d.by < min ? d.by : min), '9999-12-31');

const overdue = (view: AppealListItem): boolean => view.deadlines.some((d) => d.overdue && d.doneOn === undefined);

/**
 * The appeals the caller takes part in, as each may see them: for HR every appeal in the
 * organisation (the queue). Overdue first, then by the next deadline (002 Appendix 6, 003 §5.10).
 */
export const listAppeals = async (
  deps: UseCaseDeps,
  caller: Caller,
  options: { readonly open?: boolean | undefined } = {},
): Promise<AppealListItem[]> => {
  const { actor, tenant } = await loadActor(deps, caller);
  const rules = packOf(tenant).appeal;
  if (rules === undefined) return [];
  const today = deps.clock.today();
  const views = (await allAppeals(deps, caller, options.open ?? false))
    .filter((a) => rolesOn(actor, a).length > 0)
    .map((item) => viewAppeal(actor, { item, etag: '' }, today, extendable(rules)))
    // The list names the step; the grounds are read, and that reading audited, on the appeal's own page,
    // which also holds the version an action needs.
    .map(({ grounds: _grounds, etag: _etag, ...view }) => view);
  return views.sort(
    (a, b) =>
      Number(overdue(b)) - Number(overdue(a)) ||
      nextDeadline(a).localeCompare(nextDeadline(b)) ||
      a.lodgedOn.localeCompare(b.lodgedOn),
  );
};
