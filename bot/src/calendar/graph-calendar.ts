import type { TenantId } from '@pc/core';
import type { CalendarGateway } from '@pc/core/usecases';
import type { GraphGateway } from '../graph/index.ts';

/**
 * The calendar port over Microsoft Graph for one tenant. People come as the addresses their
 * employee records hold; organisers by id, as Graph addresses a mailbox.
 */
export const createGraphCalendar =
  (graph: GraphGateway) =>
  (tenantId: TenantId): CalendarGateway => ({
    suggestTimes: async (request) => {
      const offered = await graph.findMeetingTimes(
        { tenantId, userId: request.organizerId, token: request.userToken },
        {
          attendees: request.attendees.map((email) => ({ email })),
          within: [{ start: request.from, end: request.to }],
          durationMinutes: request.durationMinutes,
          maxCandidates: 20,
          workingHoursOnly: true,
          organizerOptional: !request.organizerAttends,
        },
      );
      return offered.map((s) => ({
        start: s.start,
        end: s.end,
        confidence: s.confidence,
        availability: [
          ...(request.organizerAttends ? [s.organizerAvailability] : []),
          ...s.attendeeAvailability.map((a) => a.availability),
        ],
      }));
    },
    createEvent: async (event) => {
      const created = await graph.createEvent(tenantId, event.organizerId, {
        subject: event.subject,
        bodyHtml: event.bodyHtml,
        start: event.start,
        end: event.end,
        attendees: event.attendees.map((email) => ({ email })),
        teamsMeeting: event.online,
      });
      return { eventId: created.id, ...(created.joinUrl === undefined ? {} : { onlineMeetingUrl: created.joinUrl }) };
    },
    updateEvent: async (organizerId, eventId, change) => {
      await graph.updateEvent(tenantId, organizerId, eventId, { start: change.start, end: change.end });
    },
    cancelEvent: (organizerId, eventId, comment) => graph.cancelEvent(tenantId, organizerId, eventId, comment),
  });
