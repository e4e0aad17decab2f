import type { AdaptiveCard } from '../cards/elements.ts';
import type { PersonId, TenantId } from '../domain/people.ts';

/** One card for one person, delivered through the paced proactive send queue. */
export interface Notice {
  readonly tenantId: TenantId;
  readonly personId: PersonId;
  /** Deterministic: the same step notified twice queues once. */
  readonly id: string;
  readonly card: AdaptiveCard;
}

export interface NoticeQueue {
  /** False when the same notice was queued before. */
  queue(notice: Notice): Promise<boolean>;
  /** The tab's address of a hash route (e.g. `/appeals/<id>`), for a card's deep link. */
  tabLink(route: string): string;
}
