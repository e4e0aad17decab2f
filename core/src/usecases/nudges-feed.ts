import type { AdaptiveCard } from '../cards/elements.ts';
import type { ActivityFeed } from '../ports/activity-feed.ts';
import type { Notice } from '../ports/notices.ts';
import type { ProactiveSender } from '../ports/proactive.ts';

/** Notices for the activity feed carry this id prefix through the send queue. */
const FEED_PREFIX = 'feed-';

/** The same nudge, marked for the person's Teams activity feed instead of the chat. */
export const forActivityFeed = (notice: Notice): Notice => ({ ...notice, id: `${FEED_PREFIX}${notice.id}` });

/** What the feed shows of a nudge: its heading, and where its link goes. */
export const feedSummaryOf = (card: AdaptiveCard): { text: string; url: string } | undefined => {
  const heading = card.body.find((e) => e.type === 'TextBlock')?.text;
  const link = card.actions?.find((a) => a.type === 'Action.OpenUrl');
  return typeof heading === 'string' && link !== undefined && 'url' in link
    ? { text: heading, url: link.url }
    : undefined;
};

/**
 * The paced send queue's sender, with nudges marked for the activity feed sent through Graph
 * (`sendActivityNotification`) instead of the chat; everything else, and any nudge the feed cannot
 * show, goes to the chat as before. Graph's refusals surface as the send's failure, so the queue's
 * retry and in-doubt rules hold for both.
 */
export const withActivityFeed = (sender: ProactiveSender, feed: ActivityFeed | undefined): ProactiveSender =>
  feed === undefined
    ? sender
    : {
        send: async (tenantId, personId, card, idempotencyKey, pace, throttle) => {
          const summary = idempotencyKey.startsWith(FEED_PREFIX) ? feedSummaryOf(card) : undefined;
          if (summary === undefined) return sender.send(tenantId, personId, card, idempotencyKey, pace, throttle);
          await feed.notify({ tenantId, personId, activityType: 'nudge', ...summary });
          return { activityId: idempotencyKey };
        },
      };
