import type { FakeOrg, FakeUser } from '../org.ts';
import type { DateTimeTimeZone } from './http.ts';

export interface FakeAttendee {
  readonly emailAddress: { readonly address: string; readonly name?: string };
  readonly type: 'required' | 'optional' | 'resource';
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
}

/** Everything the fake Graph knows: the orgs and one calendar per mailbox. */
export class GraphState {
  readonly #orgs: ReadonlyMap<string, FakeOrg>;
  readonly #calendars = new Map<string, Map<string, FakeEvent>>();

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

  reportsOf(tenantId: string, managerId: string): readonly FakeUser[] {
    return this.#orgs.get(tenantId)?.users.filter((u) => u.managerId === managerId) ?? [];
  }

  calendar(mailboxId: string): Map<string, FakeEvent> {
    let calendar = this.#calendars.get(mailboxId);
    if (calendar === undefined) {
      calendar = new Map();
      this.#calendars.set(mailboxId, calendar);
    }
    return calendar;
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
