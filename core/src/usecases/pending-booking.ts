import type { BookingInput } from '../api/bookings.ts';
import type { BookingSeries, ConversationRecord } from '../domain/conversations.ts';
import type { FeedbackEntry } from '../domain/feedback.ts';
import type { PersonId, Tenant } from '../domain/people.ts';
import { isAppError } from '../errors.ts';
import type { SubjectContext } from '../permissions/relationships.ts';
import type { Stored } from '../ports/repositories.ts';
import { buildAgenda, feedbackForAgenda } from './agenda.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { historyOf } from './people.ts';
import { packOf } from './scheme.ts';
import { zonedDate } from './zoned-time.ts';

const unusedFeedback = async (deps: UseCaseDeps, tenantId: string, employeeId: PersonId): Promise<FeedbackEntry[]> => [
  ...(await deps.repos.feedback.listForSubject(tenantId, employeeId, { pageSize: 50 })).items,
];

/** The record, 'booked' with its invitations pending; an earlier attempt's record when one exists. */
export const storePending = async (
  deps: UseCaseDeps,
  caller: Caller,
  tenant: Tenant,
  subject: SubjectContext,
  input: BookingInput,
  ids: { id: string; managerId: PersonId; series?: BookingSeries },
): Promise<Stored<ConversationRecord>> => {
  const employee = subject.employee;
  const history = await historyOf(deps, caller.tenantId, employee.id);
  const feedback = feedbackForAgenda(await unusedFeedback(deps, caller.tenantId, employee.id), history);
  const source = caller.userId === employee.id ? ('employee' as const) : ('manager' as const);
  const agenda = buildAgenda({
    pack: packOf(tenant),
    type: input.type,
    history,
    feedback,
    typed: input.agenda.map((text) => ({ text, source })),
    newId: deps.newId,
  });
  const now = deps.clock.now();
  const current = employee.jobs.filter((j) => j.endDate === undefined);
  const jobIds = input.jobIds ?? current.filter((j) => j.managerIds.includes(ids.managerId)).map((j) => j.id);
  const record: ConversationRecord = {
    tenantId: caller.tenantId,
    id: ids.id,
    employeeId: employee.id,
    managerIds: [ids.managerId],
    jobIds,
    type: input.type,
    status: 'booked',
    date: zonedDate(input.start, tenant.timeZone),
    booking: {
      bookedBy: caller.userId,
      start: input.start,
      end: input.end,
      eventIds: {},
      pending: 'invitations',
      ...(ids.series === undefined ? {} : { series: ids.series }),
    },
    topics: [],
    sections: {},
    notes: '',
    issuesRaised: [],
    actionsAgreed: [],
    agenda,
    agreement: {},
    createdAt: now,
    updatedAt: now,
  };
  try {
    return await deps.repos.conversations.create(record);
  } catch (error) {
    // The same request arriving twice at once: the other delivery stored it first.
    const earlier =
      isAppError(error) && error.code === 'conflict'
        ? await deps.repos.conversations.get(caller.tenantId, employee.id, ids.id)
        : undefined;
    if (earlier === undefined) throw error;
    return earlier;
  }
};
