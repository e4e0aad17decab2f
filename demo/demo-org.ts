import {
  systemClock,
  type ConversationRecord,
  type Employee,
  type FeedbackEntry,
  type IsoDate,
  type Objective,
  type Tenant,
} from '@pc/core';
import { DeltaDirectory, type DirectoryFixtureUser } from '@pc/testing/fakes/graph/delta.ts';
import type { FakeOrg } from '@pc/testing/fakes/org.ts';
import { findPerson, type Person } from '../bot/src/cli/commands.ts';
import { feedbackFor, objectivesFor } from './demo-org/extras.ts';
import { conversationsFor } from './demo-org/history.ts';
import { tenantId } from './demo-org/ids.ts';
import { buildEmployee, departmentOf, personNumbersOf } from './demo-org/people.ts';
import { PROFILES, type TenantProfile } from './demo-org/profiles.ts';

export { DEMO_TENANT_IDS, personId as demoPersonId } from './demo-org/ids.ts';
export { STORY as DEMO_STORIES } from './demo-org/people.ts';

/** Five demo employers, one per scheme pack, built relative to a reference date so tests are deterministic. */
export interface DemoOrg {
  readonly referenceDate: IsoDate;
  readonly tenants: Tenant[];
  readonly employees: Employee[];
  readonly conversations: ConversationRecord[];
  readonly objectives: Objective[];
  readonly feedback: FeedbackEntry[];
  readonly graphOrgs: FakeOrg[];
}

const WORKING_HOURS = {
  start: '09:00',
  end: '17:00',
  daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
  timeZone: 'Europe/London',
} as const;

/**
 * The directory as Entra holds it now: a leaver's account is disabled. A DeltaDirectory, so bringing
 * the demo in can show the sync the leaver as they were before they left (demo/bring-in.ts).
 */
const graphOrgOf = (p: TenantProfile, people: readonly Employee[]): FakeOrg =>
  new DeltaDirectory(
    tenantId(p.no),
    people.map((e, i): DirectoryFixtureUser => {
      const main = e.jobs.find((j) => j.isMain) ?? e.jobs[0];
      const managerId = main?.managerIds[0];
      return {
        id: e.id,
        displayName: e.displayName,
        mail: e.email,
        employeeHireDate: e.startDate,
        ...(main ? { jobTitle: main.title } : {}),
        department: departmentOf(p, i + 1),
        ...(managerId === undefined ? {} : { managerId }),
        workingHours: WORKING_HOURS,
        ...(e.leftOn === undefined ? {} : { accountEnabled: false }),
      };
    }),
  );

export const buildDemoOrg = (referenceDate: IsoDate = systemClock.today()): DemoOrg => {
  const org: DemoOrg = {
    referenceDate,
    tenants: [],
    employees: [],
    conversations: [],
    objectives: [],
    feedback: [],
    graphOrgs: [],
  };
  for (const p of PROFILES) {
    org.tenants.push({
      tenantId: tenantId(p.no),
      name: p.name,
      schemeId: p.schemeId,
      nation: p.nation,
      timeZone: 'Europe/London',
    });
    const people = personNumbersOf(p).map((n) => buildEmployee(p, referenceDate, n));
    org.employees.push(...people);
    people.forEach((e, i) => {
      org.conversations.push(...conversationsFor(p, e, referenceDate, i + 1));
      org.objectives.push(...objectivesFor(p, e, referenceDate, i + 1));
      org.feedback.push(...feedbackFor(p, e, referenceDate, i + 1));
    });
    org.graphOrgs.push(graphOrgOf(p, people));
  }
  return org;
};

export type DemoPerson = Person;

/** Finds a demo person by id or email (case-insensitive) in the org built for `referenceDate`. */
export const demoPerson = (
  emailOrId: string,
  referenceDate?: IsoDate,
  org = buildDemoOrg(referenceDate),
): DemoPerson | undefined => findPerson(org, emailOrId);

/** App role values as the app registration declares them (docs/administration.md). */
const APP_ROLE_OF: Readonly<Record<Employee['orgRoles'][number], string>> = {
  admin: 'Admin',
  hr: 'HR',
  coordinator: 'Coordinator',
  auditor: 'Auditor',
  'senior-manager': 'SeniorManager',
};

/**
 * The demo's Entra app-role assignments: what the local issuer puts in a demo person's `roles`
 * claim, so their roles reach the product at sign-in as a real tenant's do.
 */
export const demoAppRoles =
  (org: DemoOrg) =>
  (tenantId: string, personId: string): string[] =>
    (org.employees.find((e) => e.tenantId === tenantId && e.id === personId)?.orgRoles ?? []).map(
      (r) => APP_ROLE_OF[r],
    );
