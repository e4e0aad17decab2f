import { isAppError } from '@pc/core';
import type { TeamDeck, TeamDeckChat, TeamDeckStore } from '@pc/core/usecases';
import type { KeyValueFactory } from './bot-state.ts';

/**
 * Team decks as small documents in the `state` container, one partition per deck, updated under
 * their ETag; with `chat`, where each deck's shared card is shown in its Teams conversation.
 */
export const createTeamDeckStore = (keyValues: KeyValueFactory, chat?: TeamDeckChat): TeamDeckStore => {
  const docs = keyValues<TeamDeck>('team-deck', (d) => d.id);
  return {
    get: (tenantId, id) => docs.get(tenantId, id, id),
    create: async (deck) => {
      try {
        return await docs.create(deck);
      } catch (error) {
        if (isAppError(error) && error.code === 'conflict') return undefined;
        throw error;
      }
    },
    replace: (deck, etag) => docs.update(deck, etag),
    ...(chat === undefined ? {} : { chat }),
  };
};
