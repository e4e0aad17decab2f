import { AppError, type PersonId, type TenantId } from '@pc/core';
import type { CalendarGateway } from '@pc/core/usecases';
import type { GraphGateway } from '../graph/index.ts';

/**
 * The calendar port over Microsoft Graph for one tenant. The port speaks in person ids; Graph
 * invites by address, so addresses come from the directory in one batched read per call.
 */
export const createGraphCalendar =
  (graph: GraphGateway) =>
  (tenantId: TenantId): CalendarGateway => {
    const addresses = async (ids: readonly PersonId[]): Promise<string[]> => {
      const users = await graph.getUsers(tenantId, ids);
      return ids.map((id) => {
        const mail = users.get(id)?.mail;
        if (mail === undefined) throw new AppError('not-found', 'A calendar for one of the people could not be found.');
        return mail;
      });
    };
    return {
      suggestTimes: async (request) => {
        const attendees = await addresses(request.attendeeIds);
        return graph.findMeetingTimes(
          { tenantId, userId: request.organizerId, token: request.userToken },
          {
            attendees: attendees.map((email) => ({ email })),
            within: [{ start: request.from, end: request.to }],
            durationMinutes: request.durationMinutes,
            maxCandidates: 20,
            workingHoursOnly: true,
          },
        );
      },
      createEvent: async (event) => {
        const attendees = await addresses(event.attendeeIds);
        const created = await graph.createEvent(tenantId, event.organizerId, {
          subject: event.subject,
          bodyHtml: event.bodyHtml,
          start: event.start,
          end: event.end,
          attendees: attendees.map((email) => ({ email })),
          teamsMeeting: event.online,
        });
        return { eventId: created.id, ...(created.joinUrl === undefined ? {} : { onlineMeetingUrl: created.joinUrl }) };
      },
      updateEvent: async (organizerId, eventId, change) => {
        await graph.updateEvent(tenantId, organizerId, eventId, { start: change.start, end: change.end });
      },
      cancelEvent: (organizerId, eventId, comment) => graph.cancelEvent(tenantId, organizerId, eventId, comment),
    };
  };
