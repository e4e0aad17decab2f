import type { Clock, SendQueueStore } from '@pc/core';
import { tabLink, type TabAddress } from '@pc/core/cards';
import { isoWeekKey, type NoticeQueue } from '@pc/core/usecases';

/**
 * One-off notices (an appeal's steps) go into this week's cycle of the proactive send queue, beside
 * the check-ins: the queue keeps each to one send by its id, and the scheduler's sweep drains the
 * cycle at Teams' pace under the tenant's send lease.
 */
export const createNoticeQueue = (store: SendQueueStore, clock: Clock, tab: TabAddress): NoticeQueue => ({
  queue: async (notice) =>
    (await store.enqueue({
      tenantId: notice.tenantId,
      id: notice.id,
      personId: notice.personId,
      cycleKey: isoWeekKey(clock.today()),
      state: 'pending',
      card: notice.card,
      attempts: 0,
      enqueuedAt: clock.now(),
    })) !== undefined,
  tabLink: (route) => tabLink(tab, route),
});
