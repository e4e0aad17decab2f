import type { EmployeeArchive, Tenant } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import { retentionPeriodOf, type RetentionPeriod } from '../scheme/organisation-settings.ts';
import { getSchemePack } from '../scheme/packs/index.ts';
import type { IsoDate } from '../time/dates.ts';
import { loadActor } from './context.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { isWaitingLeaver, runRetention, type ArchivedLeaver } from './retention-run.ts';

export { RETENTION_JOB_ACTOR, runRetention, type RetentionRunResult } from './retention-run.ts';

export interface RetentionView {
  /** The scheme's rule in its own words, or what happens where the policy is silent. */
  readonly rule: string;
  readonly archivedTo: string;
  readonly keepYears: number;
  readonly period: RetentionPeriod & { readonly explained: string };
  /** Leavers whose records are still to be archived (the daily run, or HR's button, archives them). */
  readonly waiting: readonly ArchivedLeaver[];
  /** Leavers this call archived. */
  readonly archived: readonly ArchivedLeaver[];
  /** Everyone already in HR's keeping, newest first. */
  readonly inKeeping: readonly {
    readonly personId: string;
    readonly displayName: string;
    readonly archive: EmployeeArchive;
  }[];
}

const ruleOf = (tenant: Tenant): { rule: string; archivedTo: string } => {
  const pack = getSchemePack(tenant.schemeId);
  return pack.retention === undefined
    ? {
        rule: `The policy sets no retention rule (${pack.policy}); a leaver’s records pass to HR’s keeping.`,
        archivedTo: 'HR',
      }
    : { rule: `${pack.retention.rule} (${pack.retention.policyRef})`, archivedTo: pack.retention.archivedTo };
};

const explain = (period: RetentionPeriod): string => {
  const years = `${String(period.keepYears)} years`;
  if (period.source === 'policy') return `${years}, as the policy sets (${period.setIn ?? ''}).`;
  if (period.source === 'organisation') {
    return `${years}, as your organisation chose in its settings (${period.setIn ?? ''}); the policy sets no period.`;
  }
  return `${years}, the product’s default: the policy sets no period and your administrator has not chosen one.`;
};

const hrOnly = async (deps: UseCaseDeps, caller: Caller): Promise<Tenant> => {
  const { tenant, employee } = await loadActor(deps, caller);
  if (!employee.orgRoles.includes('hr')) throw new AppError('forbidden', 'Archiving leavers’ records is for HR.');
  return tenant;
};

/**
 * The retention section for HR: the scheme's rule (003 §6.1), the keeping period and where it came
 * from, the leavers still to archive and those in keeping. With `run`, HR archives the waiting
 * leavers now rather than at the daily run; each archiving is audited once either way.
 */
export const archiveLeavers = async (deps: UseCaseDeps, caller: Caller, run = true): Promise<RetentionView> => {
  const tenant = await hrOnly(deps, caller);
  const today: IsoDate = deps.clock.today();
  const archived = run ? (await runRetention(deps, tenant, caller.userId)).archived : [];
  const everyone = await deps.repos.employees.listAll(caller.tenantId);
  const waiting = everyone
    .filter((e) => isWaitingLeaver(e, today))
    .map((e) => ({ personId: e.id, displayName: e.displayName, leftOn: e.leftOn }))
    .sort((a, b) => a.leftOn.localeCompare(b.leftOn) || a.displayName.localeCompare(b.displayName));
  const inKeeping = everyone
    .flatMap((e) =>
      e.archive === undefined ? [] : [{ personId: e.id, displayName: e.displayName, archive: e.archive }],
    )
    .sort(
      (a, b) => b.archive.archivedOn.localeCompare(a.archive.archivedOn) || a.displayName.localeCompare(b.displayName),
    );
  const period = retentionPeriodOf(tenant);
  return {
    ...ruleOf(tenant),
    keepYears: period.keepYears,
    period: { ...period, explained: explain(period) },
    waiting,
    archived,
    inKeeping,
  };
};
