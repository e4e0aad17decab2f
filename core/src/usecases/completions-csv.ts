import type { ConversationRecord } from '../domain/conversations.ts';
import type { Employee, PersonId, TenantId } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import { decide } from '../permissions/decide.ts';
import { countsAsHeld } from '../rules/record-lifecycle.ts';
import { addMonths, type IsoDate } from '../time/dates.ts';
import { loadActor, subjectOf, type ReadPerson } from './context.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { allPages } from './export-support.ts';
import { labelOf, packOf } from './scheme.ts';

const COMPLETION_TYPES = new Set<ConversationRecord['type']>([
  'annual-review',
  'probation-review',
  'progress-record',
  'induction',
  'big-picture',
  'regular',
]);

const csvCell = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
// Spreadsheets run cells that begin with these as formulas.
const safeCell = (value: string): string => csvCell(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

const CSV_HEADER = [
  'employee_id',
  'employee_name',
  'email',
  'job_id',
  'conversation_type',
  'conversation_label',
  'date',
  'status',
  'agreed_by_both',
  'rating',
  'conversation_id',
];

/** Each person once per export: from the people already listed, or one point read. */
const readerFor = (deps: UseCaseDeps, tenantId: TenantId, known: readonly Employee[]): ReadPerson => {
  const people = new Map<PersonId, Promise<Employee | undefined>>(known.map((e) => [e.id, Promise.resolve(e)]));
  return (id) => {
    const found = people.get(id) ?? deps.repos.employees.get(tenantId, id).then((stored) => stored?.item);
    people.set(id, found);
    return found;
  };
};

interface Exported {
  readonly person: Employee;
  readonly ratingVisible: boolean;
  readonly records: ConversationRecord[];
}

/** At most this many people's ids go into one query; a larger team is read tenant-wide and filtered. */
const MAX_IDS_PER_QUERY = 100;

/**
 * Dated completion records for the HR system (000 iTrent): facts only, one row per job (000 dual
 * roles). The records come from a few paged queries over the tenant's conversations in the range,
 * not one query per person.
 */
export const completionsCsv = async (
  deps: UseCaseDeps,
  caller: Caller,
  range: { from?: IsoDate | undefined; to?: IsoDate | undefined },
): Promise<string> => {
  const { actor, tenant, employee } = await loadActor(deps, caller);
  const to = range.to ?? deps.clock.today();
  const from = range.from ?? addMonths(to, -12);
  if (from > to) {
    throw new AppError('validation', 'The range must end on or after its start.', {
      details: [{ path: 'query.to', message: 'Must be on or after from.' }],
    });
  }
  const t = caller.tenantId;
  const isHr = employee.orgRoles.includes('hr');
  const people: readonly Employee[] = isHr
    ? await allPages((p) => deps.repos.employees.list(t, p))
    : await deps.repos.employees.listReports(t, caller.userId);
  if (!isHr && people.length === 0) throw new AppError('forbidden', 'Completion records are for HR and line managers.');
  const read = readerFor(deps, t, [employee, ...people]);
  const exported = new Map<PersonId, Exported>();
  for (const person of people) {
    const subject = await subjectOf(person, read);
    if (!decide(actor, 'export.completionRecord', subject).allowed) continue;
    const ratingVisible = decide(actor, 'conversation.rating.read', subject).allowed;
    exported.set(person.id, { person, ratingVisible, records: [] });
  }
  const ids = [...exported.keys()];
  const query = { from, to, ...(isHr || ids.length > MAX_IDS_PER_QUERY ? {} : { employeeIds: ids }) };
  const records = ids.length === 0 ? [] : await allPages((p) => deps.repos.conversations.listForTenant(t, query, p));
  for (const r of records) {
    if (COMPLETION_TYPES.has(r.type) && countsAsHeld(r)) exported.get(r.employeeId)?.records.push(r);
  }
  const pack = packOf(tenant);
  const rows: string[][] = [];
  for (const { person, ratingVisible, records: done } of exported.values()) {
    for (const r of done.sort((a, b) => a.date.localeCompare(b.date))) {
      const agreed = r.agreement.employeeAgreedAt !== undefined && r.agreement.managerAgreedAt !== undefined;
      for (const jobId of r.jobIds.length > 0 ? r.jobIds : ['']) {
        rows.push([
          person.id,
          person.displayName,
          person.email,
          jobId,
          r.type,
          labelOf(pack, r.type),
          r.date,
          r.status,
          agreed ? 'yes' : 'no',
          ratingVisible ? (r.rating?.value ?? '') : '',
          r.id,
        ]);
      }
    }
  }
  return [CSV_HEADER, ...rows].map((row) => row.map(safeCell).join(',')).join('\r\n') + '\r\n';
};
