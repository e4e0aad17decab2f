import type { PersonId } from '../domain/people.ts';
import type { SchemePack } from '../scheme/types.ts';
import { addDays, addMonths, type IsoDate } from '../time/dates.ts';
import type { DueReport } from './types.ts';
import { basisNote, longDate, plural } from './words.ts';

/** Where a roll-up stands: waiting for others, due, overdue or sent. */
export interface RollUpDue {
  readonly status: 'waiting' | 'due' | 'overdue' | 'completed';
  /** Set once everything it waits for is done. */
  readonly dueDate?: IsoDate;
  readonly completedOn?: IsoDate;
  /** Who it is still waiting for: team members with a review outstanding, or managers yet to send themes. */
  readonly waitingFor: readonly PersonId[];
  readonly reason: string;
  readonly policyRef: string;
}

const rollUp = (
  spec: NonNullable<SchemePack['teamThemes']>,
  doneOn: readonly (readonly [PersonId, IsoDate | undefined])[],
  withinDays: number,
  sentOn: IsoDate | undefined,
  on: IsoDate,
  words: { readonly what: string; readonly waitingFor: string; readonly after: string },
): RollUpDue => {
  const waitingFor = doneOn.filter(([, d]) => d === undefined).map(([id]) => id);
  const { policyRef } = spec;
  if (doneOn.length === 0) return { status: 'waiting', waitingFor, policyRef, reason: `No ${words.after} yet.` };
  if (waitingFor.length > 0) {
    return {
      status: 'waiting',
      waitingFor,
      policyRef,
      reason: `${words.what} follow once ${words.after} are done; ${plural(waitingFor.length, words.waitingFor)} still to go.`,
    };
  }
  const lastDone =
    doneOn
      .map(([, d]) => d ?? '')
      .sort()
      .at(-1) ?? on;
  const dueDate = addDays(lastDone, withinDays);
  if (sentOn !== undefined && sentOn >= lastDone) {
    return {
      status: 'completed',
      dueDate,
      completedOn: sentOn,
      waitingFor,
      policyRef,
      reason: `${words.what} were sent on ${longDate(sentOn)}.`,
    };
  }
  return {
    status: on <= dueDate ? 'due' : 'overdue',
    dueDate,
    waitingFor,
    policyRef,
    reason: `${words.what} are due by ${longDate(dueDate)}${basisNote(plural(withinDays, 'day'), spec.basis)}, now that ${words.after} were all done by ${longDate(lastDone)}.`,
  };
};

/**
 * 000 Team Themes: once every team member's review with this manager is completed in the current
 * cycle, the manager sends the team's themes to their senior manager. `themesSentOn` is the last
 * time they did. Undefined when the scheme has no Team Themes.
 */
export const teamThemesDue = (input: {
  readonly pack: SchemePack;
  readonly managerId: PersonId;
  /** Due reports of the manager's team on `on`. */
  readonly team: readonly DueReport[];
  readonly themesSentOn?: IsoDate;
  readonly on: IsoDate;
}): RollUpDue | undefined => {
  const spec = input.pack.teamThemes;
  if (spec === undefined) return undefined;
  const doneOn = input.team.flatMap((report) => {
    const reviews = report.items.filter((i) => i.type === spec.after && i.withIds.includes(input.managerId));
    if (reviews.length === 0) return [];
    const open = reviews.some((i) => i.status !== 'completed');
    const last = reviews
      .map((i) => i.completedOn ?? '')
      .sort()
      .at(-1);
    return [[report.employeeId, open ? undefined : last] as const];
  });
  return rollUp(spec, doneOn, spec.dueWithinDays, input.themesSentOn, input.on, {
    what: 'Team Themes',
    waitingFor: 'review',
    after: "the team's reviews",
  });
};

/**
 * 000: the senior manager collates the Team Themes once every manager reporting to them has sent
 * theirs; and the service reviews them "annually", so a year after the last collation it is due
 * with whatever has been sent, even while some managers are still to send theirs.
 */
export const teamThemesCollationDue = (input: {
  readonly pack: SchemePack;
  /** Each manager's Team Themes, as `teamThemesDue` gives them. */
  readonly managers: readonly (readonly [PersonId, RollUpDue])[];
  readonly collatedOn?: IsoDate;
  readonly on: IsoDate;
}): RollUpDue | undefined => {
  const spec = input.pack.teamThemes;
  if (spec === undefined) return undefined;
  const doneOn = input.managers.map(
    ([id, due]) => [id, due.status === 'completed' ? due.completedOn : undefined] as const,
  );
  const once = rollUp(spec, doneOn, spec.collateWithinDays, input.collatedOn, input.on, {
    what: 'The collated Team Themes',
    waitingFor: 'manager',
    after: "the managers' Team Themes",
  });
  const annual = spec.collateAnnually;
  if (annual === undefined || input.collatedOn === undefined || once.status === 'completed') return once;
  const yearOn = addMonths(input.collatedOn, 12);
  if (once.dueDate !== undefined && once.dueDate <= yearOn) return once;
  const note = `The annual collation of Team Themes is due by ${longDate(yearOn)}, a year after the last on ${longDate(input.collatedOn)}${basisNote('annually', annual.basis)}`;
  const opens = addDays(yearOn, -spec.collateWithinDays);
  const still =
    once.waitingFor.length === 0 ? '' : `; ${plural(once.waitingFor.length, 'manager')} still to send theirs`;
  if (input.on < opens) return { ...once, dueDate: yearOn, reason: `${once.reason} ${note}.` };
  return {
    ...once,
    status: input.on <= yearOn ? 'due' : 'overdue',
    dueDate: yearOn,
    reason: `${note}, with the Team Themes sent so far${still}.`,
  };
};
