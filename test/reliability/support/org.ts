/** A small organisation in one tenant: a head, a manager and their reports, seeded through the store. */
import type { Employee, SchemeId } from '@pc/core';
import { employee } from '../../../bot/src/cosmos/fixtures.test-support.ts';
import type { Store } from '../../../bot/src/cosmos/index.ts';

export interface SeededTeam {
  readonly tenantId: string;
  readonly managerId: string;
  readonly reportIds: readonly string[];
}

export interface TeamOptions {
  readonly tenantId: string;
  readonly reports: number;
  readonly schemeId?: SchemeId;
  readonly managerId?: string;
}

const job = (managerIds: string[]): Employee['jobs'] => [
  { id: 'job-1', title: 'Officer', managerIds, isMain: true, contract: 'substantive', startDate: '2024-04-01' },
];

export const reportId = (n: number): string => `report-${String(n).padStart(3, '0')}`;

export const seedTeam = async (store: Store, options: TeamOptions): Promise<SeededTeam> => {
  const { tenantId } = options;
  const managerId = options.managerId ?? 'manager';
  await store.tenants.put({
    tenantId,
    name: 'Assembly Secretariat',
    schemeId: options.schemeId ?? 'assembly-secretariat',
    nation: 'england-and-wales',
    timeZone: 'Europe/London',
  });
  await store.employees.create(
    employee({ tenantId, id: managerId, displayName: 'Morgan Lee', email: 'morgan@example.test', jobs: job(['head']) }),
  );
  const reportIds: string[] = [];
  for (let n = 0; n < options.reports; n++) {
    const id = reportId(n);
    reportIds.push(id);
    await store.employees.create(
      employee({
        tenantId,
        id,
        displayName: `Colleague ${String(n)}`,
        email: `${id}@example.test`,
        jobs: job([managerId]),
      }),
    );
  }
  return { tenantId, managerId, reportIds };
};
