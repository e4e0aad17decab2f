import type { ConversationRecord, Rating, RatingReview } from '../domain/conversations.ts';
import type { Employee, PersonId } from '../domain/people.ts';
import { buildNoticeCard } from '../cards/notice-card.ts';
import { AppError } from '../errors.ts';
import { stableId } from '../feedback/ids.ts';
import type { Stored } from '../ports/repositories.ts';
import type { RatingScale } from '../scheme/types.ts';
import { visibleLength } from '../rules/visible-text.ts';
import { addMonths } from '../time/dates.ts';
import { loadActor, lookUpPerson } from './context.ts';
import { loadForChange } from './conversations.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { outliersOf, spreadOf, type RatingSpread } from './rating-consistency.ts';
import { releaseRating } from './ratings.ts';
import { packOf } from './scheme.ts';

/** Where one recommendation stands in Step 3 (002). */
export type RatingReviewState = 'awaiting' | 'returned' | 'agreed' | 'released';

export interface RatingReviewItem {
  readonly employeeId: PersonId;
  readonly displayName: string;
  readonly conversationId: string;
  readonly date: string;
  readonly etag: string;
  readonly rating: Omit<Rating, 'review'>;
  readonly state: RatingReviewState;
  readonly review?: RatingReview;
}

export interface RatingReviewTeam {
  readonly manager: { readonly id: PersonId; readonly displayName: string };
  readonly spread: RatingSpread;
  readonly outliers: readonly string[];
  readonly items: readonly RatingReviewItem[];
}

export interface RatingReviewView {
  /** False where the scheme has no grandparent check (every scheme but 002). */
  readonly applies: boolean;
  readonly scale: readonly { readonly value: string; readonly label: string }[];
  readonly overall?: RatingSpread;
  readonly teams: readonly RatingReviewTeam[];
}

const stateOf = (rating: Rating): RatingReviewState =>
  rating.releasedToEmployeeAt !== undefined ? 'released' : (rating.review?.outcome ?? 'awaiting');

const grandparentScale = (scale: RatingScale | undefined): scale is RatingScale => scale?.checkedBy === 'grandparent';

/** The latest rated annual review of the last twelve months, with its ETag for the grandparent's step. */
const latestRated = async (
  deps: UseCaseDeps,
  person: Employee,
  today: string,
): Promise<RatingReviewItem | undefined> => {
  const query = { type: 'annual-review' as const, from: addMonths(today, -12), to: today };
  const page = await deps.repos.conversations.listForEmployee(person.tenantId, person.id, query, { pageSize: 20 });
  const found = page.items.find((r) => r.rating !== undefined && r.status !== 'cancelled');
  if (found === undefined) return undefined;
  const stored = await deps.repos.conversations.get(person.tenantId, person.id, found.id);
  const rating = stored?.item.rating;
  if (stored === undefined || rating === undefined) return undefined;
  const { review, ...shown } = rating;
  return {
    employeeId: person.id,
    displayName: person.displayName,
    conversationId: found.id,
    date: stored.item.date,
    etag: stored.etag,
    rating: shown,
    state: stateOf(rating),
    ...(review === undefined ? {} : { review }),
  };
};

/**
 * The grandparent's consistency check (002 §2 "Bonus Payments", Step 3): for each of the caller's
 * reports who manages a team, how that manager's recommendations spread over the rating scale and
 * the bonus, what stands out against the other managers' teams, and each recommendation to agree
 * or return. Ratings and dates only: nothing of the conversation's text travels upward.
 */
export const getRatingReview = async (deps: UseCaseDeps, caller: Caller): Promise<RatingReviewView> => {
  const { tenant, employee } = await loadActor(deps, caller);
  const scale = packOf(tenant).ratingScale;
  if (!grandparentScale(scale)) return { applies: false, scale: [], teams: [] };
  const today = deps.clock.today();
  const teams: { manager: Employee; items: RatingReviewItem[] }[] = [];
  for (const manager of await deps.repos.employees.listReports(caller.tenantId, employee.id)) {
    const reports = await deps.repos.employees.listReports(caller.tenantId, manager.id);
    if (reports.length === 0) continue;
    const items: RatingReviewItem[] = [];
    for (const report of reports) {
      if (report.id === employee.id) continue;
      const item = await latestRated(deps, report, today);
      if (item !== undefined) items.push(item);
    }
    teams.push({ manager, items: items.sort((a, b) => a.displayName.localeCompare(b.displayName)) });
  }
  const spreads = teams.map((t) =>
    spreadOf(
      scale,
      t.items.map((i) => i.rating),
    ),
  );
  return {
    applies: true,
    scale: scale.options.map((o) => ({ value: o.value, label: o.label })),
    overall: spreadOf(
      scale,
      teams.flatMap((t) => t.items.map((i) => i.rating)),
    ),
    teams: teams.map((t, index) => ({
      manager: { id: t.manager.id, displayName: t.manager.displayName },
      spread: spreads[index] ?? spreadOf(scale, []),
      outliers: outliersOf(
        scale,
        spreads[index] ?? spreadOf(scale, []),
        spreads.filter((_, i) => i !== index),
      ),
      items: t.items,
    })),
  };
};

/**
 * The manager is told their recommendation came back, with the grandparent's reason and a link to
 * the record (never the colleague: they do not know of the recommendation yet). Once per return.
 */
const tellManagerOfReturn = async (
  deps: UseCaseDeps,
  record: ConversationRecord,
  grandparentId: PersonId,
  note: string,
): Promise<void> => {
  const notices = deps.notices;
  const managerId = record.managerIds[0];
  if (notices === undefined || managerId === undefined) return;
  const [grandparent, colleague] = await Promise.all([
    lookUpPerson(deps, record.tenantId, grandparentId),
    lookUpPerson(deps, record.tenantId, record.employeeId),
  ]);
  const link = notices.tabLink(
    `/conversations/${encodeURIComponent(record.employeeId)}/${encodeURIComponent(record.id)}`,
  );
  await notices.queue({
    tenantId: record.tenantId,
    personId: managerId,
    id: stableId('rating-returned', record.tenantId, record.id, record.rating?.review?.at ?? ''),
    card: buildNoticeCard(
      `Your rating recommendation for ${colleague?.displayName ?? 'your colleague'} came back`,
      [
        `${grandparent?.displayName ?? 'Your manager'} returned it at the consistency check (002 Step 3): ${note}`,
        'Look at it again and rate it anew; it then goes back for the check.',
      ],
      [{ type: 'Action.OpenUrl', title: 'Open the record', url: link }],
    ),
  });
};

export type RatingReviewInput =
  { readonly outcome: 'agreed' } | { readonly outcome: 'returned'; readonly note: string };

const MIN_NOTE = 10;

/**
 * The grandparent's step on one recommendation (002). Agreeing completes Step 3 and releases the
 * rating to the employee (both audited); returning sends it back to the manager with the reason,
 * audited about the manager, as the employee may not yet know of the recommendation. A new rating
 * from the manager clears the return, so the recommendation waits for the grandparent again.
 */
export const reviewRating = async (
  deps: UseCaseDeps,
  caller: Caller,
  personId: PersonId,
  conversationId: string,
  etag: string,
  input: RatingReviewInput,
): Promise<Stored<ConversationRecord>> => {
  const { stored, tenant } = await loadForChange(deps, caller, personId, conversationId, 'conversation.rating.release');
  if (!grandparentScale(packOf(tenant).ratingScale)) {
    throw new AppError('validation', 'Your scheme has no grandparent review of ratings.');
  }
  const { rating } = stored.item;
  if (rating === undefined) throw new AppError('validation', 'There is no rating on this record to review.');
  if (rating.releasedToEmployeeAt !== undefined) {
    throw new AppError('conflict', 'This rating has already been agreed and released to the colleague.');
  }
  const now = deps.clock.now();
  const event = { tenantId: caller.tenantId, id: deps.newId(), at: now, actorId: caller.userId };
  const resource = { type: 'conversation', id: conversationId };
  if (input.outcome === 'returned') {
    const note = input.note.trim();
    if (visibleLength(note) < MIN_NOTE) {
      const message = `Say what the manager should look at again, in at least ${String(MIN_NOTE)} visible characters.`;
      throw new AppError('validation', message, { details: [{ path: 'note', message }] });
    }
    await deps.repos.audit.append({
      ...event,
      subjectId: stored.item.managerIds[0] ?? personId,
      action: 'rating.returned',
      resource,
    });
    const review: RatingReview = { outcome: 'returned', by: caller.userId, at: now, note };
    const saved = await deps.repos.conversations.update(
      { ...stored.item, rating: { ...rating, review }, updatedAt: now },
      etag,
    );
    await tellManagerOfReturn(deps, saved.item, caller.userId, note);
    return saved;
  }
  let current = etag;
  // An agreement whose release did not land is released now, without a second agreement.
  if (rating.review?.outcome !== 'agreed') {
    await deps.repos.audit.append({ ...event, subjectId: personId, action: 'rating.agreed', resource });
    const review: RatingReview = { outcome: 'agreed', by: caller.userId, at: now };
    const agreed = await deps.repos.conversations.update(
      { ...stored.item, rating: { ...rating, review }, updatedAt: now },
      etag,
    );
    current = agreed.etag;
  }
  return releaseRating(deps, caller, personId, conversationId, current);
};
