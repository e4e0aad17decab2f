import type { AuditEvent } from '../domain/audit.ts';
import type { Employee, EmployeeArchive, PersonId, Tenant, TenantId } from '../domain/people.ts';
import { AppError, isAppError } from '../errors.ts';
import { stableId } from '../feedback/ids.ts';
import { retentionPeriodOf } from '../scheme/organisation-settings.ts';
import { addMonths, type IsoDate } from '../time/dates.ts';
import type { UseCaseDeps } from './deps.ts';

/** Who the audit trail names when the daily retention job, not a person, archived or marked a record. */
export const RETENTION_JOB_ACTOR: PersonId = 'retention-job';

export interface ArchivedLeaver {
  readonly personId: string;
  readonly displayName: string;
  readonly leftOn: IsoDate;
}

export interface RetentionRunResult {
  /** Leavers whose records this run archived. */
  readonly archived: readonly ArchivedLeaver[];
  /** Archived records whose keeping period this run found over, marked for HR to decide on. */
  readonly keepingEnded: readonly { readonly personId: string; readonly keepUntil: IsoDate }[];
}

type RetentionDeps = Pick<UseCaseDeps, 'repos' | 'clock'>;

/** Employed no longer (003 §6.1: "for the length of time the individual is employed") and not yet archived. */
export const isWaitingLeaver = (e: Employee, today: IsoDate): e is Employee & { leftOn: IsoDate } =>
  e.leftOn !== undefined && e.leftOn <= today && e.archive === undefined;

const keepingOver = (e: Employee, today: IsoDate): boolean =>
  e.archive !== undefined && e.archive.keepUntil <= today && e.archive.keepingEndedOn === undefined;

/** An event under an id fixed by the person and the step: a second run, or a second instance, finds it. */
const auditOnce = async (deps: RetentionDeps, event: Omit<AuditEvent, 'at'>): Promise<void> => {
  try {
    await deps.repos.audit.append({ ...event, at: deps.clock.now() });
  } catch (error) {
    if (!(isAppError(error) && error.code === 'conflict')) throw error;
  }
};

/**
 * Changes one person if `due` still holds on the stored record, under its ETag. A write that lost
 * to another (a second instance's run, a directory sync) reads again and decides again, so each
 * change lands once. The audit event goes first: a run that stops after it finishes next time.
 */
const changeOnce = async (
  deps: RetentionDeps,
  tenantId: TenantId,
  personId: PersonId,
  step: { due: (e: Employee) => boolean; event: AuditEvent['action']; change: (e: Employee) => Employee },
  actorId: PersonId,
): Promise<Employee | undefined> => {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const stored = await deps.repos.employees.get(tenantId, personId);
    if (stored === undefined || !step.due(stored.item)) return undefined;
    await auditOnce(deps, {
      tenantId,
      id: stableId(`audit-${step.event}`, tenantId, personId),
      actorId,
      subjectId: personId,
      action: step.event,
      resource: { type: 'employee', id: personId },
    });
    try {
      await deps.repos.employees.update(step.change(stored.item), stored.etag);
      return stored.item;
    } catch (error) {
      if (!(isAppError(error) && error.code === 'conflict')) throw error;
    }
  }
  throw new AppError('conflict', 'A leaver’s record kept changing while it was archived; the next run tries again.');
};

/**
 * One retention run over a tenant (003 §6.1): each leaver's records pass to HR's keeping (People
 * Services in 003) with the date they are kept until, under the period the policy or the
 * organisation set; archived records whose period is over are marked for HR to decide on. No
 * policy says they are destroyed, so nothing is deleted. Safe to repeat and to run twice at once.
 */
export const runRetention = async (
  deps: RetentionDeps,
  tenant: Tenant,
  actorId: PersonId,
): Promise<RetentionRunResult> => {
  const today = deps.clock.today();
  const { keepYears } = retentionPeriodOf(tenant);
  // The whole directory in as few reads as the store allows (pages of up to 4 MB on Cosmos, not 100 people).
  const everyone = await deps.repos.employees.listAll(tenant.tenantId);
  const archived: ArchivedLeaver[] = [];
  for (const e of everyone.filter((x) => isWaitingLeaver(x, today))) {
    const archive: EmployeeArchive = { archivedOn: today, keepUntil: addMonths(today, keepYears * 12) };
    const step = { due: (x: Employee) => isWaitingLeaver(x, today), event: 'record.archived' as const };
    const before = await changeOnce(
      deps,
      tenant.tenantId,
      e.id,
      { ...step, change: (x) => ({ ...x, archive }) },
      actorId,
    );
    if (before?.leftOn !== undefined)
      archived.push({ personId: e.id, displayName: e.displayName, leftOn: before.leftOn });
  }
  const keepingEnded: { personId: string; keepUntil: IsoDate }[] = [];
  for (const e of everyone.filter((x) => keepingOver(x, today))) {
    const step = {
      due: (x: Employee) => keepingOver(x, today),
      event: 'record.keeping-ended' as const,
      change: (x: Employee) =>
        x.archive === undefined ? x : { ...x, archive: { ...x.archive, keepingEndedOn: today } },
    };
    const before = await changeOnce(deps, tenant.tenantId, e.id, step, actorId);
    if (before?.archive !== undefined) keepingEnded.push({ personId: e.id, keepUntil: before.archive.keepUntil });
  }
  return { archived, keepingEnded };
};
