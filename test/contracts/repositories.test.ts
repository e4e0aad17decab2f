// One contract per core port, run against the in-memory fake (test/fakes/memory/) and the
// Cosmos adapter (bot/src/cosmos/) over the local Cosmos wire-protocol server. A use case
// tested with the fake can trust that Cosmos behaves the same way.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import type { Repositories } from '@pc/core/usecases';
import { createNudgeSettingsStore, createStarterStore, type KeyValueFactory } from '../../bot/src/cosmos/bot-state.ts';
import { createCosmosStore, type Store } from '../../bot/src/cosmos/index.ts';
import { CosmosAppealRepository, CosmosDisagreementRepository } from '../../bot/src/cosmos/appeal-repository.ts';
import { CosmosHandoverRepository } from '../../bot/src/cosmos/handover-repository.ts';
import { CosmosTeamThemesRepository } from '../../bot/src/cosmos/team-themes-repository.ts';
import { createTeamDeckStore } from '../../bot/src/cosmos/team-deck-store.ts';
import { createMeetingLinkStore } from '../../bot/src/cosmos/meeting-link-store.ts';
import { inMemoryRepositories } from '../fakes/memory/index.ts';
import { startCosmosServer, type CosmosServer } from '../support/cosmos-server.ts';
import { appealRepositoryContract, disagreementRepositoryContract } from './appeals.ts';
import { auditLogContract } from './audit.ts';
import { conversationRepositoryContract } from './conversations.ts';
import { employeeRepositoryContract } from './employees.ts';
import { nudgeSettingsStoreContract, starterStoreContract } from './engagement.ts';
import { feedbackRepositoryContract } from './feedback.ts';
import { handoverRepositoryContract } from './handovers.ts';
import { objectiveRepositoryContract } from './objectives.ts';
import { teamThemesRepositoryContract } from './team-themes.ts';
import { teamDeckStoreContract } from './team-deck.ts';
import { meetingLinkStoreContract } from './meeting.ts';
import { tenantRepositoryContract } from './tenants.ts';
import { statusDigestRepositoryContract } from './status-digests.ts';

const contracts = (repos: () => Repositories): void => {
  tenantRepositoryContract(() => repos().tenants);
  employeeRepositoryContract(() => repos().employees);
  conversationRepositoryContract(() => repos().conversations);
  objectiveRepositoryContract(() => repos().objectives);
  feedbackRepositoryContract(() => repos().feedback);
  auditLogContract(() => repos().audit);
  teamThemesRepositoryContract(() => repos().teamThemes);
  handoverRepositoryContract(() => repos().handovers);
  starterStoreContract(() => repos().starters);
  nudgeSettingsStoreContract(() => repos().nudges);
  teamDeckStoreContract(() => repos().teamDecks);
  meetingLinkStoreContract(() => repos().meetings);
  appealRepositoryContract(() => repos().appeals);
  disagreementRepositoryContract(() => repos().disagreements);
  statusDigestRepositoryContract(() => {
    const { statusDigests, employees, conversations } = repos();
    if (statusDigests === undefined) throw new Error('The store keeps no status digests');
    return { digests: statusDigests, employees, conversations };
  });
};

describe('in memory', () => {
  let repos: Repositories;
  beforeEach(() => {
    repos = inMemoryRepositories();
  });
  contracts(() => repos);
});

// Every test writes under tenants of its own, so one database serves them all.
describe('Cosmos', () => {
  let server: CosmosServer | undefined;
  let store: Store | undefined;
  let repos: Repositories;
  beforeAll(async () => {
    server = await startCosmosServer();
    store = await createCosmosStore({
      endpoint: server.endpoint,
      key: server.key,
      databaseId: `contracts-${randomUUID()}`,
      allowSelfSigned: true,
    });
    const opened = store;
    const keyValues: KeyValueFactory = (kind, partition) => opened.keyValues(kind, partition);
    repos = {
      ...store,
      teamThemes: new CosmosTeamThemesRepository(store),
      handovers: new CosmosHandoverRepository(store),
      starters: createStarterStore(keyValues),
      nudges: createNudgeSettingsStore(keyValues),
      teamDecks: createTeamDeckStore(keyValues),
      meetings: createMeetingLinkStore(keyValues),
      appeals: new CosmosAppealRepository(store),
      disagreements: new CosmosDisagreementRepository(store),
    };
  });
  afterAll(async () => {
    store?.close();
    await server?.close();
  });
  contracts(() => repos);
});
