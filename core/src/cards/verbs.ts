/**
 * Every action a card can send back, in one typed table. Handlers are looked up
 * by these values; a verb that is not in the table is refused, never guessed at.
 */
export const CARD_VERBS = {
  feedbackOpen: 'feedback.open',
  feedbackLog: 'feedback.log',
  starterOpen: 'starter.open',
  starterAnswer: 'starter.answer',
  starterRefresh: 'starter.refresh',
  checkinBook: 'checkin.book',
  checkinSnooze: 'checkin.snooze',
  checkinOptOut: 'checkin.optOut',
  bookingBook: 'booking.book',
  dueShow: 'due.show',
  objectivesShow: 'objectives.show',
  prepareShow: 'prepare.show',
  prepareAddAgenda: 'prepare.addAgenda',
  helpShow: 'help.show',
  teamDeckAnswer: 'teamDeck.answer',
  teamDeckNext: 'teamDeck.next',
  teamDeckEnd: 'teamDeck.end',
  teamDeckRefresh: 'teamDeck.refresh',
} as const;

export type CardVerb = (typeof CARD_VERBS)[keyof typeof CARD_VERBS];

const ALL_VERBS: ReadonlySet<string> = new Set(Object.values(CARD_VERBS));

export const isCardVerb = (value: unknown): value is CardVerb => typeof value === 'string' && ALL_VERBS.has(value);

/**
 * Verbs whose answer is about one person (their due list, objectives, preparation, check-in, a
 * feedback note): in a channel, group chat or meeting the answer goes to their own chat with the bot.
 */
export const PERSONAL_VERBS: ReadonlySet<CardVerb> = new Set<CardVerb>([
  CARD_VERBS.feedbackOpen,
  CARD_VERBS.feedbackLog,
  CARD_VERBS.checkinBook,
  CARD_VERBS.checkinSnooze,
  CARD_VERBS.checkinOptOut,
  CARD_VERBS.bookingBook,
  CARD_VERBS.dueShow,
  CARD_VERBS.objectivesShow,
  CARD_VERBS.prepareShow,
  CARD_VERBS.prepareAddAgenda,
]);
