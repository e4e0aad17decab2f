/**
 * 004: staff without a PC of their own are booked by a coordinator and learn of it on paper. The
 * notice says what, when and with whom, in plain words, and whom to ask to change it.
 */
import { formatSlot } from './labels.ts';

export interface StaffNoticeInput {
  /** The member of staff's name. */
  readonly name: string;
  /** How the scheme names the conversation, e.g. "Regular conversation". */
  readonly label: string;
  readonly start: string;
  readonly end: string;
  /** The coordinator who booked it: whom to ask. */
  readonly coordinatorName: string;
  readonly online: boolean;
  /** The zone the notice is printed in; the reader's own by default. */
  readonly timeZone?: string;
}

export interface StaffNotice {
  readonly title: string;
  readonly lines: readonly string[];
}

export const staffNotice = (input: StaffNoticeInput): StaffNotice => ({
  title: `${input.name}: your ${input.label} is booked`,
  lines: [
    `When: ${formatSlot(input.start, input.end, input.timeZone)}.`,
    `With: your line manager${input.online ? ', as a Teams meeting in their calendar' : ''}. If you have no device to join from, ask ${input.coordinatorName} where to meet.`,
    'Before it: think about what has gone well, what could be better, and anything you would like to raise.',
    `To move or cancel it: ask ${input.coordinatorName}, who booked it.`,
  ],
});
