import type { ConversationRecord } from '../domain/conversations.ts';
import type { Employee, PersonId, Tenant, TenantId } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import { decide, type TenantActor } from '../permissions/decide.ts';
import { countsAsHeld } from '../rules/record-lifecycle.ts';
import { addMonths, type IsoDate } from '../time/dates.ts';
import { loadActor, subjectOf, type ReadPerson } from './context.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { entriesOf, historyOfEntries } from './digest-pages.ts';
import { COMPLETION_LAYOUTS, type CompletionLayoutId, type CompletionRow } from './completion-layouts.ts';

const COMPLETION_TYPES = new Set<ConversationRecord['type']>([
  'annual-review',
  'probation-review',
  'progress-record',
  'induction',
  'big-picture',
  'regular',
]);

// Spreadsheets run cells that begin with these as formulas: such a cell is written as text.
export const guardFormula = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** Each person once per export: from the people already listed, or one point read. */
interface Reader {
  readonly read: ReadPerson;
  /** People listed by a page of the directory, so their managers need no point read. */
  readonly remember: (people: readonly Employee[]) => void;
}

const readerFor = (deps: UseCaseDeps, tenantId: TenantId, known: readonly Employee[]): Reader => {
  const people = new Map<PersonId, Promise<Employee | undefined>>();
  const remember = (list: readonly Employee[]) => {
    for (const e of list) people.set(e.id, Promise.resolve(e));
  };
  remember(known);
  const read: ReadPerson = (id) => {
    const found = people.get(id) ?? deps.repos.employees.get(tenantId, id).then((stored) => stored?.item);
    people.set(id, found);
    return found;
  };
  return { read, remember };
};

/** At most this many people's ids go into one query (the port's limit); also the people page size. */
const PAGE = 100;

export interface CompletionsExport {
  readonly filename: string;
  readonly header: readonly string[];
  /** Rows with every cell guarded against formulas, written page by page as they are read. */
  readonly rows: AsyncIterable<string[]>;
}

interface Exporting {
  readonly deps: UseCaseDeps;
  readonly tenant: Tenant;
  readonly actor: TenantActor;
  readonly people: Reader;
  readonly range: { readonly from: IsoDate; readonly to: IsoDate };
  readonly layout: CompletionLayoutId;
}

/** The rows of one page of people: their conversations in the range from their digests, one query per 100 people. */
async function* rowsOf(x: Exporting, people: readonly Employee[], isHr: boolean): AsyncGenerator<string[]> {
  const t = x.tenant.tenantId;
  const spec = COMPLETION_LAYOUTS[x.layout];
  x.people.remember(people);
  const allowed: { person: Employee; ratingVisible: boolean }[] = [];
  for (const person of people) {
    // HR's right to completion facts and ratings holds across the organisation, whoever manages whom.
    const subject = isHr ? { employee: person, grandparentIds: [] } : await subjectOf(person, x.people.read);
    if (!decide(x.actor, 'export.completionRecord', subject).allowed) continue;
    allowed.push({ person, ratingVisible: decide(x.actor, 'conversation.rating.read', subject).allowed });
  }
  for (let i = 0; i < allowed.length; i += PAGE) {
    const chunk = allowed.slice(i, i + PAGE);
    const entries = await entriesOf(
      x.deps.repos,
      t,
      chunk.map((a) => a.person),
    );
    const { from, to } = x.range;
    for (const { person, ratingVisible } of chunk) {
      const done = historyOfEntries(t, person.id, entries.get(person.id)).filter(
        (r) => r.date >= from && r.date <= to && COMPLETION_TYPES.has(r.type) && countsAsHeld(r),
      );
      for (const record of done) {
        const managers = spec.needsManagers ? await Promise.all(record.managerIds.map(x.people.read)) : [];
        const managerNames = managers.flatMap((m) => (m ? [m.displayName] : []));
        for (const jobId of record.jobIds.length > 0 ? record.jobIds : ['']) {
          const row: CompletionRow = { tenant: x.tenant, person, record, jobId, ratingVisible, managerNames };
          yield spec.cells(row).map(guardFormula);
        }
      }
    }
  }
}

/**
 * Dated completion records for the HR system (000 iTrent; 003 ESR for the NHS scheme): facts only,
 * one row per job (000 dual roles). Checked before any row is read, then written as the store is
 * read: HR's export walks the directory a page of 100 people at a time, each page's status digests
 * in one query, so no export reads one partition per person or holds the organisation in memory.
 */
export const completionsExport = async (
  deps: UseCaseDeps,
  caller: Caller,
  range: { from?: IsoDate | undefined; to?: IsoDate | undefined },
  layout: CompletionLayoutId = 'standard',
): Promise<CompletionsExport> => {
  const { actor, tenant, employee } = await loadActor(deps, caller);
  const to = range.to ?? deps.clock.today();
  const from = range.from ?? addMonths(to, -12);
  if (from > to) {
    throw new AppError('validation', 'The range must end on or after its start.', {
      details: [{ path: 'query.to', message: 'Must be on or after from.' }],
    });
  }
  const spec = COMPLETION_LAYOUTS[layout];
  if (spec.schemes !== undefined && !spec.schemes.includes(tenant.schemeId)) {
    throw new AppError('validation', `The ${spec.name} layout is for ${spec.schemeNote}.`);
  }
  const t = caller.tenantId;
  const isHr = employee.orgRoles.includes('hr');
  const reports = isHr ? [] : await deps.repos.employees.listReports(t, caller.userId);
  if (!isHr && reports.length === 0) {
    throw new AppError('forbidden', 'Completion records are for HR and line managers.');
  }
  const x: Exporting = {
    deps,
    tenant,
    actor,
    people: readerFor(deps, t, [employee, ...reports]),
    range: { from, to },
    layout,
  };
  async function* rows(): AsyncGenerator<string[]> {
    if (!isHr) {
      yield* rowsOf(x, reports, false);
      return;
    }
    let continuationToken: string | undefined;
    do {
      const page = await deps.repos.employees.list(t, {
        pageSize: PAGE,
        ...(continuationToken === undefined ? {} : { continuationToken }),
      });
      yield* rowsOf(x, page.items, true);
      continuationToken = page.continuationToken;
    } while (continuationToken !== undefined);
  }
  return { filename: `${spec.filePrefix}-${from}-to-${to}.csv`, header: spec.header, rows: rows() };
};

const csvCell = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The whole standard file as one string, for callers without a stream (the API streams it instead). */
export const completionsCsv = async (
  deps: UseCaseDeps,
  caller: Caller,
  range: { from?: IsoDate | undefined; to?: IsoDate | undefined },
): Promise<string> => {
  const file = await completionsExport(deps, caller, range);
  const lines = [file.header.map(csvCell).join(',')];
  for await (const row of file.rows) lines.push(row.map(csvCell).join(','));
  return lines.join('\r\n') + '\r\n';
};
