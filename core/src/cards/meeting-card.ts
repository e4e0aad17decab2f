import { card, heading, text, type AdaptiveCard } from './elements.ts';
import { formatDate } from './format.ts';

export interface MeetingEndCardInput {
  readonly firstName: string;
  /** The conversation's type as the scheme names it, e.g. "Regular conversation". */
  readonly conversationTitle: string;
  readonly date: string;
  readonly otherName: string;
  /** The record in the tab; absent where no tab address is configured. */
  readonly recordUrl?: string;
}

/** After a booked conversation's Teams meeting ends: a prompt to each of the pair to record what they agreed. */
export const buildMeetingEndCard = (input: MeetingEndCardInput): AdaptiveCard =>
  card(
    [
      heading('Record what you agreed'),
      text(
        `Hi ${input.firstName}, your ${input.conversationTitle.toLowerCase()} with ${input.otherName} on ${formatDate(input.date)} has ended.`,
      ),
      text('While it is fresh, note the issues raised and the actions you agreed, then both agree the record.'),
    ],
    input.recordUrl === undefined ? [] : [{ type: 'Action.OpenUrl', title: 'Open the record', url: input.recordUrl }],
  );
