import type { DigestCardInput, DigestLine } from '../cards/digest-card.ts';
import { dueCardItemsFrom } from '../cards/due-items.ts';
import type { ConversationRecord } from '../domain/conversations.ts';
import type { Employee, PersonId, Tenant } from '../domain/people.ts';
import { addDays, type IsoDate } from '../time/dates.ts';
import { dueTodayFrom } from './checkins-reads.ts';
import type { UseCaseDeps } from './deps.ts';
import { mayHaveOpenWindow, openAppealLodgeBy } from './nudges-deadlines.ts';
import { labelOf, packOf } from './scheme.ts';
import type { TeamWithHistories } from './status-digest.ts';

/** Due within this many days counts as "due soon" in the digest. */
export const DIGEST_DUE_SOON_DAYS = 14;
/** Records held this long ago or less are looked at for agreement and disagreement. */
const RECORD_LOOKBACK_DAYS = 180;

// Whoever's and whatever's come first on the same day: the order never depends on how the team was read.
const byDate = (a: DigestLine, b: DigestLine): number =>
  a.date.localeCompare(b.date) || a.personName.localeCompare(b.personName) || a.title.localeCompare(b.title);

export type DigestContent = Omit<DigestCardInput, 'firstName' | 'weekOf' | 'tabUrl'>;

/** Whether `employee` reports to `managerId` in any job (as the directory lists a manager's reports). */
export const reportsTo = (employee: Employee, managerId: PersonId): boolean =>
  employee.jobs.some((j) => j.managerIds.includes(managerId));

/**
 * A report's records of the last months: from their history as their status digest holds it, and
 * from the records themselves only when an appeal window may still be open (the digest keeps no
 * release date nor the appeal itself).
 */
const recentRecords = async (
  deps: UseCaseDeps,
  tenant: Tenant,
  report: Employee,
  today: IsoDate,
  history: readonly ConversationRecord[] | undefined,
): Promise<readonly ConversationRecord[]> => {
  const from = addDays(today, -RECORD_LOOKBACK_DAYS);
  if (history !== undefined && (packOf(tenant).appeal === undefined || !mayHaveOpenWindow(history, from, today))) {
    return history.filter((r) => r.date >= from && r.date <= today);
  }
  const page = await deps.repos.conversations.listForEmployee(
    tenant.tenantId,
    report.id,
    { from, to: today },
    { pageSize: 50 },
  );
  return page.items;
};

/**
 * A manager's weekly digest (issue #22, like a Friday digest): for each current report, what is
 * overdue or due within two weeks, records held but not yet agreed by both, and records the
 * colleague disagreed with that are still to be settled, and reviews whose appeal window is still
 * open with its last day (002, 003). Names and titles only, never notes. `team`, when the run read
 * it already (reports of several managers with their histories from their status digests), saves
 * reading each report's records.
 */
export const managerDigest = async (
  deps: UseCaseDeps,
  tenant: Tenant,
  manager: Employee,
  today: IsoDate,
  team?: TeamWithHistories,
): Promise<DigestContent> => {
  const pack = packOf(tenant);
  const reports = (
    team === undefined
      ? await deps.repos.employees.listReports(tenant.tenantId, manager.id)
      : team.reports.filter((r) => reportsTo(r, manager.id))
  ).filter((r) => r.leftOn === undefined || r.leftOn > today);
  const soon = addDays(today, DIGEST_DUE_SOON_DAYS);
  const content = {
    overdue: [] as DigestLine[],
    dueSoon: [] as DigestLine[],
    awaitingAgreement: [] as DigestLine[],
    disagreements: [] as DigestLine[],
    appealDeadlines: [] as DigestLine[],
  };
  for (const report of reports) {
    const history = team?.histories.get(report.id);
    const { report: due, labels } = await dueTodayFrom(deps, tenant, report, history);
    for (const item of dueCardItemsFrom(due, labels)) {
      const line = { personName: report.displayName, title: item.title, date: item.dueDate };
      if (item.status === 'overdue') content.overdue.push(line);
      else if (item.dueDate <= soon) content.dueSoon.push(line);
    }
    for (const record of await recentRecords(deps, tenant, report, today, history)) {
      if (!record.managerIds.includes(manager.id)) continue;
      const lodgeBy = openAppealLodgeBy(pack, tenant, record, today);
      if (lodgeBy !== undefined) {
        content.appealDeadlines.push({
          personName: report.displayName,
          title: labelOf(pack, record.type),
          date: lodgeBy,
        });
      }
      if (record.status !== 'held') continue;
      const line = { personName: report.displayName, title: labelOf(pack, record.type), date: record.date };
      if (record.disagreement === undefined) content.awaitingAgreement.push(line);
      else content.disagreements.push(line);
    }
  }
  return {
    overdue: content.overdue.sort(byDate),
    dueSoon: content.dueSoon.sort(byDate),
    awaitingAgreement: content.awaitingAgreement.sort(byDate),
    disagreements: content.disagreements.sort(byDate),
    appealDeadlines: content.appealDeadlines.sort(byDate),
  };
};
