/**
 * The scheme engine over a large organisation: due-lists for many synthetic employees spread
 * over the five schemes, each with a short history. The yardstick measured in the same run is
 * a JSON round trip of the same inputs: the cost of touching every record once.
 */
import {
  dueConversations,
  SCHEME_IDS,
  type ConversationRecord,
  type DueInput,
  type Employee,
  type Tenant,
} from '@pc/core';
import { agreedConversation } from './lib/records.ts';

export interface EngineResult {
  readonly employees: number;
  readonly seconds: number;
  readonly microsPerEmployee: number;
  readonly itemsPerEmployee: number;
  /** Heap growth while the reports are held, in MiB. */
  readonly heapMiB: number;
  readonly yardstickSeconds: number;
  /** Engine time over the yardstick's. */
  readonly ratio: number;
}

const ON = '2027-05-10';
const pad = (n: number): string => String(n).padStart(2, '0');

const inputFor = (n: number): DueInput => {
  const schemeId = SCHEME_IDS[n % SCHEME_IDS.length] ?? 'assembly-secretariat';
  const tenant: Tenant = {
    tenantId: `tenant-${schemeId}`,
    name: schemeId,
    schemeId,
    nation: 'england-and-wales',
    timeZone: 'Europe/London',
  };
  const id = `person-${String(n)}`;
  const startYear = 2015 + (n % 12);
  const employee: Employee = {
    tenantId: tenant.tenantId,
    id,
    displayName: `Person ${String(n)}`,
    email: `${id}@example.test`,
    startDate: `${String(startYear)}-${pad(1 + (n % 12))}-${pad(1 + (n % 28))}`,
    jobs: [
      {
        id: 'job-1',
        title: 'Officer',
        managerIds: [`manager-${String(Math.floor(n / 30))}`],
        isMain: true,
        contract: 'substantive',
        startDate: `${String(startYear)}-${pad(1 + (n % 12))}-${pad(1 + (n % 28))}`,
      },
    ],
    leave: [],
    probation: { status: 'passed' },
    managerChanges: [],
    hasOwnPc: true,
    orgRoles: [],
  };
  const held = (type: ConversationRecord['type'], date: string): ConversationRecord =>
    agreedConversation({
      tenantId: tenant.tenantId,
      id: `${id}-${type}-${date}`,
      employeeId: id,
      managerIds: employee.jobs[0]?.managerIds ?? [],
      jobIds: ['job-1'],
      type,
      date,
    });
  const history = [held('regular', `2027-0${String(1 + (n % 4))}-15`), held('annual-review', '2026-06-20')];
  return { tenant, employee, history, on: ON };
};

const heapUsed = (): number => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
};

export const benchEngine = (employees: number): EngineResult => {
  const inputs = Array.from({ length: employees }, (_, n) => inputFor(n));
  // Warm the engine (scheme packs, holiday tables, JIT) before timing.
  for (const input of inputs.slice(0, 500)) dueConversations(input);

  const yardStart = performance.now();
  let yardBytes = 0;
  for (const input of inputs) yardBytes += (JSON.parse(JSON.stringify(input)) as DueInput).employee.id.length;
  const yardstickSeconds = (performance.now() - yardStart) / 1000;

  const heapBefore = heapUsed();
  const started = performance.now();
  const reports = inputs.map((input) => dueConversations(input));
  const seconds = (performance.now() - started) / 1000;
  const heapMiB = (heapUsed() - heapBefore) / 2 ** 20;
  const items = reports.reduce((s, r) => s + r.items.length, 0);
  if (yardBytes === 0 || items === 0) throw new Error('the engine bench produced no work');
  return {
    employees,
    seconds,
    microsPerEmployee: (seconds * 1e6) / employees,
    itemsPerEmployee: items / employees,
    heapMiB,
    yardstickSeconds,
    ratio: seconds / yardstickSeconds,
  };
};
