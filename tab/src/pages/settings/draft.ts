import type { BodyOf, ResponseOf, Routes } from '@pc/core/api';

export type SettingsView = ResponseOf<Routes['me.settings.get']>;
export type SettingsBody = BodyOf<Routes['me.settings.put']>;
export type NudgeKind = keyof SettingsBody['nudges'];
export type CheckinCadence = SettingsView['checkinCadence'];

/** The choices, in the order shown; the organisation's default comes first. */
export const CADENCES: readonly CheckinCadence[] = ['organisation', 'weekly', 'fortnightly', 'monthly', 'never'];

const EVERY: Readonly<Record<number, string>> = { 1: 'every week', 2: 'every other week', 4: 'every four weeks' };

/** "Every other week" for the organisation's default of two weeks. */
export const everyWeeksText = (weeks: number): string => EVERY[weeks] ?? `every ${String(weeks)} weeks`;

export const cadenceLabel = (cadence: CheckinCadence, organisationWeeks: number): string => {
  switch (cadence) {
    case 'organisation':
      return `As my organisation sets it (${everyWeeksText(organisationWeeks)})`;
    case 'weekly':
      return 'Every week';
    case 'fortnightly':
      return 'Every other week (fortnightly)';
    case 'monthly':
      return 'Every four weeks (monthly)';
    case 'never':
      return 'Never: I will ask for one when I want it';
  }
};

export const NUDGE_LABELS: Readonly<Record<NudgeKind, { label: string; hint: string }>> = {
  preparation: {
    label: 'Preparation the day before a conversation',
    hint: 'What to think about beforehand, with the agenda so far.',
  },
  'note-told': {
    label: 'When someone logs a note about me',
    hint: 'Who wrote it and who can see it.',
  },
  digest: {
    label: 'The Friday digest of my team',
    hint: 'For managers: what is overdue or due soon, records waiting, appeal windows closing.',
  },
  deadline: {
    label: 'Approaching deadlines',
    hint: 'Probation meetings, induction, handovers, and the last days to appeal.',
  },
};

/** The form's state: times as typed, own quiet hours switched on or off. */
export interface SettingsDraft {
  readonly nudges: SettingsBody['nudges'];
  readonly channel: SettingsBody['channel'];
  readonly ownQuiet: boolean;
  readonly start: string;
  readonly end: string;
  readonly days: readonly number[];
  readonly namedAnswers: boolean;
  readonly cadence: CheckinCadence;
}

export const draftOf = (view: SettingsView): SettingsDraft => ({
  nudges: view.nudges,
  channel: view.channel,
  ownQuiet: view.quietHours !== null,
  start: view.quietHours?.start ?? '12:00',
  end: view.quietHours?.end ?? '13:00',
  days: view.quietHours?.days ?? [],
  namedAnswers: view.namedAnswers,
  cadence: view.checkinCadence,
});

export const bodyOf = (draft: SettingsDraft): SettingsBody => ({
  nudges: draft.nudges,
  channel: draft.channel,
  quietHours: draft.ownQuiet ? { start: draft.start, end: draft.end, days: [...draft.days] } : null,
  namedAnswers: draft.namedAnswers,
  checkinCadence: draft.cadence,
});

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** "18:00 to 08:00, and all day on Saturday and Sunday" */
export const quietHoursText = (quiet: SettingsView['organisationQuietHours']): string => {
  const days = (quiet.days ?? []).map((d) => WEEKDAYS[d - 1]).filter((d) => d !== undefined);
  const allDay =
    days.length === 0
      ? ''
      : `, and all day on ${days.length === 1 ? (days[0] ?? '') : `${days.slice(0, -1).join(', ')} and ${days.at(-1) ?? ''}`}`;
  return `${quiet.start} to ${quiet.end}${allDay}`;
};
