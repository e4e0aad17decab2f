import type { PersonId, TenantId } from '../domain/people.ts';
import type { AppealRepository, DisagreementRepository } from '../ports/appeals.ts';
import type { NoticeQueue } from '../ports/notices.ts';
import type { ActivityFeed } from '../ports/activity-feed.ts';
import type { CalendarGateway } from '../ports/calendar.ts';
import type { CalendarWatching } from '../ports/calendar-watch.ts';
import type { NudgeSettingsStore, StarterStore } from '../ports/engagement.ts';
import type { PersonLookup } from '../ports/people.ts';
import type {
  AuditLog,
  ConversationRepository,
  EmployeeRepository,
  FeedbackRepository,
  ObjectiveRepository,
  TenantRepository,
} from '../ports/repositories.ts';
import type { HandoverRepository, TeamThemesRepository } from '../ports/team.ts';
import type { TeamDeckStore } from '../ports/team-deck.ts';
import type { StatusDigestRepository } from '../ports/status-digests.ts';
import type { MeetingLinkStore, MeetingMembers } from '../ports/meeting.ts';
import type { TenantAdminServices } from '../ports/tenant-admin.ts';
import type { Clock } from '../time/clock.ts';

export interface Repositories {
  readonly tenants: TenantRepository;
  readonly employees: EmployeeRepository;
  readonly conversations: ConversationRepository;
  readonly objectives: ObjectiveRepository;
  readonly feedback: FeedbackRepository;
  readonly audit: AuditLog;
  readonly teamThemes: TeamThemesRepository;
  readonly handovers: HandoverRepository;
  /** Conversation starters posted in Teams chats, with their answers. */
  readonly starters: StarterStore;
  /** Each person's check-in choices: snoozed, opted out, quiet hours. */
  readonly nudges: NudgeSettingsStore;
  /** Team decks of conversation starters, one per Teams conversation. */
  readonly teamDecks: TeamDeckStore;
  /** Which booked conversation each Teams meeting belongs to, by the meeting's chat id. */
  readonly meetings: MeetingLinkStore;
  /** Appeals against reviews (002 Appendix 6, 003 §5.10). */
  readonly appeals: AppealRepository;
  /** HR's handling of disagreements with records (004). */
  readonly disagreements: DisagreementRepository;
  /** Each person's status digest; absent, team views and compliance read every person's records. */
  readonly statusDigests?: StatusDigestRepository;
}

export interface UseCaseDeps {
  readonly repos: Repositories;
  readonly clock: Clock;
  readonly newId: () => string;
  /** Employee records for display only (may be a minute old, per process); absent, `repos.employees` is read. */
  readonly people?: PersonLookup;
  /** Calendars of one tenant's mailboxes; absent where no Graph access is configured. */
  readonly calendarFor?: (tenantId: TenantId) => CalendarGateway;
  /** Change notifications from organisers' calendars (moves, cancellations, declines made in Outlook). */
  readonly calendarWatching?: CalendarWatching;
  /** Cards to people about their appeals, through the proactive send queue; absent, none are sent. */
  readonly notices?: NoticeQueue;
  /** The Teams activity feed (Graph); absent where Graph is not configured, and nobody can choose it. */
  readonly activityFeed?: ActivityFeed;
  /** Tenant administration (settings, role grants, directory sync); absent, its use cases are unavailable. */
  readonly admin?: TenantAdminServices;
  /** Who is in a Teams meeting's chat (Graph); absent, a meeting's deck is open only to those the app already knows took part. */
  readonly meetingMembers?: MeetingMembers;
}

/**
 * The authenticated caller, from a validated Entra token (the API) or a Teams activity (the bot's
 * turn identity): both edges hand use cases the same shape.
 */
export interface Caller {
  readonly tenantId: TenantId;
  readonly userId: PersonId;
  /** The caller's own access token, for delegated Graph calls. */
  readonly token?: string;
  /** What the caller's Entra token says about them: app roles, groups, name (the API only). */
  readonly entra?: EntraClaims;
}

export interface EntraClaims {
  /** App roles (`roles`) assigned to the person in the app registration. */
  readonly roles: readonly string[];
  /** Security-group object ids (`groups`), when the app registration emits them. */
  readonly groups: readonly string[];
  readonly name?: string;
  readonly upn?: string;
}
