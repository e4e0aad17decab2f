import { z } from 'zod';
import { CONVERSATION_TYPES, type ConversationTypeId } from '../domain/conversations.ts';
import { AppError } from '../errors.ts';
import { bookedTime } from '../time/booked-time.ts';
import { card, heading, plain, text, type AdaptiveCard, type CardAction, type CardElement } from './elements.ts';
import { CARD_VERBS } from './verbs.ts';

/** The card's choice of time; Teams sends it back with the Book button's data. */
export const BOOKING_SLOT_FIELD = 'bookingSlot';

export interface BookingSlotsCardInput {
  readonly label: string;
  readonly withName: string;
  readonly slots: readonly { readonly start: string; readonly end: string }[];
  /** The reader's zone: every time on the card is in it. */
  readonly timeZone: string;
  readonly offer: {
    readonly key: string;
    readonly employeeId: string;
    readonly type: Exclude<ConversationTypeId, 'in-the-moment'>;
    readonly minutes: number;
    readonly until: string;
  };
  readonly explanation?: string;
  /** Said first, e.g. thanks for a check-in answer sent with the button. */
  readonly lines?: readonly string[];
  /** The tab's booking page, for other days or another kind of conversation. */
  readonly bookUrl?: string;
}

/** "Wed 12 May, 10:00–11:00" in the reader's zone. */
const slotTitle = (start: string, end: string, timeZone: string): string => {
  const day = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short' }).format(new Date(start));
  const until = bookedTime(end, timeZone).split(', ')[1] ?? '';
  return `${day} ${bookedTime(start, timeZone)}–${until}`;
};

const openInApp = (url: string | undefined, title: string): CardAction[] =>
  url === undefined ? [] : [{ type: 'Action.OpenUrl', title, url }];

/** The next times both are free, one to choose, and Book: the choice and the offer travel back together. */
export const buildBookingSlotsCard = (input: BookingSlotsCardInput): AdaptiveCard => {
  const intro = `Your ${input.label} with ${plain(input.withName)}`;
  const lines = (input.lines ?? []).map((line) => text(line));
  if (input.slots.length === 0) {
    return card(
      [heading(intro), ...lines, text(input.explanation ?? 'No free time was found in the next two weeks.')],
      openInApp(input.bookUrl, 'Choose other days in the app'),
    );
  }
  const body: CardElement[] = [
    heading(intro),
    ...lines,
    text(`Times when you are both free, in ${input.timeZone} time. The invitation goes to both calendars.`),
    {
      type: 'Input.ChoiceSet',
      id: BOOKING_SLOT_FIELD,
      style: 'expanded',
      isRequired: true,
      errorMessage: 'Choose a time.',
      label: 'Time',
      value: input.slots[0]?.start,
      choices: input.slots.map((s) => ({ title: slotTitle(s.start, s.end, input.timeZone), value: s.start })),
    },
  ];
  return card(body, [
    {
      type: 'Action.Execute',
      verb: CARD_VERBS.bookingBook,
      title: 'Book',
      style: 'positive',
      // What the booked card says travels too: the answer to a press needs no second look-up.
      data: offerData(input),
    },
    ...openInApp(input.bookUrl, 'Other times in the app'),
  ]);
};

/**
 * The Book button's data. The offer's key travels as `offerKey`, never `key`: on a press the Agents
 * Playground's card renderer writes its own `key` property into the data it was given, which is frozen
 * once the card is the answer to an earlier press, so it throws and sends nothing.
 */
const offerData = (input: BookingSlotsCardInput): Readonly<Record<string, unknown>> => {
  const { key, ...offer } = input.offer;
  return {
    ...offer,
    offerKey: key,
    offered: input.slots.map((s) => s.start),
    label: input.label,
    withName: input.withName,
    timeZone: input.timeZone,
  };
};

export interface BookedCardInput {
  readonly label: string;
  readonly withName: string;
  readonly start: string;
  readonly timeZone: string;
  /** The booked conversation's page. */
  readonly conversationUrl?: string;
  readonly joinUrl?: string;
}

export const buildBookedCard = (input: BookedCardInput): AdaptiveCard =>
  card(
    [
      heading(`Booked for ${bookedTime(input.start, input.timeZone)}`),
      text(
        `Your ${input.label} with ${plain(input.withName)} is in both calendars, with a Teams meeting. Add to the agenda from the conversation's page.`,
      ),
    ],
    [...openInApp(input.conversationUrl, 'Open the conversation'), ...openInApp(input.joinUrl, 'Join the meeting')],
  );

const offerKeySchema = z.string().min(1).max(100);
const choiceSchema = z.object({
  offerKey: offerKeySchema.optional(),
  /** Where cards sent before the rename carry it. */
  key: offerKeySchema.optional(),
  employeeId: z.string().min(1).max(100),
  type: z.enum(CONVERSATION_TYPES).exclude(['in-the-moment']),
  minutes: z.number().int().min(15).max(240),
  until: z.iso.datetime({ offset: true }),
  offered: z.array(z.iso.datetime({ offset: true })).max(20),
  label: z.string().max(100),
  withName: z.string().max(200),
  timeZone: z.string().max(100),
  [BOOKING_SLOT_FIELD]: z.string().optional(),
});

export interface BookingChoice {
  readonly key: string;
  readonly employeeId: string;
  readonly type: Exclude<ConversationTypeId, 'in-the-moment'>;
  readonly minutes: number;
  readonly until: string;
  readonly offered: readonly string[];
  readonly label: string;
  readonly withName: string;
  readonly timeZone: string;
  /** The chosen start; absent when nothing was chosen. */
  readonly start?: string;
}

/** The Book button's data as Teams returns it; anything else is a card from another version, refused plainly. */
export const parseBookingChoice = (data: unknown): BookingChoice => {
  const parsed = choiceSchema.safeParse(data);
  const key = parsed.success ? (parsed.data.offerKey ?? parsed.data.key) : undefined;
  if (!parsed.success || key === undefined) {
    throw new AppError('validation', 'This card is out of date. Press Book on your due list for fresh times.');
  }
  const { [BOOKING_SLOT_FIELD]: chosen, offerKey: _offerKey, key: _key, ...offer } = parsed.data;
  return { key, ...offer, ...(chosen === undefined || chosen === '' ? {} : { start: chosen }) };
};
