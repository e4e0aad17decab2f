import { afterAll, describe, expect, it } from 'vitest';
import { checkCard, closeCardRenderer, MAX_CARD_BYTES } from '@pc/testing/support/adaptive-cards.ts';
import { isAppError } from '../errors.ts';
import { BOOKING_SLOT_FIELD, buildBookedCard, buildBookingSlotsCard, parseBookingChoice } from './booking-card.ts';

const offer = {
  key: 'card-key-1',
  employeeId: 'sam',
  type: 'regular' as const,
  minutes: 60,
  until: '2027-05-11T09:00:00.000Z',
};
const slots = [
  { start: '2027-05-11T13:00:00.000Z', end: '2027-05-11T14:00:00.000Z' },
  { start: '2027-05-12T08:30:00.000Z', end: '2027-05-12T09:30:00.000Z' },
];
const input = { label: 'Regular conversation', withName: 'Morgan Lee', slots, timeZone: 'Europe/London', offer };

const choiceSet = (card: ReturnType<typeof buildBookingSlotsCard>) =>
  card.body.find((e) => e.type === 'Input.ChoiceSet') as { choices: { title: string; value: string }[] } | undefined;

afterAll(closeCardRenderer);

describe('#19 the bot’s booking card', () => {
  it('renders in the real Adaptive Cards renderer, offer and booked alike, within the size limit', async () => {
    for (const [name, json] of [
      ['booking offer', buildBookingSlotsCard({ ...input, lines: ['Thank you for saying how you are doing.'] })],
      ['booked', buildBookedCard({ ...input, start: slots[0]?.start ?? '', conversationUrl: 'https://x/tab/#/book' })],
    ] as const) {
      const result = await checkCard(json, name);
      expect(result.issues, name).toEqual([]);
      expect(result.bytes).toBeLessThan(MAX_CARD_BYTES);
    }
  });

  it('offers each time in the reader’s zone, with the day, and names whom they meet', () => {
    const built = buildBookingSlotsCard(input);
    expect(choiceSet(built)?.choices).toEqual([
      { title: 'Tue 11 May, 14:00–15:00', value: '2027-05-11T13:00:00.000Z' },
      { title: 'Wed 12 May, 09:30–10:30', value: '2027-05-12T08:30:00.000Z' },
    ]);
    const inNewYork = buildBookingSlotsCard({ ...input, timeZone: 'America/New_York' });
    expect(choiceSet(inNewYork)?.choices[0]?.title).toBe('Tue 11 May, 09:00–10:00');
    expect(JSON.stringify(built)).toContain('Your Regular conversation with Morgan Lee');
  });

  it('sends the offer back with the chosen time, which reads back as the same booking choice', () => {
    const book = buildBookingSlotsCard(input).actions?.find((a) => a.type === 'Action.Execute');
    expect(book).toMatchObject({ verb: 'booking.book', title: 'Book' });
    const data = { ...(book?.type === 'Action.Execute' ? book.data : {}), [BOOKING_SLOT_FIELD]: slots[1]?.start };
    expect(parseBookingChoice(data)).toEqual({
      ...offer,
      offered: slots.map((s) => s.start),
      label: 'Regular conversation',
      withName: 'Morgan Lee',
      timeZone: 'Europe/London',
      start: slots[1]?.start,
    });
    // A field named `key` makes the Agents Playground drop the press; a card sent before the rename still books.
    expect(Object.keys(book?.type === 'Action.Execute' ? (book.data ?? {}) : {})).not.toContain('key');
    const { offerKey, ...sentBefore } = data as Record<string, unknown>;
    expect(parseBookingChoice({ ...sentBefore, key: offerKey }).key).toBe(offer.key);
  });

  it('refuses data from another card plainly, and with no free time offers the booking page instead', () => {
    const refused: unknown = (() => {
      try {
        return parseBookingChoice({ key: 'k', offered: 'everything' });
      } catch (error) {
        return error;
      }
    })();
    expect(isAppError(refused) && refused.code === 'validation' && refused.message).toContain('out of date');
    const empty = buildBookingSlotsCard({
      ...input,
      slots: [],
      explanation: 'Nothing free.',
      bookUrl: 'https://x/tab/#/book',
    });
    expect(choiceSet(empty)).toBeUndefined();
    expect(empty.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Choose other days in the app', url: 'https://x/tab/#/book' },
    ]);
  });

  it('says when it is booked, in the reader’s zone, and links to the conversation', () => {
    const done = buildBookedCard({
      label: 'Regular conversation',
      withName: 'Morgan Lee',
      start: '2027-05-12T08:30:00.000Z',
      timeZone: 'Europe/London',
      conversationUrl: 'https://x/tab/#/conversations/sam/c1',
    });
    expect(JSON.stringify(done)).toContain('Booked for 12 May, 09:30');
    expect(done.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open the conversation', url: 'https://x/tab/#/conversations/sam/c1' },
    ]);
  });
});
