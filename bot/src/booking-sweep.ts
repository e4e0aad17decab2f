import { isAppError } from '@pc/core';
import { sweepPendingBookings, type BookingSweepResult } from '@pc/core/usecases';
import type { AppModule, AppModuleContext } from './module.ts';
import { periodicRun } from './periodic-run.ts';
import { agendaLinkFor } from './tab-links.ts';

export interface BookingSweepModule extends AppModule {
  /** One sweep of every allowed tenant now, as the timer runs it; undefined before the module is registered. */
  sweep(): Promise<BookingSweepResult | undefined>;
}

const add = (a: BookingSweepResult, b: BookingSweepResult): BookingSweepResult => ({
  completed: a.completed + b.completed,
  failed: a.failed + b.failed,
  left: a.left + b.left,
});

/**
 * Finishes bookings that a client started and never retried (issue #17.7): every
 * BOOKING_SWEEP_MINUTES (default 5), each allowed tenant's bookings whose invitations have been
 * pending for over BOOKING_SWEEP_PENDING_MINUTES are completed with the same Graph transactionId,
 * or marked cancelled when no invitation can go. Every instance runs it; the ETag-guarded claim
 * on each record lets one of them work on it.
 */
export const createBookingSweepModule = (): BookingSweepModule => {
  let context: AppModuleContext | undefined;

  const round = async ({ config, services, logger }: AppModuleContext): Promise<BookingSweepResult> => {
    let total: BookingSweepResult = { completed: 0, failed: 0, left: 0 };
    const options = { pendingForMs: config.bookingSweep.pendingMinutes * 60_000, agendaLink: agendaLinkFor(config) };
    for (const tenantId of config.auth.allowedTenants) {
      try {
        const result = await sweepPendingBookings(services.deps, tenantId, options);
        if (result.completed + result.failed + result.left > 0) logger.info({ tenantId, ...result }, 'booking sweep');
        total = add(total, result);
      } catch (error) {
        // The store is unavailable for now: the bookings stay pending and the next round tries again.
        logger.warn({ tenantId, code: isAppError(error) ? error.code : 'internal' }, 'booking sweep stopped');
      }
    }
    return total;
  };

  const job = periodicRun(() => (context === undefined ? Promise.resolve(undefined) : round(context)));

  return {
    name: 'booking-sweep',
    sweep: job.runOnce,
    close: job.stop,
    register: (registered) => {
      context = registered;
      if (registered.config.auth.allowedTenants.length === 0) return;
      job.every(registered.config.bookingSweep.intervalMinutes);
    },
  };
};
