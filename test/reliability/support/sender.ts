/** The product's proactive sender as a local run makes it: the playground adapter, no app id. */
import type { ProactiveSender } from '@pc/core';
import { createConversationReferenceStore, type KeyValueFactory } from '../../../bot/src/cosmos/bot-state.ts';
import type { Logger } from '../../../bot/src/logging.ts';
import { createBotAdapter } from '../../../bot/src/teams/adapter.ts';
import { createCloudProactiveSender } from '../../../bot/src/teams/proactive-sender.ts';

export const localProactiveSender = (keyValues: KeyValueFactory, logger: Logger): ProactiveSender =>
  createCloudProactiveSender({
    adapter: createBotAdapter(
      {
        appId: undefined,
        appPassword: undefined,
        appTenantId: undefined,
        appType: 'SingleTenant',
        localPlayground: true,
      },
      logger,
    ),
    botAppId: '',
    references: createConversationReferenceStore(keyValues),
  });
