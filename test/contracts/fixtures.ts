import { randomUUID } from 'node:crypto';
import type { AuditEvent, ConversationRecord, Employee, FeedbackEntry, Objective, Tenant } from '@pc/core';
import type { HandoverNote, TeamThemes } from '@pc/core/usecases';

/** A tenant no other test uses, so contracts can share one Cosmos database. */
export const newTenantId = (): string => randomUUID();

/** Minute `n` of a fixed morning, so "newest first" has one right answer. */
export const minute = (n: number): string => new Date(Date.UTC(2027, 4, 1, 9, n)).toISOString();
/** Day `n` of 2027. */
export const day = (n: number): string => new Date(Date.UTC(2027, 0, 1 + n)).toISOString().slice(0, 10);

export const tenant = (tenantId: string, overrides: Partial<Tenant> = {}): Tenant => ({
  tenantId,
  name: 'Example Council',
  schemeId: 'cumbria-vip',
  nation: 'england-and-wales',
  timeZone: 'Europe/London',
  ...overrides,
});

export const employee = (tenantId: string, id: string, overrides: Partial<Employee> = {}): Employee => ({
  tenantId,
  id,
  displayName: 'Sam Example',
  email: `${id}@example.test`,
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

export const conversation = (
  tenantId: string,
  id: string,
  overrides: Partial<ConversationRecord> = {},
): ConversationRecord => ({
  tenantId,
  id,
  employeeId: 'emp-1',
  managerIds: ['mgr-1'],
  jobIds: ['job-1'],
  type: 'regular',
  status: 'held',
  date: '2027-05-01',
  topics: ['communication-and-engagement'],
  sections: {},
  notes: 'Talked about the caseload.',
  issuesRaised: [],
  actionsAgreed: [],
  agenda: [],
  agreement: {},
  createdAt: minute(0),
  updatedAt: minute(0),
  ...overrides,
});

export const objective = (tenantId: string, id: string, overrides: Partial<Objective> = {}): Objective => ({
  tenantId,
  id,
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

export const feedback = (tenantId: string, id: string, overrides: Partial<FeedbackEntry> = {}): FeedbackEntry => ({
  tenantId,
  id,
  authorId: 'mgr-1',
  subjectId: 'emp-1',
  kind: 'work-acknowledged',
  text: 'Great handling of the public inquiry.',
  visibility: 'pair',
  createdAt: minute(0),
  ...overrides,
});

export const auditEvent = (tenantId: string, id: string, overrides: Partial<AuditEvent> = {}): AuditEvent => ({
  tenantId,
  id,
  at: minute(0),
  actorId: 'hr-1',
  subjectId: 'emp-1',
  action: 'exceptional-access',
  reason: { category: 'audit', text: 'Annual compliance sample' },
  resource: { type: 'conversation', id: 'c-1' },
  ...overrides,
});

export const teamThemes = (tenantId: string, managerId: string, overrides: Partial<TeamThemes> = {}): TeamThemes => ({
  tenantId,
  managerId,
  period: '2027',
  trainingNeeds: ['Case management system'],
  systemNeeds: [],
  resourcingNeeds: [],
  otherThemes: [],
  summary: 'Training on the new system is the common thread.',
  updatedAt: minute(0),
  ...overrides,
});

export const handover = (tenantId: string, id: string, overrides: Partial<HandoverNote> = {}): HandoverNote => ({
  tenantId,
  id,
  employeeId: 'emp-1',
  jobId: 'job-1',
  fromManagerId: 'mgr-1',
  toManagerId: 'mgr-2',
  strengths: 'Calm with the public.',
  development: 'Planning law refresher.',
  personalGoals: 'Chartered membership.',
  other: '',
  createdAt: minute(0),
  createdBy: 'mgr-1',
  ...overrides,
});
