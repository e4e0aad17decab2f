import type { BookingOutcome } from '@pc/core/usecases';
import { bookConversation, bulkBook, cancelBooking, rescheduleBooking, suggestTimes } from '@pc/core/usecases';
import type { Server } from 'restify';
import { registerBookingSeriesRoutes } from './booking-series.ts';
import { registerApiRoute, type ApiContext } from './register.ts';

const bookingOut = ({ stored, subject, bodyHtml }: BookingOutcome) => ({
  conversationId: stored.item.id,
  etag: stored.etag,
  start: stored.item.booking?.start,
  end: stored.item.booking?.end,
  onlineMeetingUrl: stored.item.booking?.onlineMeetingUrl,
  subject,
  bodyHtml,
});

export const registerBookingRoutes = (server: Server, api: ApiContext): void => {
  registerApiRoute(server, api, 'bookings.suggest', async (r) => ({
    body: await suggestTimes(r.deps, r.caller, r.body),
  }));
  registerApiRoute(server, api, 'bookings.create', async (r) => {
    const outcome = await bookConversation(r.deps, r.caller, r.body, api.agendaLink, r.idempotencyKey);
    return { body: bookingOut(outcome), etag: outcome.stored.etag };
  });
  registerApiRoute(server, api, 'bookings.bulk', async (r) => {
    const result = await bulkBook(r.deps, r.caller, r.body, api.agendaLink, r.idempotencyKey);
    return { body: { ...result, booked: result.booked.map((b) => ({ ...bookingOut(b), employeeId: b.employeeId })) } };
  });
  registerApiRoute(server, api, 'bookings.reschedule', async (r) => {
    const { personId, conversationId } = r.params;
    const outcome = await rescheduleBooking(
      r.deps,
      r.caller,
      personId,
      conversationId,
      r.body,
      r.ifMatch,
      api.agendaLink,
    );
    return { body: bookingOut(outcome), etag: outcome.stored.etag };
  });
  registerApiRoute(server, api, 'bookings.cancel', async (r) => {
    await cancelBooking(r.deps, r.caller, r.params.personId, r.params.conversationId, r.ifMatch);
    return { body: { ok: true } };
  });
  registerBookingSeriesRoutes(server, api);
};
