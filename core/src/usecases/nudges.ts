import type { DueCardItem } from '../cards/due-items.ts';

/** A person's choices about proactive check-ins. */
export interface NudgeSettings {
  /** No check-ins about optional conversations before this date. */
  readonly snoozedUntil?: string;
  /** No check-ins about optional conversations at all. */
  readonly optedOut: boolean;
}

export const SNOOZE_DAYS = 7;

/**
 * What a check-in should mention today. Snoozing and opting out silence
 * optional conversations only: required reviews are always mentioned.
 */
export const itemsToNudge = (items: readonly DueCardItem[], settings: NudgeSettings, today: string): DueCardItem[] => {
  const quiet = settings.optedOut || (settings.snoozedUntil !== undefined && today < settings.snoozedUntil);
  return items.filter((item) => item.status !== 'upcoming' && (item.required || !quiet));
};
