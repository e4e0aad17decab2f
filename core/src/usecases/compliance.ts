import type { ConversationTypeId } from '../domain/conversations.ts';
import type { Employee, PersonId, TenantId } from '../domain/people.ts';
import { authorize } from '../permissions/decide.ts';
import type { SchemePack } from '../scheme/types.ts';
import type { IsoDate } from '../time/dates.ts';
import { loadActor, loadSubject } from './context.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { dueFor } from './people.ts';
import { packOf } from './scheme.ts';

/** The reviews compliance counts: the annual review where there is one, else every expected type. */
const reviewTypes = (pack: SchemePack): ConversationTypeId[] =>
  pack.annualReview !== undefined
    ? ['annual-review']
    : pack.conversations.filter((c) => c.cadence.kind !== 'informal').map((c) => c.type);

export const quarterOf = (on: IsoDate): { label: string; from: IsoDate; to: IsoDate } => {
  const year = Number(on.slice(0, 4));
  const q = Math.floor((Number(on.slice(5, 7)) - 1) / 3);
  const month = (m: number): string => String(m).padStart(2, '0');
  const lastDay = new Date(Date.UTC(year, q * 3 + 3, 0)).getUTCDate();
  return {
    label: `${String(year)}-Q${String(q + 1)}`,
    from: `${String(year)}-${month(q * 3 + 1)}-01`,
    to: `${String(year)}-${month(q * 3 + 3)}-${String(lastDay)}`,
  };
};

/** The manager's team, and for senior managers the teams below, bounded to stay small. */
const teamBelow = async (deps: UseCaseDeps, tenantId: TenantId, managerId: PersonId): Promise<Employee[]> => {
  const seen = new Map<PersonId, Employee>();
  let level = [managerId];
  for (let depth = 0; depth < 4 && level.length > 0 && seen.size < 500; depth += 1) {
    const next: PersonId[] = [];
    for (const id of level) {
      for (const report of await deps.repos.employees.listReports(tenantId, id)) {
        if (seen.has(report.id) || report.id === managerId) continue;
        seen.set(report.id, report);
        next.push(report.id);
      }
    }
    level = next;
  }
  return [...seen.values()];
};

/** Policy 003 §8: % of reviews completed on time this quarter, and the number of pay-step deferrals. */
export const getCompliance = async (deps: UseCaseDeps, caller: Caller, managerId: PersonId, on?: IsoDate) => {
  const { actor, tenant } = await loadActor(deps, caller);
  const subject = await loadSubject(deps, caller.tenantId, managerId);
  authorize(actor, 'compliance.read', subject);
  const day = on ?? deps.clock.today();
  const quarter = quarterOf(day);
  const types = reviewTypes(packOf(tenant));
  let expected = 0;
  let completed = 0;
  let onTime = 0;
  const overdue: { employeeId: string; displayName: string; type: string; dueDate: string }[] = [];
  const members = await teamBelow(deps, caller.tenantId, managerId);
  for (const member of members) {
    const report = await dueFor(deps, tenant, member, day);
    for (const item of report.items.filter((i) => types.includes(i.type))) {
      const doneInQuarter =
        item.status === 'completed' && item.completedOn !== undefined && item.completedOn >= quarter.from;
      if (doneInQuarter) {
        expected += 1;
        completed += 1;
        if ((item.completedOn ?? '') <= item.dueDate) onTime += 1;
      } else if (item.status === 'overdue') {
        expected += 1;
        overdue.push({
          employeeId: member.id,
          displayName: member.displayName,
          type: item.type,
          dueDate: item.dueDate,
        });
      } else if (item.status === 'due' && item.dueDate <= quarter.to) {
        expected += 1;
      }
    }
  }
  const payDeferrals = members.filter(
    (m) =>
      m.payStep !== undefined &&
      (m.payStep.formalCapabilityProcess || m.payStep.liveDisciplinarySanction || !m.payStep.mandatoryTrainingComplete),
  ).length;
  return {
    scope: subject.employee.displayName,
    quarter: quarter.label,
    onTimePercent: expected === 0 ? 100 : Math.round((onTime / expected) * 100),
    completed,
    expected,
    overdue,
    payDeferrals,
  };
};
