import type { AgendaLink } from '@pc/core/usecases';
import type { AppConfig } from './config.ts';

/** The tab's conversation page (its hash route) under the tab's public address: invitations link to it. */
export const agendaLinkFor =
  (config: AppConfig): AgendaLink =>
  (personId, conversationId) =>
    `${config.tabBaseUrl.replace(/\/+$/, '')}/tab/#/conversations/${encodeURIComponent(personId)}/${encodeURIComponent(conversationId)}`;
