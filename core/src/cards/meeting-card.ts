import { bullets, card, heading, subheading, text, type AdaptiveCard } from './elements.ts';
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

export interface MeetingPrepCardInput {
  readonly firstName: string;
  readonly conversationTitle: string;
  readonly otherName: string;
  /** When it starts, already worded for the reader's time zone, e.g. "Tuesday 11 May at 10:00". */
  readonly when: string;
  readonly role: 'employee' | 'manager';
  /** The scheme's preparation prompts for this side. */
  readonly prompts: readonly string[];
  readonly agenda: readonly string[];
  readonly recordUrl?: string;
}

/** The day before a booked conversation: what to think about, and what is on the agenda so far. */
export const buildMeetingPrepCard = (input: MeetingPrepCardInput): AdaptiveCard =>
  card(
    [
      heading(`Tomorrow: ${input.conversationTitle.toLowerCase()} with ${input.otherName}`),
      text(`Hi ${input.firstName}, you meet ${input.when}. A few minutes now makes it a better conversation.`),
      subheading(input.role === 'employee' ? 'To prepare' : 'To prepare, as the manager'),
      bullets(input.prompts.slice(0, 8)),
      subheading('On the agenda so far'),
      input.agenda.length === 0 ? text('Nothing yet.', { isSubtle: true }) : bullets(input.agenda.slice(0, 12)),
    ],
    input.recordUrl === undefined
      ? []
      : [{ type: 'Action.OpenUrl', title: 'Open the conversation', url: input.recordUrl }],
  );
