import type { ConversationRecord } from '../domain/conversations.ts';
import type { PersonId } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import { authorize } from '../permissions/decide.ts';
import type { IsoDate } from '../time/dates.ts';
import { loadActor, loadSubject } from './context.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { audit } from './export-support.ts';
import { packOf } from './scheme.ts';

export interface ReviewForm {
  readonly title: string;
  readonly employer: string;
  readonly schemeName: string;
  readonly employeeName: string;
  readonly managerNames: readonly string[];
  readonly date: IsoDate;
  readonly status: ConversationRecord['status'];
  readonly sections: readonly { readonly title: string; readonly text: string }[];
  readonly rating?: string;
  readonly agreement: string;
}

/** The completed annual review form (000: VIP Summary Appraisal in five sections), for the HR file. */
export const annualReviewForm = async (
  deps: UseCaseDeps,
  caller: Caller,
  personId: PersonId,
  conversationId: string,
): Promise<ReviewForm> => {
  const { actor, tenant } = await loadActor(deps, caller);
  const subject = await loadSubject(deps, caller.tenantId, personId);
  const stored = await deps.repos.conversations.get(caller.tenantId, personId, conversationId);
  if (!stored) throw new AppError('not-found', 'No such conversation.');
  authorize(actor, 'export.annualReview', subject, { recordManagerIds: stored.item.managerIds });
  const record = stored.item;
  const pack = packOf(tenant);
  const spec = pack.annualReview;
  if (record.type !== 'annual-review' || spec === undefined)
    throw new AppError('validation', 'Only an annual review has a form to export.');
  const managers = await Promise.all(record.managerIds.map((id) => deps.repos.employees.get(caller.tenantId, id)));
  const rating = pack.ratingScale?.options.find((o) => o.value === record.rating?.value);
  await audit(deps, caller, personId, 'export.annual-review', { type: 'conversation', id: conversationId });
  return {
    title: spec.title,
    employer: pack.employer,
    schemeName: pack.schemeName,
    employeeName: subject.employee.displayName,
    managerNames: managers.flatMap((m) => (m ? [m.item.displayName] : [])),
    date: record.date,
    status: record.status,
    sections: spec.sections.map((s) => ({ title: s.title, text: record.sections[s.id] ?? '' })),
    ...(rating ? { rating: `${rating.value} – ${rating.label}` } : {}),
    agreement: [
      record.agreement.employeeAgreedAt
        ? `Agreed by the colleague on ${record.agreement.employeeAgreedAt.slice(0, 10)}`
        : 'Not yet agreed by the colleague',
      record.agreement.managerAgreedAt
        ? `agreed by the manager on ${record.agreement.managerAgreedAt.slice(0, 10)}`
        : 'not yet agreed by the manager',
    ].join('; '),
  };
};
