import type { Repositories } from '@pc/core/usecases';
import {
  InMemoryAuditLog,
  InMemoryConversationRepository,
  InMemoryEmployeeRepository,
  InMemoryFeedbackRepository,
  InMemoryObjectiveRepository,
  InMemoryTenantRepository,
} from './repositories.ts';
import { InMemoryHandoverRepository, InMemoryTeamThemesRepository } from './team.ts';

export * from './repositories.ts';
export * from './team.ts';

/** Core's record and team ports (the ones with contract suites in test/contracts/), empty. */
export type RecordRepositories = Pick<
  Repositories,
  'tenants' | 'employees' | 'conversations' | 'objectives' | 'feedback' | 'audit' | 'teamThemes' | 'handovers'
>;

export const inMemoryRepositories = (): RecordRepositories => ({
  tenants: new InMemoryTenantRepository(),
  employees: new InMemoryEmployeeRepository(),
  conversations: new InMemoryConversationRepository(),
  objectives: new InMemoryObjectiveRepository(),
  feedback: new InMemoryFeedbackRepository(),
  audit: new InMemoryAuditLog(),
  teamThemes: new InMemoryTeamThemesRepository(),
  handovers: new InMemoryHandoverRepository(),
});
