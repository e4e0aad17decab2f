import { dueConversations } from '../engine/due.ts';
import type { DueItem, DueReport } from '../engine/types.ts';
import type { ConversationRecord } from '../domain/conversations.ts';
import type { Employee, PersonId, Tenant, TenantId } from '../domain/people.ts';
import { authorize } from '../permissions/decide.ts';
import { currentManagerIds } from '../permissions/relationships.ts';
import type { IsoDate } from '../time/dates.ts';
import { loadActor, loadSubject } from './context.ts';
import type { Caller, UseCaseDeps } from './deps.ts';

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
export const historyOf = async (
  deps: UseCaseDeps,
  tenantId: TenantId,
  personId: PersonId,
): Promise<ConversationRecord[]> => {
  const all: ConversationRecord[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await deps.repos.conversations.listForEmployee(
      tenantId,
      personId,
      {},
      {
        pageSize: 100,
        ...(continuationToken === undefined ? {} : { continuationToken }),
      },
    );
    all.push(...page.items);
    continuationToken = page.continuationToken;
  } while (continuationToken !== undefined);
  return all;
};

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

/** A manager's team at a glance: who is overdue, what is next, and who awaits a handover (000). */
export const getTeam = async (deps: UseCaseDeps, caller: Caller, on?: IsoDate) => {
  const { tenant, employee } = await loadActor(deps, caller);
  const day = on ?? deps.clock.today();
  const reports = await deps.repos.employees.listReports(caller.tenantId, employee.id);
  const members = [];
  for (const report of reports) {
    const due = await dueFor(deps, tenant, report, day);
    const mine = due.items.filter((i) => i.withIds.length === 0 || i.withIds.includes(employee.id));
    const overdue = mine.filter((i) => i.status === 'overdue');
    const next: DueItem | undefined = mine.find((i) => OPEN.has(i.status));
    members.push({
      person: personSummaryOf(report),
      overall: overdue.length > 0 ? 'overdue' : mine.some((i) => i.status === 'due') ? 'due' : 'on-time',
      ...(next === undefined ? {} : { next }),
      overdueCount: overdue.length,
      pendingHandover: report.managerChanges.some((c) => c.handoverCompletedOn === undefined),
    } as const);
  }
  return { managerId: employee.id, members };
};
