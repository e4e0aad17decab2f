import { inTeams } from '@pc/core/cards';
import type { ActivityFeed } from '@pc/core/usecases';
import { createGraphClient, tokenAuthProvider } from './graph-http.ts';
import { DEFAULT_RETRY_POLICY, withRetry, type RetryPolicy } from './retry.ts';

export interface GraphActivityFeedOptions {
  /** App-only Graph tokens per tenant (TeamsActivity.Send). */
  readonly appToken: (tenantId: string) => Promise<string>;
  readonly baseUrl: string;
  /** The Teams app's id (the manifest's `id`): the notification opens the app's tab. */
  readonly teamsAppId: string;
  readonly retry?: RetryPolicy;
}

/**
 * The Teams activity feed over Microsoft Graph: one `sendActivityNotification` to the person with
 * the manifest's 'nudge' activity type. Graph needs the app installed for the person; its refusal
 * comes back as an AppError, and the send queue handles it as any failed send.
 */
export const createGraphActivityFeed = (options: GraphActivityFeedOptions): ActivityFeed => ({
  notify: async (notice) => {
    await withRetry(async () => {
      const token = await options.appToken(notice.tenantId);
      const client = createGraphClient(
        options.baseUrl,
        tokenAuthProvider(() => Promise.resolve(token)),
      );
      await client.api(`/users/${encodeURIComponent(notice.personId)}/teamwork/sendActivityNotification`).post({
        topic: {
          source: 'text',
          value: 'Performance Conversations',
          // The nudge's link opens the app's tab at its page.
          webUrl: inTeams(notice.url, options.teamsAppId),
        },
        activityType: notice.activityType,
        previewText: { content: notice.text },
        templateParameters: [{ name: 'nudge', value: notice.text }],
      });
    }, options.retry ?? DEFAULT_RETRY_POLICY);
  },
});
