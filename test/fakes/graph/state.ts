import type { FakeOrg, FakeUser } from '../org.ts';
import type { DateTimeTimeZone } from './http.ts';
import type { FakeRecurrence } from './recurrence.ts';

export interface FakeAttendee {
  readonly emailAddress: { readonly address: string; readonly name?: string };
  readonly type: 'required' | 'optional' | 'resource';
  /** The attendee's answer, as the organiser's copy of the event shows it. */
  readonly status?: {
    readonly response: 'none' | 'accepted' | 'declined' | 'tentativelyAccepted';
    readonly time?: string;
  };
}

export type EventChange = 'created' | 'updated' | 'deleted';
export type EventChangeListener = (mailboxId: string, eventId: string, change: EventChange) => void;

/** A mailbox's calendar that reports each change, so subscriptions and delta queries can follow it. */
class WatchedCalendar extends Map<string, FakeEvent> {
  constructor(private readonly changed: (eventId: string, change: EventChange) => void) {
    super();
  }

  override set(id: string, event: FakeEvent): this {
    const change: EventChange = this.has(id) ? 'updated' : 'created';
    super.set(id, event);
    // Map's constructor calls set before the callback is assigned.
    (this.changed as typeof this.changed | undefined)?.(id, change);
    return this;
  }

  override delete(id: string): boolean {
    const had = super.delete(id);
    if (had) this.changed(id, 'deleted');
    return had;
  }
}

export interface FakeEvent {
  readonly id: string;
  readonly iCalUId: string;
  readonly subject: string;
  readonly body?: { readonly contentType: string; readonly content: string };
  readonly start: DateTimeTimeZone;
  readonly end: DateTimeTimeZone;
  readonly attendees: readonly FakeAttendee[];
  readonly organizer: { readonly emailAddress: { readonly address: string; readonly name: string } };
  readonly isOrganizer: boolean;
  readonly isOnlineMeeting: boolean;
  readonly onlineMeetingProvider: string;
  readonly onlineMeeting: { readonly joinUrl: string } | null;
  readonly isCancelled: boolean;
  readonly showAs: 'free' | 'tentative' | 'busy' | 'oof';
  readonly transactionId?: string;
  /** A series master's pattern and range; its meetings are expanded on request. */
  readonly recurrence?: FakeRecurrence;
  /** Days (in the recurrence's zone) of a series' meetings that were cancelled one by one. */
  readonly cancelledOccurrences?: readonly string[];
  readonly type?: 'singleInstance' | 'seriesMaster' | 'occurrence';
  readonly seriesMasterId?: string;
}

/** Everything the fake Graph knows: the orgs and one calendar per mailbox. */
export class GraphState {
  readonly #orgs: ReadonlyMap<string, FakeOrg>;
  readonly #calendars = new Map<string, Map<string, FakeEvent>>();
  readonly #listeners = new Set<EventChangeListener>();
  /** Per mailbox, which event changed at each sequence number: what a calendar delta query reads. */
  readonly #changes = new Map<string, { seq: number; eventId: string }[]>();
  #seq = 0;
  /** Members of chats that are no booked meeting's (a team's meeting), by chat id. */
  readonly #chats = new Map<string, readonly string[]>();

  constructor(orgs: readonly FakeOrg[]) {
    this.#orgs = new Map(orgs.map((org) => [org.tenantId, org]));
  }

  hasTenant(tenantId: string): boolean {
    return this.#orgs.has(tenantId);
  }

  org(tenantId: string): FakeOrg | undefined {
    return this.#orgs.get(tenantId);
  }

  /** Graph addresses users by object id or by user principal name (here, mail). */
  user(tenantId: string, idOrMail: string): FakeUser | undefined {
    const key = decodeURIComponent(idOrMail).toLowerCase();
    return this.#orgs.get(tenantId)?.users.find((u) => u.id.toLowerCase() === key || u.mail.toLowerCase() === key);
  }

  /** The tenant whose directory holds this user id. */
  tenantOf(userId: string): string | undefined {
    for (const [tenantId, org] of this.#orgs) if (org.users.some((u) => u.id === userId)) return tenantId;
    return undefined;
  }

  reportsOf(tenantId: string, managerId: string): readonly FakeUser[] {
    return this.#orgs.get(tenantId)?.users.filter((u) => u.managerId === managerId) ?? [];
  }

  calendar(mailboxId: string): Map<string, FakeEvent> {
    let calendar = this.#calendars.get(mailboxId);
    if (calendar === undefined) {
      calendar = new WatchedCalendar((eventId, change) => {
        this.#seq += 1;
        const log = this.#changes.get(mailboxId) ?? [];
        log.push({ seq: this.#seq, eventId });
        this.#changes.set(mailboxId, log);
        for (const listener of this.#listeners) listener(mailboxId, eventId, change);
      });
      this.#calendars.set(mailboxId, calendar);
    }
    return calendar;
  }

  setChatMembers(chatId: string, userIds: readonly string[]): void {
    this.#chats.set(chatId, userIds);
  }

  /**
   * Who is in a meeting's chat: as set, or the organiser and attendees of the Teams meeting whose
   * join link names the chat; undefined for a chat nobody has.
   */
  chatMembers(tenantId: string, chatId: string): readonly FakeUser[] | undefined {
    const set = this.#chats.get(chatId);
    if (set !== undefined) return set.flatMap((id) => this.user(tenantId, id) ?? []);
    const joinPath = `/l/meetup-join/${encodeURIComponent(chatId).toLowerCase()}/`;
    for (const [mailboxId, calendar] of this.#calendars) {
      const event = [...calendar.values()].find(
        (e) => e.isOrganizer && !e.isCancelled && e.onlineMeeting?.joinUrl.toLowerCase().includes(joinPath) === true,
      );
      if (event === undefined) continue;
      const ids = [mailboxId, ...event.attendees.map((a) => a.emailAddress.address)];
      return [...new Set(ids.flatMap((id) => this.user(tenantId, id) ?? []))];
    }
    return undefined;
  }

  onEventChange(listener: EventChangeListener): void {
    this.#listeners.add(listener);
  }

  /** The latest change number: a delta token that means "everything up to now". */
  changeSeq(): number {
    return this.#seq;
  }

  /** Ids of the mailbox's events changed after `seq`, each once. */
  changedSince(mailboxId: string, seq: number): readonly string[] {
    return [...new Set((this.#changes.get(mailboxId) ?? []).filter((c) => c.seq > seq).map((c) => c.eventId))];
  }
}

export const userJson = (user: FakeUser): Record<string, unknown> => ({
  '@odata.type': '#microsoft.graph.user',
  id: user.id,
  displayName: user.displayName,
  mail: user.mail,
  userPrincipalName: user.mail,
  jobTitle: user.jobTitle ?? null,
  department: user.department ?? null,
});
