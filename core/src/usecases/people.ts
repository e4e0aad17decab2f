import { dueConversations } from '../engine/due.ts';
import type { DueItem, DueReport } from '../engine/types.ts';
import type { ConversationRecord } from '../domain/conversations.ts';
import type { Employee, PersonId, Tenant, TenantId } from '../domain/people.ts';
import { authorize } from '../permissions/decide.ts';
import { currentManagerIds } from '../permissions/relationships.ts';
import type { IsoDate } from '../time/dates.ts';
import { loadActor, loadSubject } from './context.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { colleaguesOf } from './colleagues.ts';
import { pageOfList } from './list-page.ts';
import type { PageRequest } from '../ports/repositories.ts';
import { historiesOf, recordsOf, teamWithHistories, type TeamWithHistories } from './status-digest.ts';

export interface PersonSummary {
  readonly id: PersonId;
  readonly displayName: string;
  readonly email: string;
  readonly jobTitles: readonly string[];
}

export const personSummaryOf = (e: Employee): PersonSummary => ({
  id: e.id,
  displayName: e.displayName,
  email: e.email,
  jobTitles: e.jobs.filter((j) => j.endDate === undefined).map((j) => j.title),
});

/** Every conversation of one person; a person's history is small (one partition). */
export const historyOf = (deps: UseCaseDeps, tenantId: TenantId, personId: PersonId): Promise<ConversationRecord[]> =>
  recordsOf(deps.repos.conversations, tenantId, personId);

export const getMe = async (deps: UseCaseDeps, caller: Caller) => {
  const { tenant, employee } = await loadActor(deps, caller);
  const reports = await deps.repos.employees.listReports(caller.tenantId, employee.id);
  return {
    person: personSummaryOf(employee),
    tenant: { tenantId: tenant.tenantId, name: tenant.name, schemeId: tenant.schemeId },
    orgRoles: [...employee.orgRoles],
    managerIds: currentManagerIds(employee),
    reportCount: reports.length,
  };
};

export const getPerson = async (deps: UseCaseDeps, caller: Caller, personId: PersonId): Promise<PersonSummary> => {
  const { actor } = await loadActor(deps, caller);
  const subject = await loadSubject(deps, caller.tenantId, personId);
  authorize(actor, 'profile.read', subject);
  return personSummaryOf(subject.employee);
};

export const dueFor = async (deps: UseCaseDeps, tenant: Tenant, employee: Employee, on: IsoDate): Promise<DueReport> =>
  dueConversations({ tenant, employee, history: await historyOf(deps, tenant.tenantId, employee.id), on });

/** What the engine says is due for a person, with the reason and the policy it comes from. */
export const getDue = async (
  deps: UseCaseDeps,
  caller: Caller,
  personId: PersonId,
  on?: IsoDate,
): Promise<DueReport> => {
  const { actor, tenant } = await loadActor(deps, caller);
  const subject = await loadSubject(deps, caller.tenantId, personId);
  authorize(actor, 'due.read', subject);
  return dueFor(deps, tenant, subject.employee, on ?? deps.clock.today());
};

const OPEN = new Set(['due', 'overdue', 'upcoming']);

const byName = (a: Employee, b: Employee): number =>
  a.displayName.localeCompare(b.displayName, 'en-GB') || a.id.localeCompare(b.id);

/**
 * A page of a manager's team at a glance, by name: who is overdue, what is next, and who awaits a
 * handover (000). Histories come from the members' status digests, read with the team.
 */
const teamOf = (
  tenant: Tenant,
  managerId: PersonId,
  team: TeamWithHistories,
  day: IsoDate,
  request: PageRequest = {},
) => {
  const { items: members, continuationToken } = pageOfList([...team.reports].sort(byName), request);
  const rows = members.map((member) => {
    const history = team.histories.get(member.id) ?? [];
    const due = dueConversations({ tenant, employee: member, history, on: day });
    const mine = due.items.filter((i) => i.withIds.length === 0 || i.withIds.includes(managerId));
    const overdue = mine.filter((i) => i.status === 'overdue');
    const next: DueItem | undefined = mine.find((i) => OPEN.has(i.status));
    return {
      person: personSummaryOf(member),
      overall: overdue.length > 0 ? 'overdue' : mine.some((i) => i.status === 'due') ? 'due' : 'on-time',
      ...(next === undefined ? {} : { next }),
      overdueCount: overdue.length,
      pendingHandover: member.managerChanges.some((c) => c.handoverCompletedOn === undefined),
    } as const;
  });
  return { managerId, members: rows, ...(continuationToken === undefined ? {} : { continuationToken }) };
};

/** Staff without their own PC, whose conversations a coordinator books (004). */
const withoutOwnPc = async (deps: UseCaseDeps, tenantId: TenantId): Promise<Employee[]> => {
  const found: Employee[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await deps.repos.employees.list(tenantId, {
      pageSize: 100,
      ...(continuationToken ? { continuationToken } : {}),
    });
    found.push(...page.items.filter((e) => !e.hasOwnPc && e.leftOn === undefined));
    continuationToken = page.continuationToken;
  } while (continuationToken !== undefined);
  return found;
};

/** My reports, and for a coordinator also the staff without a PC they book for (004). */
export const getTeam = async (deps: UseCaseDeps, caller: Caller, on?: IsoDate, page?: PageRequest) => {
  const { tenant, employee } = await loadActor(deps, caller);
  const team = await teamWithHistories(deps.repos, caller.tenantId, employee.id);
  if (!employee.orgRoles.includes('coordinator')) {
    return teamOf(tenant, employee.id, team, on ?? deps.clock.today(), page);
  }
  const extra = (await withoutOwnPc(deps, caller.tenantId)).filter(
    (e) => e.id !== employee.id && !team.reports.some((r) => r.id === e.id),
  );
  const histories = new Map([...team.histories, ...(await historiesOf(deps.repos, caller.tenantId, extra))]);
  return teamOf(
    tenant,
    employee.id,
    { reports: [...team.reports, ...extra], histories },
    on ?? deps.clock.today(),
    page,
  );
};

/** Another manager's team, for those above them and HR (002 grandparent review). */
export const getTeamOf = async (
  deps: UseCaseDeps,
  caller: Caller,
  managerId: PersonId,
  on?: IsoDate,
  page?: PageRequest,
) => {
  const { tenant, actor } = await loadActor(deps, caller);
  authorize(actor, 'compliance.read', await loadSubject(deps, caller.tenantId, managerId));
  const team = await teamWithHistories(deps.repos, caller.tenantId, managerId);
  return teamOf(tenant, managerId, team, on ?? deps.clock.today(), page);
};

/** The colleagues the note form offers (the one colleague rule), a page at a time by name. */
export const colleaguesPage = async (deps: UseCaseDeps, caller: Caller, page?: PageRequest) =>
  pageOfList(await colleaguesOf(deps, caller), page);
