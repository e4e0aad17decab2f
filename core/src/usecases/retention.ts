import type { Employee, EmployeeArchive, SchemeId } from '../domain/people.ts';
import { AppError, isAppError } from '../errors.ts';
import { stableId } from '../feedback/ids.ts';
import { addMonths, type IsoDate } from '../time/dates.ts';
import { loadActor } from './context.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { allPages } from './export-support.ts';

/**
 * How long an archived leaver's records are kept at least. None of the five policies sets a
 * period, so this is the organisation's to change; nothing is ever deleted by the product.
 */
export const KEEP_YEARS = 6;

/** Each scheme's rule, in its own words where it has them. */
const RULES: Readonly<Record<SchemeId, string>> = {
  'somerset-career-conversations':
    'Records are kept while the colleague is employed, and thereafter sent to People Services for filing and archiving (003 §6.1).',
  'cumbria-vip':
    'The VIP Summary Appraisal is attached to the iTrent record (000); a leaver’s records pass to HR’s keeping.',
  'leicestershire-apr': 'The policy sets no retention rule (001); a leaver’s records pass to HR’s keeping.',
  'bexley-pms': 'The policy sets no retention rule (002); a leaver’s records pass to HR’s keeping.',
  'assembly-secretariat': 'The policy sets no retention rule (004); a leaver’s records pass to HR’s keeping.',
};

export interface RetentionRun {
  readonly rule: string;
  readonly keepYears: number;
  readonly archived: readonly { readonly personId: string; readonly displayName: string; readonly leftOn: IsoDate }[];
  /** Everyone already in HR's keeping, newest first. */
  readonly inKeeping: readonly {
    readonly personId: string;
    readonly displayName: string;
    readonly archive: EmployeeArchive;
  }[];
}

const isLeaver = (e: Employee, today: IsoDate): e is Employee & { leftOn: IsoDate } =>
  e.leftOn !== undefined && e.leftOn <= today && e.archive === undefined;

const hrOnly = async (deps: UseCaseDeps, caller: Caller) => {
  const { tenant, employee } = await loadActor(deps, caller);
  if (!employee.orgRoles.includes('hr')) throw new AppError('forbidden', 'Archiving leavers’ records is for HR.');
  return tenant;
};

/** One audit event per archived person, under an id fixed by the person: a rerun finds it. */
const auditArchive = async (deps: UseCaseDeps, caller: Caller, e: Employee): Promise<void> => {
  try {
    await deps.repos.audit.append({
      tenantId: caller.tenantId,
      id: stableId('audit-record-archived', caller.tenantId, e.id),
      at: deps.clock.now(),
      actorId: caller.userId,
      subjectId: e.id,
      action: 'record.archived',
      resource: { type: 'employee', id: e.id },
    });
  } catch (error) {
    if (!(isAppError(error) && error.code === 'conflict')) throw error;
  }
};

/**
 * Archives the records of everyone who has left to HR's keeping under the scheme's rule (003
 * §6.1): the person is marked archived with the date to keep the records until; nothing is deleted.
 * Run by HR; running it again archives only new leavers.
 */
export const archiveLeavers = async (deps: UseCaseDeps, caller: Caller, run = true): Promise<RetentionRun> => {
  const tenant = await hrOnly(deps, caller);
  const today = deps.clock.today();
  const everyone = await allPages((p) => deps.repos.employees.list(caller.tenantId, p));
  const archived: RetentionRun['archived'][number][] = [];
  if (run) {
    for (const e of everyone.filter((x) => isLeaver(x, today))) {
      const stored = await deps.repos.employees.get(caller.tenantId, e.id);
      if (stored === undefined || !isLeaver(stored.item, today)) continue;
      await auditArchive(deps, caller, stored.item);
      const archive: EmployeeArchive = { archivedOn: today, keepUntil: addMonths(today, KEEP_YEARS * 12) };
      await deps.repos.employees.update({ ...stored.item, archive }, stored.etag);
      archived.push({ personId: e.id, displayName: e.displayName, leftOn: stored.item.leftOn });
    }
  }
  const after = run ? await allPages((p) => deps.repos.employees.list(caller.tenantId, p)) : everyone;
  const inKeeping = after
    .flatMap((e) =>
      e.archive === undefined ? [] : [{ personId: e.id, displayName: e.displayName, archive: e.archive }],
    )
    .sort(
      (a, b) => b.archive.archivedOn.localeCompare(a.archive.archivedOn) || a.displayName.localeCompare(b.displayName),
    );
  return { rule: RULES[tenant.schemeId], keepYears: KEEP_YEARS, archived, inKeeping };
};
