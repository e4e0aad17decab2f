import type { ConversationRecord, ConversationStatus, ConversationTypeId } from '../domain/conversations.ts';
import type { Employee, Job, SchemeId, Tenant } from '../domain/people.ts';
import type { IsoDate } from '../time/dates.ts';
import { dueConversations } from './due.ts';
import type { DueItem, DueReport } from './types.ts';

export const TENANT_ID = 'tenant-1';

export const tenantFor = (schemeId: SchemeId): Tenant => ({
  tenantId: TENANT_ID,
  name: 'Employer',
  schemeId,
  nation: 'england-and-wales',
  timeZone: 'Europe/London',
});

export const job = (overrides: Partial<Job> = {}): Job => ({
  id: 'job-1',
  title: 'Officer',
  managerIds: ['manager-1'],
  isMain: true,
  contract: 'substantive',
  startDate: '2025-01-06',
  ...overrides,
});

export const employee = (overrides: Partial<Employee> = {}): Employee => ({
  tenantId: TENANT_ID,
  id: 'employee-1',
  displayName: 'Sam Example',
  email: 'sam@example.test',
  startDate: '2025-01-06',
  jobs: [job({ startDate: overrides.startDate ?? '2025-01-06' })],
  leave: [],
  probation: { status: 'passed' },
  managerChanges: [],
  hasOwnPc: true,
  orgRoles: [],
  ...overrides,
});

export const record = (
  type: ConversationTypeId,
  date: IsoDate,
  status: ConversationStatus = 'held',
  overrides: Partial<ConversationRecord> = {},
): ConversationRecord => {
  return {
    tenantId: TENANT_ID,
    id: `conv-${type}-${date}-${status}`,
    employeeId: 'employee-1',
    managerIds: ['manager-1'],
    jobIds: [],
    type,
    status,
    date,
    topics: [],
    sections: {},
    notes: '',
    issuesRaised: [],
    actionsAgreed: [],
    agenda: [],
    agreement: {},
    createdAt: `${date}T09:00:00.000Z`,
    updatedAt: `${date}T09:00:00.000Z`,
    ...overrides,
  };
};

export const due = (
  schemeId: SchemeId,
  on: IsoDate,
  who: Employee = employee(),
  history: readonly ConversationRecord[] = [],
): DueReport => dueConversations({ tenant: tenantFor(schemeId), employee: who, history, on });

export const itemsOf = (report: DueReport, type: ConversationTypeId): DueItem[] =>
  report.items.filter((i) => i.type === type);

/** The single item of a type; fails loudly when there is not exactly one. */
export const only = (report: DueReport, type: ConversationTypeId): DueItem => {
  const items = itemsOf(report, type);
  if (items.length !== 1 || items[0] === undefined)
    throw new Error(`expected one ${type} item, got ${String(items.length)}`);
  return items[0];
};
