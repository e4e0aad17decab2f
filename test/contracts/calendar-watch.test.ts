// The calendar-watch store's contract, run against the in-memory fake and the Cosmos adapter.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import type { CalendarWatchStore } from '@pc/core/usecases';
import { createCalendarWatchStore } from '../../bot/src/calendar-truth/store.ts';
import { createCosmosStore, type Store } from '../../bot/src/cosmos/index.ts';
import { InMemoryCalendarWatchStore } from '../fakes/memory/calendar-watch.ts';
import { startCosmosServer, type CosmosServer } from '../support/cosmos-server.ts';
import { calendarWatchStoreContract } from './calendar-watch.ts';

describe('in memory', () => {
  calendarWatchStoreContract(() => new InMemoryCalendarWatchStore());
});

describe('Cosmos', () => {
  let server: CosmosServer | undefined;
  let store: Store | undefined;
  let watches: CalendarWatchStore;
  beforeAll(async () => {
    server = await startCosmosServer();
    store = await createCosmosStore({
      endpoint: server.endpoint,
      key: server.key,
      databaseId: `calendar-watch-${randomUUID()}`,
      allowSelfSigned: true,
    });
    const opened = store;
    watches = createCalendarWatchStore((kind, partition) => opened.keyValues(kind, partition));
  }, 60_000);
  afterAll(async () => {
    store?.close();
    await server?.close();
  });
  calendarWatchStoreContract(() => watches);
});
