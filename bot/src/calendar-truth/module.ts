import { isAppError } from '@pc/core';
import {
  applyCalendarNotifications,
  applyLifecycleNotifications,
  maintainCalendarWatches,
  type CalendarNotification,
} from '@pc/core/usecases';
import type { Request, Response } from 'restify';
import type { AppModule, AppModuleContext } from '../module.ts';
import { periodicRun } from '../periodic-run.ts';

/** Where Graph posts changes to organisers' events, and its lifecycle events. */
export const CALENDAR_NOTIFICATIONS_PATH = '/api/calendar/notifications';
export const CALENDAR_LIFECYCLE_PATH = '/api/calendar/lifecycle';

const notificationsOf = (body: unknown): readonly CalendarNotification[] => {
  const value = (body as { value?: unknown } | null | undefined)?.value;
  return Array.isArray(value)
    ? value.filter((v): v is CalendarNotification => typeof v === 'object' && v !== null)
    : [];
};

/** Graph checks a new subscription's URLs by posting a token it expects back as plain text within 10 s. */
const answeredValidation = (req: Request, res: Response): boolean => {
  const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('validationToken');
  if (token === null) return false;
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.sendRaw(200, token);
  return true;
};

export interface CalendarTruthModule extends AppModule {
  /** One maintenance round of every allowed tenant now, as the timer runs it. */
  maintain(): Promise<void>;
}

/**
 * The calendar stays the truth: Graph's change and lifecycle notifications for organisers'
 * calendars, and a round every CALENDAR_WATCH_MINUTES (default 60) that renews subscriptions
 * before they expire and catches calendars up by delta query. Every instance may receive
 * notifications and run rounds: applying a change is idempotent and ETag-guarded.
 */
export const createCalendarTruthModule = (): CalendarTruthModule => {
  let context: AppModuleContext | undefined;

  const round = async ({ config, services, logger }: AppModuleContext): Promise<void> => {
    for (const tenantId of config.auth.allowedTenants) {
      try {
        const result = await maintainCalendarWatches(services.deps, tenantId);
        if (result.renewed + result.subscribed + result.failed > 0)
          logger.info({ tenantId, ...result }, 'calendar watches');
      } catch (error) {
        logger.warn({ tenantId, code: isAppError(error) ? error.code : 'internal' }, 'calendar watch round stopped');
      }
    }
  };

  const job = periodicRun(() => (context === undefined ? Promise.resolve() : round(context)));

  return {
    name: 'calendar-truth',
    maintain: job.runOnce,
    close: job.stop,
    register: (registered) => {
      context = registered;
      const { server, config, logger } = registered;
      const allowed = (tenantId: string): boolean => config.auth.allowedTenants.includes(tenantId);
      const handler =
        (apply: typeof applyCalendarNotifications | typeof applyLifecycleNotifications, what: string) =>
        async (req: Request, res: Response): Promise<void> => {
          if (answeredValidation(req, res)) return;
          try {
            const outcome = await apply(registered.services.deps, notificationsOf(req.body), allowed);
            if (outcome.refused > 0) logger.warn({ refused: outcome.refused }, `${what} refused`);
            res.send(202);
          } catch (error) {
            // Graph delivers again later; the change is applied then.
            logger.warn({ code: isAppError(error) ? error.code : 'internal' }, `${what} not applied`);
            res.send(503);
          }
        };
      server.post(CALENDAR_NOTIFICATIONS_PATH, handler(applyCalendarNotifications, 'calendar notification'));
      server.post(CALENDAR_LIFECYCLE_PATH, handler(applyLifecycleNotifications, 'calendar lifecycle notification'));
      if (config.auth.allowedTenants.length > 0) job.every(config.calendarWatch.intervalMinutes);
    },
  };
};
