import type { SeriesPlan } from '@pc/core/usecases';
import { bookSeries, planBookingSeries } from '@pc/core/usecases';
import type { Server } from 'restify';
import { registerApiRoute, type ApiContext } from './register.ts';

const planOut = ({ every, until, occurrences, skipped }: SeriesPlan) => ({ every, until, occurrences, skipped });

export const registerBookingSeriesRoutes = (server: Server, api: ApiContext): void => {
  registerApiRoute(server, api, 'bookings.series.plan', async (r) => ({
    body: planOut(await planBookingSeries(r.deps, r.caller, r.body)),
  }));
  registerApiRoute(server, api, 'bookings.series.create', async (r) => {
    const { plan, records, subject } = await bookSeries(r.deps, r.caller, r.body, api.agendaLink, r.idempotencyKey);
    const booked = records.flatMap(({ item }) =>
      item.booking === undefined || item.status !== 'booked'
        ? []
        : [{ conversationId: item.id, date: item.date, start: item.booking.start, end: item.booking.end }],
    );
    return { body: { ...planOut(plan), subject, booked } };
  });
};
