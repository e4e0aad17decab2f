import type { PersonId, TenantId } from '../domain/people.ts';

/** One Teams activity feed notification about the app, to one person (Graph `sendActivityNotification`). */
export interface ActivityFeedNotice {
  readonly tenantId: TenantId;
  readonly personId: PersonId;
  /** One of the manifest's `activities.activityTypes`. */
  readonly activityType: 'nudge';
  /** The line the feed shows under the app's name. */
  readonly text: string;
  /** The tab's address the notification opens (the card's link). */
  readonly url: string;
}

export interface ActivityFeed {
  /** AppError 'unavailable' (or 'forbidden') when Graph refuses; the caller falls back to the chat. */
  notify(notice: ActivityFeedNotice): Promise<void>;
}
