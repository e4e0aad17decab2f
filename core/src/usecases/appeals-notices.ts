import { buildAppealCard } from '../cards/appeal-card.ts';
import type { AppealAuditAction } from '../domain/audit.ts';
import type { PersonId, TenantId } from '../domain/people.ts';
import { isAppError } from '../errors.ts';
import { stableId } from '../feedback/ids.ts';
import type { AppealCase } from '../ports/appeals.ts';
import { lookUpPerson } from './context.ts';
import type { UseCaseDeps } from './deps.ts';

/**
 * Writes the audit event of one appeal step, about the employee, under an id fixed by the step
 * (`key` tells apart repeats such as each extension): a retry finds the event it wrote.
 */
export const appealAudit = async (
  deps: UseCaseDeps,
  appeal: AppealCase,
  actorId: PersonId,
  action: AppealAuditAction,
  key = '',
): Promise<void> => {
  try {
    await deps.repos.audit.append({
      tenantId: appeal.tenantId,
      id: stableId('audit-appeal', appeal.tenantId, appeal.id, action, key),
      at: deps.clock.now(),
      actorId,
      subjectId: appeal.employeeId,
      action,
      resource: { type: 'appeal', id: appeal.id },
    });
  } catch (error) {
    if (!(isAppError(error) && error.code === 'conflict')) throw error;
  }
};

/** Enough people to find a tenant's HR team in; an organisation's HR is told past this by its queue. */
const HR_SCAN_PAGES = 20;

/** The tenant's HR people, to tell of a new appeal (003: a copy to People Services; 002: an HR adviser attends). */
export const hrPeople = async (deps: UseCaseDeps, tenantId: TenantId): Promise<PersonId[]> => {
  const found: PersonId[] = [];
  let token: string | undefined;
  for (let pages = 0; pages < HR_SCAN_PAGES; pages += 1) {
    const page = await deps.repos.employees.list(tenantId, {
      pageSize: 100,
      ...(token === undefined ? {} : { continuationToken: token }),
    });
    found.push(...page.items.filter((e) => e.orgRoles.includes('hr') && e.leftOn === undefined).map((e) => e.id));
    token = page.continuationToken;
    if (token === undefined) break;
  }
  return found;
};

const nameOf = async (deps: UseCaseDeps, tenantId: TenantId, id: PersonId): Promise<string> =>
  (await lookUpPerson(deps, tenantId, id))?.displayName ?? 'A colleague';

const send = async (
  deps: UseCaseDeps,
  appeal: AppealCase,
  step: string,
  to: readonly PersonId[],
  content: { title: string; lines: readonly string[]; dates: readonly (readonly [string, string])[] },
): Promise<void> => {
  const notices = deps.notices;
  if (notices === undefined) return;
  const link = notices.tabLink(`/appeals/${encodeURIComponent(appeal.id)}`);
  const card = buildAppealCard({ ...content, policyRef: appeal.policyRef, link });
  for (const personId of new Set(to)) {
    await notices.queue({
      tenantId: appeal.tenantId,
      personId,
      id: stableId('appeal-notice', appeal.tenantId, appeal.id, step, personId),
      card,
    });
  }
};

/** Lodged: the hearer, the person it was lodged with and HR are told, with the dates ahead. */
export const notifyLodged = async (deps: UseCaseDeps, appeal: AppealCase): Promise<void> => {
  const who = await nameOf(deps, appeal.tenantId, appeal.employeeId);
  const parties = [appeal.hearerId, appeal.lodgeWithId].filter((id): id is PersonId => id !== undefined);
  await send(deps, appeal, 'lodged', [...parties, ...(await hrPeople(deps, appeal.tenantId))], {
    title: `${who} has lodged an appeal`,
    lines: [
      `${who} appealed against their review of ${appeal.conversationDate}. Read the grounds and see what happens next on the appeal's page.`,
    ],
    dates: appeal.acknowledgeBy === undefined ? [] : [['Acknowledge by', appeal.acknowledgeBy]],
  });
};

/** Acknowledged (003) or decided: the appellant is told, and pointed to the page for the written decision. */
export const notifyAppellant = async (
  deps: UseCaseDeps,
  appeal: AppealCase,
  step: 'acknowledged' | 'hearing' | 'extension' | 'decided',
  key = '',
): Promise<void> => {
  const content = {
    acknowledged: {
      title: 'Your appeal has been acknowledged',
      lines: ['The manager handling your appeal will arrange to meet you as soon as possible.'],
      dates: [] as [string, string][],
    },
    hearing: {
      title: 'Your appeal hearing is arranged',
      lines: ['You may be accompanied by a fellow worker or trade union representative.'],
      dates: appeal.hearing === undefined ? [] : [['Hearing on', appeal.hearing.on] as [string, string]],
    },
    extension: {
      title: 'The appeal timescale has changed',
      lines: ['Both parties agreed to extend the timescale; any representative should be told too.'],
      dates: appeal.decisionDueBy === undefined ? [] : [['Decision due by', appeal.decisionDueBy] as [string, string]],
    },
    decided: {
      title: 'The decision on your appeal',
      lines: ['The written decision is on the appeal page. The decision is final.'],
      dates: [] as [string, string][],
    },
  }[step];
  await send(deps, appeal, `${step}${key}`, [appeal.employeeId], content);
};
