import {
  AppError,
  dueConversations,
  schemePacks,
  situationsOf,
  type ConversationRecord,
  type DueReport,
  type Employee,
  type IsoDate,
  type SchemeId,
  type Tenant,
} from '@pc/core';
import type { Command } from './args.ts';
import { parseDueFile } from './input.ts';
import { formatTable } from './table.ts';

/** The people `people` lists and `due --employee` finds: the demo organisation when run by `npm run cli`. */
export interface CliOrganisation {
  readonly tenants: readonly Tenant[];
  readonly employees: readonly Employee[];
  readonly conversations: readonly ConversationRecord[];
}

export interface CliIo {
  readonly readFile: (path: string) => Promise<string>;
  /** The organisation as it stands on a reference date (its histories are relative to that day). */
  readonly organisation: (on: IsoDate) => CliOrganisation;
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

export const schemesCommand = (org: CliOrganisation, asJson: boolean): string => {
  const rows = Object.values(schemePacks).map((p) => ({
    id: p.id,
    employer: p.employer,
    scheme: p.schemeName,
    policy: p.policy,
    demoTenantId: org.tenants.find((t) => t.schemeId === p.id)?.tenantId ?? '',
    conversations: p.conversations.map((c) => c.type),
  }));
  if (asJson) return json(rows);
  return formatTable(
    ['scheme', 'employer', 'policy', 'demo tenant', 'conversations'],
    rows.map((r) => [r.id, r.employer, r.policy, r.demoTenantId, r.conversations.join(', ')]),
  );
};

const rolesOf = (e: Employee, everyone: readonly Employee[]): string[] => {
  const roles: string[] = [...e.orgRoles];
  const reports = everyone.filter((o) => o.jobs.some((j) => j.managerIds.includes(e.id)));
  if (reports.length > 0) roles.push('manager');
  if (reports.some((r) => everyone.some((o) => o.jobs.some((j) => j.managerIds.includes(r.id)))))
    roles.push('grandparent');
  return roles;
};

export const peopleCommand = (
  org: CliOrganisation,
  scheme: SchemeId | undefined,
  asJson: boolean,
  on: IsoDate,
): string => {
  const tenants = scheme === undefined ? org.tenants : org.tenants.filter((t) => t.schemeId === scheme);
  const rows = tenants.flatMap((t) => {
    const people = org.employees.filter((e) => e.tenantId === t.tenantId);
    return people.map((e) => ({
      scheme: t.schemeId,
      id: e.id,
      email: e.email,
      name: e.displayName,
      title: e.jobs.find((j) => j.isMain)?.title ?? '',
      roles: rolesOf(e, people),
      situations: situationsOf(e, on),
    }));
  });
  if (asJson) return json(rows);
  return formatTable(
    ['id', 'email', 'name', 'title', 'roles', 'illustrates'],
    rows.map((r) => [r.id, r.email, r.name, r.title, r.roles.join(', '), r.situations.join(', ')]),
  );
};

export interface Person {
  readonly tenant: Tenant;
  readonly employee: Employee;
  readonly conversations: ConversationRecord[];
}

/** By id or email, case-insensitive. */
export const findPerson = (org: CliOrganisation, emailOrId: string): Person | undefined => {
  const key = emailOrId.trim().toLowerCase();
  const employee = org.employees.find((e) => e.id === key || e.email === key);
  const tenant = employee && org.tenants.find((t) => t.tenantId === employee.tenantId);
  if (!employee || !tenant) return undefined;
  return {
    tenant,
    employee,
    conversations: org.conversations.filter((c) => c.tenantId === tenant.tenantId && c.employeeId === employee.id),
  };
};

const dueReportOf = async (
  command: Extract<Command, { name: 'due' }>,
  io: CliIo,
): Promise<{ who: string; report: DueReport }> => {
  if (command.input !== undefined) {
    const file = parseDueFile(await io.readFile(command.input));
    if (command.scheme !== undefined && file.tenant.schemeId !== command.scheme) {
      throw new AppError('validation', `The input file's tenant uses ${file.tenant.schemeId}, not ${command.scheme}.`);
    }
    return {
      who: `${file.employee.displayName} — ${file.tenant.name}`,
      report: dueConversations({ ...file, on: command.on }),
    };
  }
  const key = command.employee ?? '';
  const person = findPerson(io.organisation(command.on), key);
  if (!person)
    throw new AppError('validation', `No demo person "${key}". List them with: npm run cli -- people --scheme <id>`);
  if (command.scheme !== undefined && person.tenant.schemeId !== command.scheme) {
    throw new AppError(
      'validation',
      `${person.employee.email} works for ${person.tenant.name} (${person.tenant.schemeId}), not ${command.scheme}.`,
    );
  }
  return {
    who: `${person.employee.displayName} <${person.employee.email}> — ${person.tenant.name}`,
    report: dueConversations({
      tenant: person.tenant,
      employee: person.employee,
      history: person.conversations,
      on: command.on,
    }),
  };
};

export const dueCommand = async (command: Extract<Command, { name: 'due' }>, io: CliIo): Promise<string> => {
  const { who, report } = await dueReportOf(command, io);
  if (command.json) return json(report);
  const heading = `${who}\nScheme ${report.schemeId}, on ${report.on}\n\n`;
  if (report.excluded !== undefined && report.items.length === 0)
    return `${heading}${report.excluded.reason} Policy: ${report.excluded.policyRef}.\n`;
  if (report.items.length === 0) return `${heading}Nothing is due.\n`;
  return (
    heading +
    formatTable(
      ['type', 'status', 'due', 'reason', 'policy'],
      report.items.map((i) => [i.type, i.status, i.dueDate, i.reason, i.policyRef]),
    )
  );
};
