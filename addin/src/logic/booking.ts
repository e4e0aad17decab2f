/** The task pane's use cases over the API client; no DOM here, so all of it runs under test. */
import type { z } from 'zod';
import { bulkBookingInput, type bookingResult, type bulkBookingResult, type slot, type teamMember } from '@pc/core/api';
import type { ApiClient, SchemeWording } from '@pc/core/api';
import type { Attendee } from '../office/item.ts';
import { searchRange, bookableChoices, type DueChoice } from './due.ts';
import { formatDate, formatSlot } from './labels.ts';

export type TeamMember = z.infer<typeof teamMember>;
export type Slot = z.infer<typeof slot>;
export type BookingResult = z.infer<typeof bookingResult>;
export type BulkResult = z.infer<typeof bulkBookingResult>;

export const loadTeam = async (api: ApiClient, on?: string): Promise<TeamMember[]> => {
  // The first 100 by name: the pane lists whom to book, and few managers have more reports.
  const team = await api.call('me.team', { query: { pageSize: 100, ...(on === undefined ? {} : { on }) } });
  return [...team.members].sort((a, b) => a.person.displayName.localeCompare(b.person.displayName, 'en-GB'));
};

/** What can be booked for a person, and the server's "today" that the search range starts from. */
export const loadChoices = async (
  api: ApiClient,
  personId: string,
  scheme: SchemeWording | null,
  on?: string,
): Promise<{ today: string; choices: DueChoice[] }> => {
  const report = await api.call('person.due', { params: { personId }, ...(on === undefined ? {} : { query: { on } }) });
  return { today: report.on, choices: bookableChoices(report, scheme) };
};

/** The report an Outlook draft is already addressed to, if exactly one of them is. */
export const reportInDraft = (
  members: readonly TeamMember[],
  attendees: readonly Attendee[],
): TeamMember | undefined => {
  const emails = new Set(attendees.map((a) => a.email.toLowerCase()));
  const found = members.filter((m) => emails.has(m.person.email.toLowerCase()));
  return found.length === 1 ? found[0] : undefined;
};

export interface Suggestions {
  readonly slots: readonly Slot[];
  readonly range: { readonly from: string; readonly to: string };
  readonly explanation: string | undefined;
}

export const suggestTimes = async (
  api: ApiClient,
  employeeId: string,
  choice: DueChoice,
  today: string,
  durationMinutes: number,
): Promise<Suggestions> => {
  const range = searchRange(choice, today);
  const result = await api.call('bookings.suggest', {
    body: { employeeId, type: choice.type, from: range.from, to: range.to, durationMinutes },
  });
  return { slots: result.slots, range, explanation: result.explanation };
};

export const slotLabel = (s: Pick<Slot, 'start' | 'end'>, timeZone?: string): string =>
  formatSlot(s.start, s.end, timeZone);
export const rangeLabel = (range: { from: string; to: string }): { from: string; to: string } => ({
  from: formatDate(range.from),
  to: formatDate(range.to),
});

/** Agenda lines typed by the organiser, one a line; blank lines dropped, at most 30 kept. */
export const agendaLines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .map((l) => l.slice(0, 500))
    .slice(0, 30);

/**
 * One Idempotency-Key per booking the person means. Pressing Book again after an error, for the
 * same person, type and time, repeats the same request, so the server books it once; choosing
 * something else, or a finished booking, starts a new one.
 */
export const bookingAttempts = (newKey: () => string = () => crypto.randomUUID()) => {
  let last: { readonly intent: string; readonly key: string } | undefined;
  return {
    keyFor(intent: unknown): string {
      const text = JSON.stringify(intent);
      if (last?.intent !== text) last = { intent: text, key: newKey() };
      return last.key;
    },
    done(): void {
      last = undefined;
    },
  };
};
export type BookingAttempts = ReturnType<typeof bookingAttempts>;

export const book = async (
  api: ApiClient,
  attempts: BookingAttempts,
  employeeId: string,
  choice: DueChoice,
  s: Pick<Slot, 'start' | 'end'>,
  agenda: readonly string[],
): Promise<BookingResult> => {
  const meant = { employeeId, type: choice.type, start: s.start, end: s.end, jobIds: [...choice.jobIds] };
  const booked = await api.call('bookings.create', {
    idempotencyKey: attempts.keyFor(meant),
    body: {
      employeeId,
      type: choice.type,
      start: s.start,
      end: s.end,
      agenda: [...agenda],
      ...(choice.jobIds.length > 0 ? { jobIds: [...choice.jobIds] } : {}),
    },
  });
  attempts.done();
  return booked;
};

export interface BulkForm {
  readonly employeeIds: readonly string[];
  readonly days: readonly string[];
  readonly dayStart: string;
  readonly dayEnd: string;
  readonly durationMinutes: number;
  readonly gapMinutes: number;
}

export type BulkCheck =
  | { readonly ok: true; readonly input: z.input<typeof bulkBookingInput> }
  | { readonly ok: false; readonly problems: readonly string[] };

/** Policy 004 dedicated days: the form is checked here so the user sees every problem at once. */
export const checkBulkForm = (form: BulkForm): BulkCheck => {
  const input = {
    type: 'big-picture' as const,
    employeeIds: [...form.employeeIds],
    days: [...new Set(form.days.filter((d) => d !== ''))].sort(),
    dayStart: form.dayStart,
    dayEnd: form.dayEnd,
    durationMinutes: form.durationMinutes,
    gapMinutes: form.gapMinutes,
  };
  const problems: string[] = [];
  const parsed = bulkBookingInput.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      problems.push(
        field === 'employeeIds'
          ? 'Choose at least one person (at most 60).'
          : field === 'days'
            ? 'Choose at least one day (at most 20).'
            : `${field}: ${issue.message}`,
      );
    }
  }
  if (input.dayStart >= input.dayEnd) problems.push('The day must end after it starts.');
  return problems.length === 0 ? { ok: true, input } : { ok: false, problems: [...new Set(problems)] };
};

export const bookRound = async (
  api: ApiClient,
  attempts: BookingAttempts,
  input: z.input<typeof bulkBookingInput>,
): Promise<BulkResult> => {
  const result = await api.call('bookings.bulk', { idempotencyKey: attempts.keyFor(input), body: input });
  attempts.done();
  return result;
};

export interface RoundLine {
  readonly name: string;
  readonly text: string;
}

export const summariseRound = (
  result: BulkResult,
  members: readonly TeamMember[],
  timeZone?: string,
): { booked: RoundLine[]; notBooked: RoundLine[] } => {
  const name = (id: string): string => members.find((m) => m.person.id === id)?.person.displayName ?? id;
  return {
    booked: [...result.booked]
      .sort((a, b) => a.start.localeCompare(b.start))
      .map((b) => ({ name: name(b.employeeId), text: formatSlot(b.start, b.end, timeZone) })),
    notBooked: result.notBooked.map((n) => ({ name: name(n.employeeId), text: n.reason })),
  };
};
