import {
  buildBookedCard,
  buildBookingSlotsCard,
  buildNoticeCard,
  parseBookingChoice,
  tabPageUrl,
} from '@pc/core/cards';
import type { AdaptiveCard } from '@pc/core/cards';
import { isAppError } from '@pc/core';
import { bookFromCard, offerCardSlots, type AgendaLink, type CardOffer } from '@pc/core/usecases';
import type { CardData } from './actions.ts';
import type { TeamsContext, TurnIdentity } from './turn.ts';

const bookingPage = (ctx: TeamsContext): string | undefined =>
  ctx.tabUrl === undefined ? undefined : tabPageUrl(ctx.tabUrl, 'book');

/** Where an invitation links: the conversation's page of the tab on the web, as Outlook is read outside Teams too. */
const conversationPage =
  (ctx: TeamsContext): AgendaLink =>
  (personId, conversationId) =>
    tabPageUrl({ webBase: ctx.tabUrl?.webBase ?? '' }, 'conversations', personId, conversationId);

/**
 * The Book button: the next times the person and their manager are both free, to book here. Where
 * no calendar is set up the booking page of the app is offered instead.
 */
export const offerBookingCard = async (
  ctx: TeamsContext,
  turn: TurnIdentity,
  extraLines: readonly string[],
): Promise<AdaptiveCard> => {
  const url = bookingPage(ctx);
  const inTheApp = (): AdaptiveCard =>
    buildNoticeCard(
      'Book your conversation',
      [
        'Open the booking page to pick a time when you are both free; it checks both calendars and sends the invitation.',
        ...extraLines,
      ],
      url === undefined ? undefined : [{ type: 'Action.OpenUrl', title: 'Book in the app', url }],
    );
  if (ctx.deps.calendarFor === undefined) return inTheApp();
  let offer: CardOffer;
  try {
    offer = await offerCardSlots(ctx.deps, turn);
  } catch (error) {
    // Without the app's calendar permission (or outside its access policy) the tab, signed in as the person, still books.
    if (!isAppError(error) || !['forbidden', 'unavailable'].includes(error.code)) throw error;
    ctx.logger.warn({ code: error.code }, 'calendars not readable from the bot; booking page offered');
    return inTheApp();
  }
  return buildBookingSlotsCard({
    label: offer.label,
    withName: offer.withName,
    slots: offer.slots,
    timeZone: offer.timeZone,
    lines: extraLines,
    offer: {
      key: offer.key,
      employeeId: offer.employeeId,
      type: offer.type,
      minutes: offer.durationMinutes,
      until: offer.until,
    },
    ...(offer.explanation === undefined ? {} : { explanation: offer.explanation }),
    ...(url === undefined ? {} : { bookUrl: url }),
  });
};

/** Book on the slots card: the one booking use case, keyed by the card, so a second press books nothing new. */
export const bookChosenSlot = async (ctx: TeamsContext, turn: TurnIdentity, data: CardData): Promise<AdaptiveCard> => {
  const choice = parseBookingChoice(data);
  const link = conversationPage(ctx);
  const { stored } = await bookFromCard(ctx.deps, turn, choice, link);
  const booking = stored.item.booking;
  ctx.logger.info({ conversationId: stored.item.id }, 'booked from the card');
  return buildBookedCard({
    label: choice.label,
    withName: choice.withName,
    start: booking?.start ?? choice.start ?? '',
    timeZone: choice.timeZone,
    ...(ctx.tabUrl === undefined
      ? {}
      : { conversationUrl: tabPageUrl(ctx.tabUrl, 'conversations', stored.item.employeeId, stored.item.id) }),
    ...(booking?.onlineMeetingUrl === undefined ? {} : { joinUrl: booking.onlineMeetingUrl }),
  });
};
