import type { AdaptiveCard } from '../cards/elements.ts';
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
  /** The Bot Connector address that message went through, so it can be updated from outside a turn. */
  readonly serviceUrl?: string;
  /**
   * A change made outside the chat (the side panel or the stage) is posting the deck's first card:
   * others leave the posting to it, so the chat gets one card. Lapses after a while in case that
   * change never finished.
   */
  readonly cardPosting?: { readonly by: string; readonly since: IsoDateTime };
}

/** The shared card's message in the deck's Teams conversation. */
export interface TeamDeckMessage {
  readonly messageId: string;
  readonly serviceUrl: string;
}

/**
 * The deck's shared card in its Teams conversation, reached without a turn there (a change made
 * from a meeting's side panel or stage). Either call fails when Teams cannot be reached.
 */
export interface TeamDeckChat {
  /** Posts the card into the deck's conversation, as the bot. */
  post(deck: TeamDeck, card: AdaptiveCard): Promise<TeamDeckMessage>;
  /** Replaces the card in the deck's recorded message (`messageId`). */
  update(deck: TeamDeck & { readonly messageId: string }, card: AdaptiveCard): Promise<void>;
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
  /** Where each deck's shared card is shown in its conversation; absent where the app runs without its bot. */
  readonly chat?: TeamDeckChat;
}
