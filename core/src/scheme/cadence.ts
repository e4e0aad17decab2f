import type { ConversationTypeId } from '../domain/conversations.ts';

/** A period measured from a date: weeks or calendar months (months clamp to month end). */
export type Offset = { readonly weeks: number } | { readonly months: number };

/**
 * Where a number in a cadence comes from: a section of the policy, or the organisation's own choice
 * where the policy sets none. Reason texts say which, so nobody mistakes a default for the policy.
 */
export type Basis = 'organisation-choice' | { readonly policyRef: string };

/**
 * When a conversation type is expected. Each kind is evaluated by one engine rule; the
 * numbers live here so an employer's rules can be read and changed without touching code.
 */
export type Cadence =
  /** Any time, informally; nothing is ever due (in the moment, team conversations). */
  | { readonly kind: 'informal' }
  /**
   * Rolling interval per pair: the pair's agreed frequency (the latest conversation record that sets
   * `agreedRegularEveryWeeks`, else Job.agreedRegularEveryWeeks) or the default.
   */
  | {
      readonly kind: 'agreed-frequency';
      readonly defaultEveryWeeks: number;
      readonly windowOpensDaysBefore: number;
      /** Where the default frequency comes from. */
      readonly basis: Basis;
    }
  /** At least every N months since the last conversation of this or any `countsAlso` type. */
  | {
      readonly kind: 'at-least-every';
      readonly months: number;
      readonly countsAlso: readonly ConversationTypeId[];
      readonly windowOpensDaysBefore: number;
    }
  /** Rolling 12-month review: first one a year after starting, then a year after the last. */
  | {
      readonly kind: 'rolling-annual';
      readonly firstAfterStart: Offset;
      readonly every: Offset;
      readonly windowOpensDaysBefore: number;
      /** Probation concludes before the first review (000). */
      readonly probationFirst: boolean;
      /** A review falling due during long leave is arranged after return (000). */
      readonly longLeave?: {
        readonly minDays: number;
        readonly arrangeWithinMonthsOfReturn: number;
        /** Where the length that counts as long leave comes from (000 names long-term sickness, maternity, adoption). */
        readonly minDaysBasis: Basis;
      };
      /** Where the timing (first after start, then every) comes from. */
      readonly basis: Basis;
    }
  /** Fixed windows in the calendar, e.g. April–May each year; months are 1–12. */
  | {
      readonly kind: 'calendar-windows';
      readonly windows: readonly { readonly fromMonth: number; readonly toMonth: number }[];
      /** Who is expected: staff employed before the window opens, or once some months have passed since starting. */
      readonly appliesFrom:
        { readonly kind: 'employed-before-window' } | { readonly kind: 'months-after-start'; readonly months: number };
    }
  /** Each anniversary of the incremental (pay-step) date, falling back to the start date (003). */
  | { readonly kind: 'anniversary'; readonly of: 'incremental-date'; readonly windowOpensMonthsBefore: number }
  /** Every N months in the months counted from the employee's start month (004 Big Picture). */
  | { readonly kind: 'every-n-months'; readonly months: number; readonly anchor: 'start-month' }
  /** Once in each calendar month, unless another type owns that month (004 Regular). */
  | {
      readonly kind: 'monthly';
      readonly suppressedInMonthsOf?: ConversationTypeId;
      /** The pair may agree to meet more often than monthly (004); their agreed frequency then applies. */
      readonly pairMayAgreeMoreOften?: boolean;
    }
  /** Fixed points after the start date while on probation (002 §5). */
  | {
      readonly kind: 'after-start';
      readonly offsets: readonly Offset[];
      readonly windowOpensDaysBefore: number;
      /**
       * A last meeting that settles the outcome when probation ends: at the probation end date on
       * record (an extension moves it), or this long after starting (002 §5: the first 6 months).
       */
      readonly outcome?: { readonly after: Offset; readonly basis: Basis };
    }
  /** On appointment to a job, new to the employer or to the department (003 §5.1). */
  | {
      readonly kind: 'on-appointment';
      readonly dueWithinDays: number;
      readonly lookbackMonths: number;
      /** Where the time allowed comes from. */
      readonly basis: Basis;
    }
  /** When a job's line manager changes, between the old and new manager (000). */
  | { readonly kind: 'on-manager-change'; readonly dueWithinDays: number; readonly basis: Basis };

export interface ConversationRule {
  readonly type: ConversationTypeId;
  /** The employer's own name for it, e.g. "VIP Summary Appraisal". */
  readonly label: string;
  readonly description: string;
  readonly cadence: Cadence;
  /** Policy file and section, e.g. "004 Big Picture". */
  readonly policyRef: string;
}
