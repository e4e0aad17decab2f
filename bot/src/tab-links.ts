import { tabPageUrl, type TabAddress } from '@pc/core/cards';
import type { AgendaLink } from '@pc/core/usecases';
import type { AppConfig } from './config.ts';

/** Where cards sent into Teams link: the app's tab in Teams once its id is configured, else the web page. */
export const tabAddressOf = (config: AppConfig): TabAddress => ({
  webBase: config.tabBaseUrl,
  ...(config.activityFeed.teamsAppId === undefined ? {} : { teamsAppId: config.activityFeed.teamsAppId }),
});

/**
 * The conversation's page of the tab on the web: invitations link to it, as they are read in Outlook
 * by people outside Teams too.
 */
export const agendaLinkFor =
  (config: AppConfig): AgendaLink =>
  (personId, conversationId) =>
    tabPageUrl({ webBase: config.tabBaseUrl }, 'conversations', personId, conversationId);
