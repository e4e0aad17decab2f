import type { DigestCardInput, DigestLine } from '../cards/digest-card.ts';
import { dueCardItemsFrom } from '../cards/due-items.ts';
import type { Employee, Tenant } from '../domain/people.ts';
import { addDays, type IsoDate } from '../time/dates.ts';
import type { UseCaseDeps } from './deps.ts';
import { openAppealLodgeBy } from './nudges-deadlines.ts';
import { labelOf, packOf } from './scheme.ts';
import { dueToday } from './self-service.ts';

/** Due within this many days counts as "due soon" in the digest. */
export const DIGEST_DUE_SOON_DAYS = 14;
/** Records held this long ago or less are looked at for agreement and disagreement. */
const RECORD_LOOKBACK_DAYS = 180;

const byDate = (a: DigestLine, b: DigestLine): number => a.date.localeCompare(b.date);

export type DigestContent = Omit<DigestCardInput, 'firstName' | 'weekOf' | 'tabUrl'>;

/**
 * A manager's weekly digest (issue #22, like a Friday digest): for each current report, what is
 * overdue or due within two weeks, records held but not yet agreed by both, and records the
 * colleague disagreed with that are still to be settled, and reviews whose appeal window is still
 * open with its last day (002, 003). Names and titles only, never notes.
 */
export const managerDigest = async (
  deps: UseCaseDeps,
  tenant: Tenant,
  manager: Employee,
  today: IsoDate,
): Promise<DigestContent> => {
  const pack = packOf(tenant);
  const reports = (await deps.repos.employees.listReports(tenant.tenantId, manager.id)).filter(
    (r) => r.leftOn === undefined || r.leftOn > today,
  );
  const soon = addDays(today, DIGEST_DUE_SOON_DAYS);
  const content = {
    overdue: [] as DigestLine[],
    dueSoon: [] as DigestLine[],
    awaitingAgreement: [] as DigestLine[],
    disagreements: [] as DigestLine[],
    appealDeadlines: [] as DigestLine[],
  };
  for (const report of reports) {
    const { report: due, labels } = await dueToday(deps, tenant, report);
    for (const item of dueCardItemsFrom(due, labels)) {
      const line = { personName: report.displayName, title: item.title, date: item.dueDate };
      if (item.status === 'overdue') content.overdue.push(line);
      else if (item.dueDate <= soon) content.dueSoon.push(line);
    }
    const records = await deps.repos.conversations.listForEmployee(
      tenant.tenantId,
      report.id,
      { from: addDays(today, -RECORD_LOOKBACK_DAYS), to: today },
      { pageSize: 50 },
    );
    for (const record of records.items) {
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
