import type { PersonId } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import {
  authorize,
  MIN_REASON_LENGTH,
  type ExceptionalAccessRequest,
  type TenantActor,
} from '../permissions/decide.ts';
import type { SubjectContext } from '../permissions/relationships.ts';
import { viewConversation } from '../permissions/visibility.ts';
import { visibleLength } from '../rules/visible-text.ts';
import type { AuditEvent } from '../domain/audit.ts';
import type { Objective } from '../domain/objectives.ts';
import type { FeedbackEntry } from '../domain/feedback.ts';
import { loadActor, loadSubject } from './context.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { allPages, audit, strip } from './export-support.ts';
import { historyOf } from './people.ts';
import { packOf, ratingPolicyOf } from './scheme.ts';

/**
 * Who may take a subject-access export: the person themselves at any time; HR fulfilling a request
 * only with a stated reason, as for exceptional access (003 §6), so the person sees why in their audit.
 */
const checkSubjectAccess = (
  actor: TenantActor,
  subject: SubjectContext,
  reason: ExceptionalAccessRequest | undefined,
): void => {
  authorize(actor, 'export.subjectAccess', subject);
  if (actor.id === subject.employee.id) return;
  if (reason === undefined) {
    throw new AppError(
      'forbidden',
      "A subject-access export is the person's own to take. To fulfil a request on their behalf, state the reason; it is recorded where they can see it.",
    );
  }
  if (visibleLength(reason.text) < MIN_REASON_LENGTH) {
    throw new AppError('forbidden', `Describe the reason in at least ${MIN_REASON_LENGTH} visible characters.`);
  }
};

/**
 * UK GDPR subject access: everything held about the person, each record by the rule a GET follows
 * (a Bexley rating stays hidden from the person until Step 3), after an audit event saying it was taken.
 */
export const subjectAccessExport = async (
  deps: UseCaseDeps,
  caller: Caller,
  personId: PersonId,
  reason?: ExceptionalAccessRequest,
) => {
  const { actor, tenant } = await loadActor(deps, caller);
  const subject = await loadSubject(deps, caller.tenantId, personId);
  checkSubjectAccess(actor, subject, reason);
  await audit(deps, caller, personId, 'export.subject-access', { type: 'person', id: personId }, reason);
  const t = caller.tenantId;
  const ratingPolicy = ratingPolicyOf(packOf(tenant));
  const conversations = (await historyOf(deps, t, personId)).flatMap((record) => {
    const view = viewConversation(actor, subject, record, ratingPolicy, reason ? { exceptionalAccess: reason } : {});
    if (view === undefined) return [];
    return [view.kind === 'full' ? strip(view.record) : view.facts];
  });
  const objectives: Objective[] = await allPages((p) => deps.repos.objectives.listForOwner(t, personId, p));
  const feedback: FeedbackEntry[] = await allPages((p) => deps.repos.feedback.listForSubject(t, personId, p));
  const auditEvents: AuditEvent[] = await allPages((p) => deps.repos.audit.listForSubject(t, personId, p));
  const handovers = await deps.repos.handovers.listForEmployee(t, personId);
  const teamThemes = await deps.repos.teamThemes.get(t, personId);
  return {
    generatedAt: deps.clock.now(),
    organisation: tenant.name,
    person: strip(subject.employee),
    conversations,
    objectives: objectives.map(strip),
    feedbackAboutThem: feedback.map(strip),
    handovers: handovers.map(strip),
    ...(teamThemes ? { teamThemes: strip(teamThemes.item) } : {}),
    audit: auditEvents.map(strip),
  };
};
