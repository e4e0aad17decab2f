import type { FakeUser } from '../org.ts';
import type { Caller, DateTimeTimeZone, GraphReply } from './http.ts';
import { fromMillis, graphError, notFound, ok, toMillis } from './http.ts';
import type { GraphState } from './state.ts';

const MINUTE = 60_000;

const busyPeriods = (state: GraphState, user: FakeUser): { start: number; end: number; status: string }[] =>
  [...state.calendar(user.id).values()]
    .filter((e) => !e.isCancelled && e.showAs !== 'free')
    .map((e) => ({ start: toMillis(e.start), end: toMillis(e.end), status: e.showAs }));

/** What the calendar shows for [start, end): the first overlapping entry's showAs, else free. */
const availabilityOf = (state: GraphState, user: FakeUser | undefined, start: number, end: number): string =>
  user === undefined
    ? 'unknown'
    : (busyPeriods(state, user).find((p) => p.end > start && p.start < end)?.status ?? 'free');

const localParts = (ms: number, timeZone: string): { day: string; minutes: number } => {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '0';
  return { day: get('weekday').toLowerCase(), minutes: Number(get('hour')) * 60 + Number(get('minute')) };
};

const toMinutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
};

/** Whether [start, end) lies inside the person's working hours; people without them work any time. */
const withinWorkingHours = (user: FakeUser, start: number, end: number): boolean => {
  const hours = user.workingHours;
  if (hours === undefined) return true;
  const from = localParts(start, hours.timeZone);
  const to = localParts(end - MINUTE, hours.timeZone);
  return (
    from.day === to.day &&
    hours.daysOfWeek.includes(from.day) &&
    from.minutes >= toMinutes(hours.start) &&
    to.minutes + 1 <= toMinutes(hours.end)
  );
};

export interface FindMeetingTimesRequest {
  readonly attendees?: readonly { readonly emailAddress: { readonly address: string }; readonly type?: string }[];
  readonly timeConstraint?: {
    readonly activityDomain?: 'work' | 'personal' | 'unrestricted' | 'unknown';
    readonly timeSlots?: readonly { readonly start: DateTimeTimeZone; readonly end: DateTimeTimeZone }[];
  };
  readonly meetingDuration?: string;
  readonly maxCandidates?: number;
  readonly isOrganizerOptional?: boolean;
}

const durationMinutes = (iso: string | undefined): number => {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(iso ?? 'PT30M');
  return match === null ? 30 : Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
};

/**
 * Delegated only, like Graph: an app-only caller is refused. Like Graph it offers times inside
 * working hours (for activityDomain "work") whether or not people are busy, each with everyone's
 * availability and a confidence that falls with each busy person; it does not choose among them.
 */
export const findMeetingTimes = (state: GraphState, caller: Caller, body: FindMeetingTimesRequest): GraphReply => {
  if (!caller.delegated) {
    return graphError(403, 'ErrorAccessDenied', 'Access is denied. findMeetingTimes requires a delegated token.');
  }
  const organizer = state.user(caller.tenantId, caller.oid);
  if (organizer === undefined) return notFound(caller.oid);
  const attendees = (body.attendees ?? []).map((a) => ({
    request: a,
    user: state.user(caller.tenantId, a.emailAddress.address),
  }));
  const length = durationMinutes(body.meetingDuration) * MINUTE;
  const workOnly = (body.timeConstraint?.activityDomain ?? 'work') === 'work';
  const inHours = (t: number) =>
    !workOnly ||
    [...(body.isOrganizerOptional === true ? [] : [organizer]), ...attendees.flatMap((a) => a.user ?? [])].every((p) =>
      withinWorkingHours(p, t, t + length),
    );
  const suggestions: unknown[] = [];
  for (const slot of body.timeConstraint?.timeSlots ?? []) {
    for (let t = toMillis(slot.start); t + length <= toMillis(slot.end); t += 30 * MINUTE) {
      if (suggestions.length >= (body.maxCandidates ?? 20)) break;
      if (!inHours(t)) continue;
      const organizerAvailability = availabilityOf(state, organizer, t, t + length);
      const attendeeAvailability = attendees.map((a) => ({
        attendee: { type: a.request.type ?? 'required', emailAddress: a.request.emailAddress },
        availability: availabilityOf(state, a.user, t, t + length),
      }));
      const everyone = [
        ...(body.isOrganizerOptional === true ? [] : [organizerAvailability]),
        ...attendeeAvailability.map((a) => a.availability),
      ];
      suggestions.push({
        confidence: Math.round((100 * everyone.filter((a) => a === 'free').length) / everyone.length),
        organizerAvailability,
        attendeeAvailability,
        meetingTimeSlot: { start: fromMillis(t), end: fromMillis(t + length) },
      });
    }
  }
  return ok({
    emptySuggestionsReason: suggestions.length === 0 ? 'attendeesUnavailable' : '',
    meetingTimeSuggestions: suggestions,
  });
};
