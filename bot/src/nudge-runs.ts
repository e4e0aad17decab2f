import { isAppError } from '@pc/core';
import { queueTimelyNudges, type NudgeRun } from '@pc/core/usecases';
import type { AppModule, AppModuleContext } from './module.ts';
import { periodicRun } from './periodic-run.ts';

export interface NudgeModule extends AppModule {
  /** One run over every allowed tenant now, as the timer runs it; undefined before the module is registered. */
  runOnce(): Promise<NudgeRun | undefined>;
}

/**
 * Timely nudges (preparation the day before, a note's subject told, the managers' Friday digest)
 * on the check-in cadence: each run queues what is due into the paced, exactly-once notice queue,
 * which the check-in scheduler's sweep delivers. Only where the scheduler runs, since nothing
 * else drains the queue; every instance may run it, the queue keeps each nudge to one send.
 */
export const createNudgeModule = (): NudgeModule => {
  let context: AppModuleContext | undefined;

  const round = async ({ config, services, logger }: AppModuleContext): Promise<NudgeRun> => {
    const total = { queued: 0, quiet: 0 };
    for (const tenantId of config.auth.allowedTenants) {
      try {
        const run = await queueTimelyNudges(services.deps, tenantId);
        total.queued += run.queued;
        total.quiet += run.quiet;
      } catch (error) {
        // Nothing is lost: every nudge has a fixed id, and the next run looks again.
        logger.warn({ tenantId, code: isAppError(error) ? error.code : 'internal' }, 'nudge run stopped');
      }
    }
    if (total.queued + total.quiet > 0) logger.info(total, 'nudges queued');
    return total;
  };

  const job = periodicRun(() => (context === undefined ? Promise.resolve(undefined) : round(context)));

  return {
    name: 'nudges',
    runOnce: job.runOnce,
    close: job.stop,
    register: (registered) => {
      context = registered;
      const { checkins, auth } = registered.config;
      if (!checkins.scheduler || auth.allowedTenants.length === 0) return;
      job.every(checkins.intervalMinutes);
    },
  };
};
