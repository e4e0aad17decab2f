import type { ConversationRecord } from '../domain/conversations.ts';
import type { Employee, OrgRole } from '../domain/people.ts';
import type { TenantActor } from './decide.ts';
import type { SubjectContext } from './relationships.ts';

export const TENANT = 'tenant-a';

export const IDS = {
  self: 'emp',
  manager: 'mgr',
  previous: 'prev-mgr',
  grandparent: 'gp',
  senior: 'senior',
  hr: 'hr',
  coordinator: 'coord',
  auditor: 'auditor',
  stranger: 'other-team-mgr',
  otherTenant: 'emp',
} as const;
export type ActorName = keyof typeof IDS;
export const ACTOR_NAMES = Object.keys(IDS) as ActorName[];

const ROLES: Partial<Record<ActorName, OrgRole[]>> = {
  hr: ['hr'],
  coordinator: ['coordinator'],
  auditor: ['auditor'],
  senior: ['senior-manager'],
};

export const actor = (name: ActorName): TenantActor => ({
  tenantId: name === 'otherTenant' ? 'tenant-b' : TENANT,
  id: IDS[name],
  orgRoles: ROLES[name] ?? [],
});

export const employee = (overrides: Partial<Employee> = {}): Employee => ({
  tenantId: TENANT,
  id: IDS.self,
  displayName: 'Sam Example',
  email: 'sam@example.test',
  startDate: '2020-01-06',
  jobs: [
    {
      id: 'job-1',
      title: 'Officer',
      managerIds: [IDS.manager],
      isMain: true,
      contract: 'substantive',
      startDate: '2020-01-06',
    },
  ],
  leave: [],
  probation: { status: 'passed' },
  managerChanges: [{ jobId: 'job-1', previousManagerId: IDS.previous, newManagerId: IDS.manager, on: '2026-10-01' }],
  hasOwnPc: false,
  orgRoles: [],
  ...overrides,
});

export const subject = (overrides: Partial<Employee> = {}): SubjectContext => ({
  employee: employee(overrides),
  grandparentIds: [IDS.grandparent],
  seniorChainIds: [IDS.senior],
});

export const record = (overrides: Partial<ConversationRecord> = {}): ConversationRecord => ({
  tenantId: TENANT,
  id: 'conv-1',
  employeeId: IDS.self,
  managerIds: [IDS.manager],
  jobIds: ['job-1'],
  type: 'annual-review',
  status: 'agreed',
  date: '2026-05-01',
  topics: [],
  sections: { retro: 'Delivered the rota project.' },
  notes: 'Private note text',
  issuesRaised: ['Workload in March'],
  actionsAgreed: [],
  agenda: [],
  agreement: { employeeAgreedAt: '2026-05-02T10:00:00Z', managerAgreedAt: '2026-05-02T11:00:00Z' },
  createdAt: '2026-05-01T09:00:00Z',
  updatedAt: '2026-05-02T11:00:00Z',
  ...overrides,
});
