import type { ConversationRepository } from '@pc/core';
import { withStatusDigests, type Repositories } from '@pc/core/usecases';
import {
  InMemoryAuditLog,
  InMemoryConversationRepository,
  InMemoryEmployeeRepository,
  InMemoryFeedbackRepository,
  InMemoryObjectiveRepository,
  InMemoryTenantRepository,
} from './repositories.ts';
import { InMemoryAppealRepository, InMemoryDisagreementRepository } from './appeals.ts';
import { InMemoryNudgeSettingsStore, InMemoryStarterStore } from './engagement.ts';
import { InMemoryHandoverRepository, InMemoryTeamThemesRepository } from './team.ts';
import { InMemoryTeamDeckStore } from './team-deck.ts';
import { InMemoryMeetingLinkStore } from './meeting.ts';
import { InMemoryStatusDigestRepository } from './status-digests.ts';

export * from './appeals.ts';
export * from './engagement.ts';
export * from './repositories.ts';
export * from './team.ts';
export * from './team-deck.ts';
export * from './meeting.ts';
export * from './notices.ts';
export * from './status-digests.ts';

/**
 * Every store core's use cases read and write, empty; each held to its suite in test/contracts/.
 * As in the Cosmos store, every record written refreshes its person's status digest.
 */
export const inMemoryRepositories = (): Repositories => {
  const employees = new InMemoryEmployeeRepository();
  const statusDigests = new InMemoryStatusDigestRepository(employees);
  const conversations = withStatusDigests({
    conversations: new InMemoryConversationRepository(),
    employees,
    statusDigests,
  });
  return { ...records(employees, conversations), statusDigests };
};

const records = (employees: InMemoryEmployeeRepository, conversations: ConversationRepository) => ({
  tenants: new InMemoryTenantRepository(),
  employees,
  conversations,
  objectives: new InMemoryObjectiveRepository(),
  feedback: new InMemoryFeedbackRepository(),
  audit: new InMemoryAuditLog(),
  teamThemes: new InMemoryTeamThemesRepository(),
  handovers: new InMemoryHandoverRepository(),
  starters: new InMemoryStarterStore(),
  nudges: new InMemoryNudgeSettingsStore(),
  teamDecks: new InMemoryTeamDeckStore(),
  meetings: new InMemoryMeetingLinkStore(),
  appeals: new InMemoryAppealRepository(),
  disagreements: new InMemoryDisagreementRepository(),
});
export * from './directory.ts';
