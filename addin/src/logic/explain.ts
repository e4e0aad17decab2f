import { EXISTING_BOOKING, isApiError } from '@pc/core/api';
import { OfficeCallError } from '../office/async.ts';

export type Situation = 'no-relationship' | 'no-slot' | 'throttled' | 'conflict' | 'signed-out' | 'invalid' | 'failed';

export interface Explanation {
  readonly situation: Situation;
  readonly message: string;
}

/** One plain-English sentence or two for every failure the pane can meet; the server's safe message is kept when useful. */
export const explain = (error: unknown, doing: string): Explanation => {
  if (error instanceof OfficeCallError) return { situation: 'failed', message: error.message };
  if (!isApiError(error))
    return { situation: 'failed', message: `Something went wrong while ${doing}. Please try again.` };
  switch (error.code) {
    case 'forbidden':
      return {
        situation: 'no-relationship',
        message:
          'You are not this person’s line manager or coordinator, so you cannot book their conversations. If that is wrong, ask HR to check the organisation chart.',
      };
    case 'throttled':
    case 'unavailable':
      return { situation: 'throttled', message: error.message };
    case 'conflict':
      return {
        situation: 'conflict',
        message: 'Someone changed this booking a moment ago. Reload it and try again.',
      };
    case 'unauthenticated':
      return {
        situation: 'signed-out',
        message: 'Your sign-in has expired. Close and reopen the add-in to sign in again.',
      };
    case 'validation': {
      // The id of a clashing booking is for the client, not words for a person.
      const first = error.details.find((d) => d.path !== EXISTING_BOOKING);
      return {
        situation: 'invalid',
        message: first === undefined ? error.message : `${error.message} ${first.message}`,
      };
    }
    default:
      return {
        situation: 'failed',
        message: `${error.message}${error.correlationId === undefined ? '' : ` (reference ${error.correlationId})`}`,
      };
  }
};

export const NO_REPORTS =
  'Nobody reports to you in the organisation chart, and you coordinate nobody’s bookings, so there is no one to book for. If that is wrong, ask HR to check the organisation chart.';

export const noSlotMessage = (from: string, to: string, serverExplanation: string | undefined): string =>
  `There is no time free in both calendars within working hours between ${from} and ${to}.${
    serverExplanation === undefined ? '' : ` ${serverExplanation}`
  } Try a wider range or a shorter meeting.`;
