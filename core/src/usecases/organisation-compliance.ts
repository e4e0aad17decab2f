import type { ConversationTypeId } from '../domain/conversations.ts';
import type { PersonId } from '../domain/people.ts';
import { dueConversations } from '../engine/due.ts';
import type { DueReport } from '../engine/types.ts';
import { currentManagerIds } from '../permissions/relationships.ts';
import { teamCompliance } from '../rules/compliance.ts';
import { confirmedHistory } from '../rules/record-lifecycle.ts';
import type { SchemePack } from '../scheme/types.ts';
import { addDays, addMonths, type IsoDate } from '../time/dates.ts';
import { quarterOf } from './compliance.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { entriesOf, everyoneWithDigests, historyOfEntries, type EntriesByPerson } from './digest-pages.ts';
import { organisationScope, type OrgScope } from './organisation-scope.ts';
import { payStepDecisionsFor } from './pay-step.ts';
import { labelOf, packOf } from './scheme.ts';

/** Quarters shown, the current one last. */
const QUARTERS = 4;
/** History read before the first quarter, so a review due then finds the one before it. */
const LOOKBACK_MONTHS = 15;
/** Overdue people listed at once when no department is chosen. */
const OVERDUE_LIMIT = 200;

const reviewTypes = (pack: SchemePack): ConversationTypeId[] =>
  pack.annualReview !== undefined
    ? ['annual-review']
    : pack.conversations.filter((c) => c.cadence.kind !== 'informal').map((c) => c.type);

const quartersEndingAt = (today: IsoDate) => {
  const found = [quarterOf(today)];
  while (found.length < QUARTERS) found.unshift(quarterOf(addDays(found[0]?.from ?? today, -1)));
  return found;
};

/** Adds `value` to the list `map` holds under `key`, in place. */
const pushTo = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
};

const directReports = (scope: OrgScope): Map<PersonId, PersonId[]> => {
  const reports = new Map<PersonId, PersonId[]>();
  for (const p of scope.people) {
    for (const m of currentManagerIds(p)) pushTo(reports, m, p.id);
  }
  return reports;
};

/**
 * Policy 003 §8 for HR across the organisation and a senior manager across their service: % of
 * reviews completed on time in each of the last four quarters, overall and by department; who is
 * overdue now (names and what is due, never note text); pay-step deferrals; appeals lodged.
 */
export const organisationCompliance = async (
  deps: UseCaseDeps,
  caller: Caller,
  options: { readonly unit?: string | undefined } = {},
) => {
  const today = deps.clock.today();
  // The directory and everyone's digests together, pages of up to 1,000, once the caller may see the view.
  let digests: EntriesByPerson | undefined;
  const scope = await organisationScope(deps, caller, today, async () => {
    const read = await everyoneWithDigests(deps.repos, caller.tenantId);
    digests = read.digests;
    return read.people;
  });
  const pack = packOf(scope.tenant);
  const types = reviewTypes(pack);
  const quarters = quartersEndingAt(today);
  const from = addMonths(quarters[0]?.from ?? today, -LOOKBACK_MONTHS);
  // Each person's digest, not their history; their records only for someone without one.
  const entries = await entriesOf(deps.repos, caller.tenantId, scope.people, digests);
  // The same window of history the figures have always been worked out from.
  const records = new Map(
    scope.people.map((p) => [
      p.id,
      historyOfEntries(caller.tenantId, p.id, entries.get(p.id)).filter((r) => r.date >= from && r.date <= today),
    ]),
  );
  const reportsAt = (on: IsoDate): Map<PersonId, DueReport> =>
    new Map(
      scope.people.map((employee) => {
        const history = confirmedHistory((records.get(employee.id) ?? []).filter((r) => r.date <= on));
        return [employee.id, dueConversations({ tenant: scope.tenant, employee, history, on })];
      }),
    );
  const figures = (reports: Map<PersonId, DueReport>, q: { from: IsoDate; to: IsoDate }) =>
    teamCompliance([...reports.values()], { from: q.from, to: q.to, types });
  // Each department's share counted in one pass, not one pass over the organisation per department.
  const count = <T>(list: readonly T[], personOf: (t: T) => PersonId): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const t of list) {
      const unit = scope.unitOf.get(personOf(t));
      if (unit !== undefined) counts.set(unit, (counts.get(unit) ?? 0) + 1);
    }
    return counts;
  };

  const series = quarters.map((q) => ({ q, reports: q.to >= today ? reportsAt(today) : reportsAt(q.to) }));
  const now = series[series.length - 1];
  const nowReports = now?.reports ?? new Map<PersonId, DueReport>();
  const nowByUnit = new Map<string, DueReport[]>();
  for (const r of nowReports.values()) {
    const unit = scope.unitOf.get(r.employeeId);
    if (unit !== undefined) pushTo(nowByUnit, unit, r);
  }
  const reports = directReports(scope);
  const deferred = (
    pack.id === 'somerset-career-conversations'
      ? payStepDecisionsFor(
          scope.people,
          (id) => nowReports.get(id),
          (id) => reports.get(id) ?? [],
          today,
        )
      : []
  ).filter((d) => !d.result.eligible);
  const appeals = scope.people.flatMap((p) =>
    (entries.get(p.id) ?? []).flatMap((e) =>
      e.appeal !== undefined && e.date >= from && e.date <= today && e.appeal.lodgedOn >= (quarters[0]?.from ?? today)
        ? [{ p, appeal: e.appeal }]
        : [],
    ),
  );
  const overall = figures(nowReports, { from: now?.q.from ?? today, to: today });
  const [peopleIn, deferralsIn, appealsIn] = [
    count(scope.people, (p) => p.id),
    count(deferred, (d) => d.person.id),
    count(appeals, (a) => a.p.id),
  ];
  const overdue = overall.overdue
    .filter((o) => options.unit === undefined || scope.unitOf.get(o.employeeId) === options.unit)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  return {
    scope: scope.label,
    kind: scope.kind,
    on: today,
    quarters: series.map(({ q, reports: r }) => {
      const f = figures(r, q);
      return {
        label: q.label,
        from: q.from,
        to: q.to,
        onTimePercent: f.percentOnTime,
        completedOnTime: f.completedOnTime,
        completedLate: f.completedLate,
        expected: f.reviewsDue,
      };
    }),
    units: scope.units.map((u) => {
      const f = teamCompliance(nowByUnit.get(u.id) ?? [], { from: now?.q.from ?? today, to: today, types });
      return {
        id: u.id,
        name: u.name,
        headName: u.headName,
        people: peopleIn.get(u.id) ?? 0,
        onTimePercent: f.percentOnTime,
        expected: f.reviewsDue,
        overdue: f.overdue.length,
        deferrals: deferralsIn.get(u.id) ?? 0,
        appeals: appealsIn.get(u.id) ?? 0,
      };
    }),
    overdueTotal: overdue.length,
    overdue: overdue.slice(0, OVERDUE_LIMIT).map((o) => ({
      employeeId: o.employeeId,
      displayName: scope.byId.get(o.employeeId)?.displayName ?? o.employeeId,
      unitId: scope.unitOf.get(o.employeeId) ?? '',
      type: o.type,
      typeLabel: labelOf(pack, o.type),
      dueDate: o.dueDate,
    })),
    deferrals: deferred.length,
    appeals: { lodged: appeals.length, open: appeals.filter((a) => !a.appeal.decided).length },
  };
};

export type OrganisationCompliance = Awaited<ReturnType<typeof organisationCompliance>>;
