import { isAppError, type TenantId } from '@pc/core';
import type { CalendarGateway, CalendarOwner } from '@pc/core/usecases';
import type { GraphGateway, MailboxAccess } from '../graph/index.ts';

/**
 * The calendar port over Microsoft Graph for one tenant. People come as the addresses their
 * employee records hold; organisers by id, as Graph addresses a mailbox.
 */
export const createGraphCalendar =
  (graph: GraphGateway) =>
  (tenantId: TenantId): CalendarGateway => {
    const access = (owner: CalendarOwner): MailboxAccess => ({
      tenantId,
      mailboxId: owner.organizerId,
      ...(owner.userToken === undefined ? {} : { userToken: owner.userToken }),
    });
    return {
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
      schedules: async (request) => {
        const found = await graph.getSchedule(
          access({
            organizerId: request.mailboxId,
            ...(request.userToken === undefined ? {} : { userToken: request.userToken }),
          }),
          { emails: request.people, start: request.from, end: request.to },
        );
        return found.map(({ email, items, workingHours }) => ({
          email,
          busy: items
            .filter((i) => i.status !== 'free')
            .map((i) => ({ start: i.start, end: i.end, availability: i.status })),
          ...(workingHours?.timeZone === undefined
            ? {}
            : { workingHours: { ...workingHours, timeZone: workingHours.timeZone } }),
        }));
      },
      createEvent: async (event) => {
        const created = await graph.createEvent(access(event), {
          subject: event.subject,
          bodyHtml: event.bodyHtml,
          start: event.start,
          end: event.end,
          attendees: event.attendees.map((email) => ({ email })),
          teamsMeeting: event.online,
          idempotencyKey: event.idempotencyKey,
        });
        return { eventId: created.id, ...(created.joinUrl === undefined ? {} : { onlineMeetingUrl: created.joinUrl }) };
      },
      updateEvent: async (owner, eventId, change) => {
        await graph.updateEvent(access(owner), eventId, { start: change.start, end: change.end });
      },
      cancelEvent: async (owner, eventId, comment) => {
        try {
          await graph.cancelEvent(access(owner), eventId, comment);
        } catch (error) {
          // Already gone (an earlier attempt cancelled it, or the organiser deleted it): nothing left to withdraw.
          if (!(isAppError(error) && error.code === 'not-found')) throw error;
        }
      },
      series: {
        createSeries: async (series) => {
          const created = await graph.createSeries(access(series), {
            subject: series.subject,
            bodyHtml: series.bodyHtml,
            attendees: series.attendees.map((email) => ({ email })),
            teamsMeeting: series.online,
            idempotencyKey: series.idempotencyKey,
            firstDate: series.firstDate,
            time: series.time,
            minutes: series.minutes,
            timeZone: series.timeZone,
            pattern: series.pattern,
            until: series.until,
          });
          return {
            eventId: created.id,
            ...(created.joinUrl === undefined ? {} : { onlineMeetingUrl: created.joinUrl }),
          };
        },
        seriesInstances: async (owner, seriesId, window) =>
          (await graph.seriesInstances(access(owner), seriesId, { start: window.from, end: window.to })).map((e) => ({
            eventId: e.id,
            start: e.start,
            end: e.end,
          })),
      },
    };
  };
