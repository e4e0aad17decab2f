/** What the booking page offers and sends, without the DOM, so every rule here runs under test. */
import type { BodyOf, ResponseOf, Routes, SchemeView } from '@pc/core/api';
import { conversationLabel } from '@pc/core/api';

export type BookableType = BodyOf<Routes['bookings.create']>['type'];
export type Slot = ResponseOf<Routes['bookings.suggest']>['slots'][number];
export type DueItem = ResponseOf<Routes['person.due']>['items'][number];

export interface TypeChoice {
  readonly type: BookableType;
  readonly label: string;
  /** What the scheme says of it now, e.g. "due by 1 June 2027"; empty when nothing is due (an early or extra one). */
  readonly due: DueItem | undefined;
}

const FALLBACK: readonly BookableType[] = ['regular', 'big-picture', 'annual-review'];
const ORDER: Readonly<Record<DueItem['status'], number>> = {
  overdue: 0,
  due: 1,
  upcoming: 2,
  suppressed: 3,
  completed: 4,
};

/**
 * Every conversation the scheme books one to one (never the informal ones, nor a handover between
 * managers), whether or not it is due: 004 lets a pair meet early or more often. What is due comes first.
 */
export const typeChoices = (scheme: SchemeView | null, due: readonly DueItem[]): TypeChoice[] => {
  const types: BookableType[] =
    scheme === null
      ? [...FALLBACK]
      : scheme.conversationTypes.flatMap((c) =>
          c.informal || c.type === 'in-the-moment' || c.type === 'handover' ? [] : [c.type],
        );
  const dueOf = (type: BookableType) =>
    due
      .filter((d) => d.type === type && d.status !== 'completed' && d.status !== 'suppressed')
      .sort((a, b) => ORDER[a.status] - ORDER[b.status])[0];
  const rank = (c: TypeChoice) => (c.due === undefined ? 9 : ORDER[c.due.status]);
  return [...new Set(types)]
    .map((type) => ({ type, label: conversationLabel(type, scheme), due: dueOf(type) }))
    .sort((a, b) => rank(a) - rank(b));
};

const addDays = (isoDate: string, days: number): string => {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** Two weeks of days to look in, from `today` moved on by whole fortnights ("later times"). */
export const fortnight = (today: string, later: number): { from: string; to: string } => {
  const from = addDays(today, 14 * later);
  return { from, to: addDays(from, 13) };
};

/**
 * One Idempotency-Key per booking the person means: pressing Book again for the same person, type
 * and time (after an error, or a second click) repeats the same request, so the server books it
 * once; choosing anything else, or a finished booking, starts a new key.
 */
export const intentKeys = (newKey: () => string = () => crypto.randomUUID()) => {
  let last: { readonly intent: string; readonly key: string } | undefined;
  return {
    keyFor(intent: Readonly<Record<string, string>>): string {
      const text = JSON.stringify(intent);
      if (last?.intent !== text) last = { intent: text, key: newKey() };
      return last.key;
    },
    done(): void {
      last = undefined;
    },
  };
};
export type IntentKeys = ReturnType<typeof intentKeys>;

/** The reader's own time zone: times are shown as their own clock reads them. */
export const readerZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;
