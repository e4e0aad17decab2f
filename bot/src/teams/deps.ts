import type {
  Clock,
  ConversationRepository,
  ConversationTypeId,
  DueInput,
  DueReport,
  EmployeeRepository,
  FeedbackRepository,
  ObjectiveRepository,
  SchemeId,
  TenantRepository,
} from '@pc/core';
import type { StarterTopic } from '@pc/core/cards';
import type { Logger } from '../logging.ts';
import type { PersonLookup } from './directory.ts';
import type { ConversationReferenceStore, NudgeSettingsStore, StarterStore } from './ports.ts';

/** What the bot needs from a scheme pack; a core SchemePack satisfies it as it is. */
export interface SchemeContent {
  readonly schemeName: string;
  readonly topics: readonly StarterTopic[];
  readonly topicsPerConversation: { readonly max: number };
  readonly preparation: { readonly employee: readonly string[]; readonly manager: readonly string[] };
  readonly conversations: readonly { readonly type: ConversationTypeId; readonly label: string }[];
}

export interface TeamsBotStore {
  readonly tenants: TenantRepository;
  readonly employees: EmployeeRepository;
  readonly conversations: ConversationRepository;
  readonly objectives: ObjectiveRepository;
  readonly feedback: FeedbackRepository;
}

export interface TeamsBotDeps {
  readonly store: TeamsBotStore;
  /** Employee records for read-only decisions in a turn (may be a minute old); updates use the store. */
  readonly directory: PersonLookup;
  readonly references: ConversationReferenceStore;
  readonly starters: StarterStore;
  readonly nudges: NudgeSettingsStore;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly scheme: (id: SchemeId) => SchemeContent;
  readonly due: (input: DueInput) => DueReport;
  /** When set, only these tenants are served (an empty list serves nobody, as for the API). */
  readonly allowedTenants?: readonly string[];
  /** Deep link to the tab, shown on cards that point at fuller views. */
  readonly tabUrl?: string;
}
