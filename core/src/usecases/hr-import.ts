import { AppError } from '../errors.ts';
import type { Employee, Nation, TenantId } from '../domain/people.ts';
import type { EmployeeRepository, Stored, TenantRepository } from '../ports/repositories.ts';
import { decideAndWrite } from './directory-sync-batch.ts';
import { HR_COLUMNS, type HrRow } from './hr-file.ts';
import { applyRow, parseRow, type Parsed } from './hr-row.ts';

export interface ImportIssue {
  readonly row: number;
  readonly column: string;
  readonly reason: string;
}

export interface HrImportResult {
  readonly dryRun: boolean;
  readonly rows: number;
  /** People whose record the file changes (a dry run: would change). */
  readonly changed: number;
  readonly unchanged: number;
  /** When not empty, nothing was applied. */
  readonly issues: readonly ImportIssue[];
}

export interface HrImportDeps {
  readonly repos: { readonly tenants: TenantRepository; readonly employees: EmployeeRepository };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Everyone by email with their versions, read in as few requests as the store allows (one listing,
 * not a page at a time); the writes use these versions, so no one is read twice.
 */
const everyone = async (deps: HrImportDeps, tenantId: TenantId): Promise<Map<string, Stored<Employee>>> =>
  new Map((await deps.repos.employees.listAllStored(tenantId)).map((s) => [s.item.email.toLowerCase(), s]));

interface Plan {
  readonly person: Stored<Employee>;
  readonly parsed: Parsed;
}

/**
 * Checks every row of an HR file against the directory already synced, then (unless a dry run)
 * applies them: all rows or, when any row has an issue, none. A row that changes nothing is not
 * written, so importing the same file twice changes nothing; an import stopped halfway is finished
 * by importing the file again.
 */
export const importHrRows = async (
  deps: HrImportDeps,
  tenantId: TenantId,
  header: readonly string[],
  rows: readonly HrRow[],
  options: { readonly dryRun: boolean },
): Promise<HrImportResult> => {
  const tenant = (await deps.repos.tenants.get(tenantId))?.item;
  if (tenant === undefined) throw new AppError('not-found', `Tenant ${tenantId} is not set up here.`);
  const issues: ImportIssue[] = [];
  for (const column of header.filter((h) => !HR_COLUMNS.some((c) => c === h))) {
    issues.push({ row: 1, column, reason: 'Not a column this import knows (see docs/import.md).' });
  }
  if (!header.includes('email')) issues.push({ row: 1, column: 'email', reason: 'The file needs an email column.' });
  if (issues.length > 0) return { dryRun: options.dryRun, rows: rows.length, changed: 0, unchanged: 0, issues };

  const people = await everyone(deps, tenantId);
  const idByEmail = new Map([...people].map(([email, e]) => [email, e.item.id]));
  const firstRow = new Map<string, number>();
  const plans: Plan[] = [];
  const nations = new Set<Nation>();
  for (const row of rows) {
    const issue = (column: string, reason: string) => issues.push({ row: row.line, column, reason });
    const email = (row.cells.email ?? '').trim().toLowerCase();
    const person = people.get(email);
    const earlier = firstRow.get(email);
    if (email === '') issue('email', 'Every row needs an email.');
    else if (earlier !== undefined) issue('email', `${email} is already on row ${String(earlier)}.`);
    else if (person === undefined)
      issue('email', `No one with the email "${email}" is in the directory; sync it first.`);
    if (earlier === undefined) firstRow.set(email, row.line);
    const parsed = parseRow(row, idByEmail, issue);
    if (parsed.nation !== undefined) nations.add(parsed.nation);
    if (person !== undefined && earlier === undefined) plans.push({ person, parsed });
  }
  if (nations.size > 1) issues.push({ row: 1, column: 'nation', reason: 'Every row must name the same nation.' });
  const changes = plans.filter((p) => !same(p.person.item, applyRow(p.person.item, p.parsed)));
  const [nation] = [...nations];
  const summary = {
    dryRun: options.dryRun,
    rows: rows.length,
    changed: changes.length,
    unchanged: plans.length - changes.length,
  };
  if (issues.length > 0 || options.dryRun) return { ...summary, issues };
  if (nation !== undefined && nation !== tenant.nation) await deps.repos.tenants.put({ ...tenant, nation });
  // Each person's facts go over the record as listed, with its ETag, many people at once; one
  // changed since the listing is read again and the row applied over what it is now.
  await decideAndWrite(
    deps.repos.employees,
    tenantId,
    changes,
    (plan) => plan.person.item.id,
    (plan, stored) => {
      if (stored === undefined) throw new AppError('conflict', 'A person in the file left the store meanwhile.');
      const next = applyRow(stored.item, plan.parsed);
      return same(stored.item, next) ? { result: plan } : { result: plan, write: next };
    },
    (plan) => plan.person,
  );
  return { ...summary, issues };
};
