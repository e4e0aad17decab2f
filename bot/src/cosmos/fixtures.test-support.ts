import { randomUUID } from 'node:crypto';
import type { AuditEvent, ConversationRecord, Employee, FeedbackEntry, Objective } from '@pc/core';
import { startCosmosServer, type CosmosServer } from '../../../test/support/cosmos-server.ts';
import { createCosmosStore, type Store } from './store.ts';

export const TENANT_A = '11111111-1111-1111-1111-111111111111';
export const TENANT_B = '22222222-2222-2222-2222-222222222222';

/** Minute `n` of a fixed day, so "newest first" has a known answer. */
export const minute = (n: number): string => new Date(Date.UTC(2027, 4, 1, 9, n)).toISOString();
export const day = (n: number): string => new Date(Date.UTC(2027, 0, 1 + n)).toISOString().slice(0, 10);

export interface StoreHarness {
  readonly server: CosmosServer;
  readonly store: Store;
  close(): Promise<void>;
}

/** A fresh server on a random port and a database no other test file uses. */
export const openStore = async (): Promise<StoreHarness> => {
  const server = await startCosmosServer();
  const store = await createCosmosStore({
    endpoint: server.endpoint,
    key: server.key,
    databaseId: `test-${randomUUID()}`,
    allowSelfSigned: true,
  });
  return {
    server,
    store,
    close: async () => {
      store.close();
      await server.close();
    },
  };
};

export const employee = (overrides: Partial<Employee> = {}): Employee => ({
  tenantId: TENANT_A,
  id: 'emp-1',
  displayName: 'Sam Example',
  email: 'sam@example.test',
  startDate: '2024-04-01',
  jobs: [
    {
      id: 'job-1',
      title: 'Planning officer',
      managerIds: ['mgr-1'],
      isMain: true,
      contract: 'substantive',
      startDate: '2024-04-01',
    },
  ],
  leave: [],
  probation: { status: 'passed' },
  managerChanges: [],
  hasOwnPc: true,
  orgRoles: [],
  ...overrides,
});

export const conversation = (overrides: Partial<ConversationRecord> = {}): ConversationRecord => ({
  tenantId: TENANT_A,
  id: randomUUID(),
  employeeId: 'emp-1',
  managerIds: ['mgr-1'],
  jobIds: ['job-1'],
  type: 'regular',
  status: 'held',
  date: '2027-05-01',
  topics: ['communication-and-engagement'],
  sections: {},
  notes: 'Talked about the caseload.',
  issuesRaised: ['Caseload is high'],
  actionsAgreed: [{ id: 'a1', text: 'Review caseload', owner: 'manager', done: false }],
  agenda: [],
  agreement: {},
  createdAt: minute(0),
  updatedAt: minute(0),
  ...overrides,
});

export const objective = (overrides: Partial<Objective> = {}): Objective => ({
  tenantId: TENANT_A,
  id: randomUUID(),
  ownerId: 'emp-1',
  kind: 'task',
  title: 'Clear the planning backlog',
  description: 'Reduce open applications to under 40.',
  measures: [{ kind: 'quantity', text: 'Under 40 open' }],
  horizon: 'short',
  milestones: [],
  status: 'agreed',
  progress: 0,
  progressNotes: [],
  alignment: [],
  support: [],
  createdAt: minute(0),
  updatedAt: minute(0),
  ...overrides,
});

export const feedback = (overrides: Partial<FeedbackEntry> = {}): FeedbackEntry => ({
  tenantId: TENANT_A,
  id: randomUUID(),
  authorId: 'mgr-1',
  subjectId: 'emp-1',
  kind: 'work-acknowledged',
  text: 'Great handling of the public inquiry.',
  visibility: 'pair',
  createdAt: minute(0),
  ...overrides,
});

export const auditEvent = (overrides: Partial<AuditEvent> = {}): AuditEvent => ({
  tenantId: TENANT_A,
  id: randomUUID(),
  at: minute(0),
  actorId: 'hr-1',
  subjectId: 'emp-1',
  action: 'exceptional-access',
  reason: { category: 'audit', text: 'Annual compliance sample' },
  resource: { type: 'conversation', id: 'c-1' },
  ...overrides,
});
