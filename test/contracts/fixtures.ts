import { randomUUID } from 'node:crypto';
import type { AuditEvent, ConversationRecord, Employee, FeedbackEntry, Objective, Tenant } from '@pc/core';
import type { HandoverNote, TeamThemes } from '@pc/core/usecases';
import * as base from '../../bot/src/cosmos/fixtures.test-support.ts';

/** A tenant no other test uses, so contracts can share one Cosmos database. */
export const newTenantId = (): string => randomUUID();

export { day, minute } from '../../bot/src/cosmos/fixtures.test-support.ts';
const { minute } = base;

export const tenant = (tenantId: string, overrides: Partial<Tenant> = {}): Tenant => ({
  tenantId,
  name: 'Example Council',
  schemeId: 'cumbria-vip',
  nation: 'england-and-wales',
  timeZone: 'Europe/London',
  ...overrides,
});

// The records of the store tests, placed in the given tenant under the given id.
export const employee = (tenantId: string, id: string, overrides: Partial<Employee> = {}): Employee =>
  base.employee({ tenantId, id, email: `${id}@example.test`, ...overrides });

export const conversation = (
  tenantId: string,
  id: string,
  overrides: Partial<ConversationRecord> = {},
): ConversationRecord => base.conversation({ tenantId, id, issuesRaised: [], actionsAgreed: [], ...overrides });

export const objective = (tenantId: string, id: string, overrides: Partial<Objective> = {}): Objective =>
  base.objective({ tenantId, id, ...overrides });

export const feedback = (tenantId: string, id: string, overrides: Partial<FeedbackEntry> = {}): FeedbackEntry =>
  base.feedback({ tenantId, id, ...overrides });

export const auditEvent = (tenantId: string, id: string, overrides: Partial<AuditEvent> = {}): AuditEvent =>
  base.auditEvent({ tenantId, id, ...overrides });

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
