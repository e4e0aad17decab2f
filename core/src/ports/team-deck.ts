import type { PersonId, TenantId } from '../domain/people.ts';
import type { IsoDateTime } from '../time/dates.ts';

/** One person's answer to one card of a team deck. */
export interface TeamDeckAnswer {
  readonly cardId: string;
  readonly authorId: PersonId;
  readonly text: string;
  /** Only when the person chose to put their name to it; otherwise the team sees the words alone. */
  readonly authorName?: string;
  /** The activity that carried it: a resend changes nothing. */
  readonly activityId: string;
}

/**
 * A team's deck of conversation starters in one Teams conversation (channel, group chat or
 * meeting chat): which cards it holds, which is showing, and everyone's answers. One document
 * per conversation; every change is ETag-guarded so answers given at the same moment all land.
 */
export interface TeamDeck {
  readonly tenantId: TenantId;
  readonly id: string;
  /** The Teams conversation the deck was started in (without a channel thread's message id). */
  readonly conversationId: string;
  /** Whoever started the deck: they may end it and get the summary. */
  readonly organiserId: PersonId;
  /** The deck's cards in drawing order; `position` is the one showing. */
  readonly cardIds: readonly string[];
  readonly position: number;
  /** Teams user ids (MRIs) of the people who have taken part, organiser first: their clients refresh the card. */
  readonly refreshIds: readonly string[];
  readonly answers: readonly TeamDeckAnswer[];
  readonly status: 'open' | 'ended';
  /** The message that started it: a resent command shows the same deck. */
  readonly startedBy: string;
  readonly startedAt: IsoDateTime;
  readonly endedAt?: IsoDateTime;
  /** The shared card's message, so drawing the next card can update it for everyone. */
  readonly messageId?: string;
}

export interface StoredTeamDeck {
  readonly item: TeamDeck;
  readonly etag: string;
}

export interface TeamDeckStore {
  get(tenantId: TenantId, id: string): Promise<StoredTeamDeck | undefined>;
  /** Undefined when a deck with that id already exists. */
  create(deck: TeamDeck): Promise<StoredTeamDeck | undefined>;
  /** AppError 'conflict' when stale. */
  replace(deck: TeamDeck, etag: string): Promise<StoredTeamDeck>;
}
