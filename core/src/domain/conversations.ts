import type { IsoDate, IsoDateTime } from '../time/dates.ts';
import type { PersonId, TenantId } from './people.ts';

export const CONVERSATION_TYPES = [
  'in-the-moment',
  'regular',
  'big-picture',
  'progress-record',
  'annual-review',
  'induction',
  'probation-review',
  'handover',
  'team',
] as const;
export type ConversationTypeId = (typeof CONVERSATION_TYPES)[number];

/** booked → held → agreed; cancelled at any point before agreed. */
export type ConversationStatus = 'booked' | 'held' | 'agreed' | 'cancelled';

export interface ActionItem {
  readonly id: string;
  readonly text: string;
  readonly owner: 'employee' | 'manager' | 'both';
  readonly dueDate?: IsoDate;
  readonly done: boolean;
}

/** Something to talk about next time: a carried-over action, a feedback note, a prompt. */
export interface AgendaItem {
  readonly id: string;
  readonly text: string;
  readonly source: 'carried-over' | 'feedback' | 'employee' | 'manager' | 'scheme';
  readonly sourceId?: string;
}

export interface Agreement {
  readonly employeeAgreedAt?: IsoDateTime;
  readonly managerAgreedAt?: IsoDateTime;
}

/** Policy 004: the colleague may note disagreement on a disagreement form. */
export interface Disagreement {
  readonly recordedAt: IsoDateTime;
  readonly text: string;
}

export interface Rating {
  /** A value of the scheme pack's rating scale. */
  readonly value: string;
  /** Bexley rating 3: how performance fell short must be recorded (002). */
  readonly shortfall?: string;
  /** Bexley: 5% bonus recommended for exceptional performance (002). */
  readonly bonusRecommended?: boolean;
  /** Bexley: recommendations stay hidden from the employee until Step 3 review is complete. */
  readonly releasedToEmployeeAt?: IsoDateTime;
  /** Bexley: the grandparent's consistency check; a new rating from the manager clears it (002). */
  readonly review?: RatingReview;
}

/** 002: the grandparent agreed the recommendation (Step 3 complete) or returned it to the manager. */
export interface RatingReview {
  readonly outcome: 'agreed' | 'returned';
  readonly by: PersonId;
  readonly at: IsoDateTime;
  /** Why it was returned, for the manager. */
  readonly note?: string;
}

export interface Appeal {
  readonly lodgedOn: IsoDate;
  readonly lodgedBy: PersonId;
  /** True when a trade union representative lodged it on the employee's behalf (002). */
  readonly lodgedByRepresentative: boolean;
  /**
   * Only on records lodged before appeals became cases of their own: the grounds now live on the
   * appeal case, read by the appellant, the hearer and HR, not by the pair's manager.
   */
  readonly grounds?: string;
  /** Who hears it (002: grandparent's manager; 003: next-in-line manager). */
  readonly hearerId?: PersonId;
  readonly acknowledgeBy?: IsoDate;
  readonly hearingOn?: IsoDate;
  readonly decisionDueBy?: IsoDate;
  readonly decision?: { readonly on: IsoDate; readonly outcome: 'upheld' | 'not-upheld'; readonly text: string };
}

export interface Booking {
  readonly bookedBy: PersonId;
  readonly start: IsoDateTime;
  readonly end: IsoDateTime;
  /** Calendar event id per attendee mailbox. */
  readonly eventIds: Readonly<Record<PersonId, string>>;
  readonly onlineMeetingUrl?: string;
  /**
   * A calendar step not yet known to be done: the record is written first, then the calendar,
   * then this is cleared, so a retry of the same request finishes the step (issue #17.7).
   */
  readonly pending?: 'invitations' | 'cancellation';
  /** Who of the pair declined the invitation in Outlook (the organiser's calendar says so). */
  readonly declinedBy?: readonly PersonId[];
  /** The last change someone made in Outlook itself, which the record followed. */
  readonly changedInCalendar?: { readonly kind: 'moved' | 'cancelled' | 'declined'; readonly at: IsoDateTime };
  /** One meeting of a recurring series of Regular conversations, booked as one Outlook series. */
  readonly series?: BookingSeries;
}

export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';

/** How a series repeats, in Outlook's terms: every N weeks on a weekday, or the n-th weekday of each month. */
export interface RecurrencePattern {
  readonly type: 'weekly' | 'relativeMonthly';
  readonly interval: number;
  readonly dayOfWeek: Weekday;
  /** For `relativeMonthly`: which of the month's such weekdays. */
  readonly index?: 'first' | 'second' | 'third' | 'fourth' | 'last';
}

/**
 * What every record of a series holds, so any one of them can make the series again with the same
 * key (a retry or the booking sweep): the calendar's series is keyed by `id`, starts on `firstDate`
 * at `time` in the employer's zone and repeats by `pattern` until `until`; the meetings the
 * records do not hold are removed from it.
 */
export interface BookingSeries {
  readonly id: string;
  readonly firstDate: IsoDate;
  /** `HH:MM`, in the employer's zone. */
  readonly time: string;
  readonly pattern: RecurrencePattern;
  readonly until: IsoDate;
  /** The series' own event id in the organiser's calendar, once made. */
  readonly eventId?: string;
}

export interface ConversationRecord {
  readonly tenantId: TenantId;
  readonly id: string;
  readonly employeeId: PersonId;
  readonly managerIds: readonly PersonId[];
  /** Completion is recorded against every job listed (policy 000 dual roles). */
  readonly jobIds: readonly string[];
  readonly type: ConversationTypeId;
  readonly status: ConversationStatus;
  /** The date it happened (held/agreed) or is booked for. */
  readonly date: IsoDate;
  readonly booking?: Booking;
  /** Topic or area ids from the scheme pack (000: one or two per conversation). */
  readonly topics: readonly string[];
  /** Annual-review section text keyed by the scheme pack's section id. */
  readonly sections: Readonly<Record<string, string>>;
  /** Confidential to the pair (003 §6). */
  readonly notes: string;
  /** Policy 004 minimum record: issues raised and actions agreed. */
  readonly issuesRaised: readonly string[];
  readonly actionsAgreed: readonly ActionItem[];
  readonly agenda: readonly AgendaItem[];
  readonly agreement: Agreement;
  readonly disagreement?: Disagreement;
  readonly rating?: Rating;
  readonly appeal?: Appeal;
  /** After long leave the annual review looks forward more than back (000). */
  readonly forwardLooking?: boolean;
  /**
   * How often the pair agreed to hold regular conversations from now on, in weeks, when this
   * conversation settled it (003 §5.1 induction; 000, 001 local agreement; 004 more often for
   * someone new to the job). The latest held or agreed record that sets it wins over the job's.
   */
  readonly agreedRegularEveryWeeks?: number;
  readonly createdAt: IsoDateTime;
  readonly updatedAt: IsoDateTime;
  /** Who made the latest change, so a conflict can say who changed the record. */
  readonly updatedBy?: PersonId;
}
