import type { ConversationRecord } from '../domain/conversations.ts';
import type { Employee, PersonId, TenantId } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import {
  authorize,
  decide,
  MIN_REASON_LENGTH,
  type ExceptionalAccessRequest,
  type TenantActor,
} from '../permissions/decide.ts';
import type { SubjectContext } from '../permissions/relationships.ts';
import { viewConversation } from '../permissions/visibility.ts';
import { countsAsHeld } from '../rules/record-lifecycle.ts';
import { visibleLength } from '../rules/visible-text.ts';
import type { AuditEvent } from '../domain/audit.ts';
import type { Objective } from '../domain/objectives.ts';
import type { FeedbackEntry } from '../domain/feedback.ts';
import type { Page, PageRequest } from '../ports/repositories.ts';
import { addMonths, type IsoDate } from '../time/dates.ts';
import { loadActor, loadSubject, subjectOf, type ReadPerson } from './context.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { historyOf } from './people.ts';
import { labelOf, packOf, ratingPolicyOf } from './scheme.ts';

const allPages = async <T>(read: (page: PageRequest) => Promise<Page<T>>): Promise<T[]> => {
  const items: T[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await read({ pageSize: 100, ...(continuationToken === undefined ? {} : { continuationToken }) });
    items.push(...page.items);
    continuationToken = page.continuationToken;
  } while (continuationToken !== undefined);
  return items;
};

const audit = async (
  deps: UseCaseDeps,
  caller: Caller,
  subjectId: PersonId,
  action: AuditEvent['action'],
  resource: AuditEvent['resource'],
  reason?: ExceptionalAccessRequest,
) => {
  await deps.repos.audit.append({
    tenantId: caller.tenantId,
    id: deps.newId(),
    at: deps.clock.now(),
    actorId: caller.userId,
    subjectId,
    action,
    ...(reason === undefined ? {} : { reason: { category: reason.category, text: reason.text } }),
    resource,
  });
};

const strip = <T extends { tenantId: string }>(item: T): Omit<T, 'tenantId'> => {
  const { tenantId: _tenant, ...rest } = item;
  return rest;
};

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
