import type { ConversationTypeId } from '../domain/conversations.ts';
import type { MeasureKind } from '../domain/objectives.ts';
import type { SchemeId, StaffGroup } from '../domain/people.ts';
import type { TeamThemesHeading } from '../domain/tenant-settings.ts';
import type { Basis, ConversationRule } from './cadence.ts';

export type { Offset, Basis, Cadence, ConversationRule } from './cadence.ts';

/** A conversation topic or area, with strengths-first starters (shape matches the starter card). */
export interface Topic {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly strengthsPrompt: string;
  readonly openQuestions: readonly string[];
  readonly probingQuestions: readonly string[];
}

export interface ReviewSection {
  readonly id: string;
  readonly title: string;
  readonly guidance: string;
  /** Share of the conversation's time, in percent (002: Retro 20, Future 80). */
  readonly timeSharePercent?: number;
  readonly parts?: readonly { readonly id: string; readonly title: string }[];
}

export interface AnnualReviewSpec {
  readonly title: string;
  /** The colleague drives the review and prepares beforehand (001, 002, 003). */
  readonly employeeDriven: boolean;
  readonly sections: readonly ReviewSection[];
}

export interface ObjectiveKind {
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

export type ObjectiveRecordingTrigger = 'probation' | 'acting-up';

export interface ObjectiveRecording {
  /** 'expected': objectives are always recorded; 'optional': the manager decides (004). */
  readonly mode: 'expected' | 'optional';
  readonly decidedBy: 'manager' | 'pair';
  /** Circumstances in which recording stops being optional. */
  readonly requiredWhen: readonly ObjectiveRecordingTrigger[];
  readonly note: string;
}

export type SmartLetter = 'specific' | 'measurable' | 'achievable' | 'relevant' | 'timeBound';

export interface MeasureSpec {
  readonly kind: MeasureKind;
  readonly title: string;
  readonly prompt: string;
}

export interface RatingOption {
  readonly value: string;
  readonly label: string;
  readonly description: string;
  readonly increment: boolean;
  /** How performance fell short must be recorded (002 rating 3). */
  readonly requiresShortfall: boolean;
}

export interface RatingScale {
  /** 'manager' recommends (002); 'agreed' by colleague and supervisor together (003). */
  readonly setBy: 'manager' | 'agreed';
  readonly options: readonly RatingOption[];
  readonly bonus?: { readonly percentOfGradeRate: number; readonly eligibleRatings: readonly string[] };
  /** Recommendations stay hidden from the employee until this step completes (002 Step 3). */
  readonly hiddenFromEmployeeUntil?: 'step-3-review';
  readonly checkedBy?: 'grandparent';
}

export type Period =
  | { readonly amount: number; readonly unit: 'working-days' }
  | { readonly amount: number; readonly unit: 'calendar-days' };

export interface AppealRules {
  /** Who receives the appeal in writing. */
  readonly lodgeWith: 'grandparent' | 'next-in-line-manager';
  readonly lodgeWithin: Period;
  /** The date the lodging window runs from. */
  readonly lodgeFrom: 'notification' | 'conversation';
  readonly acknowledgeWithin?: Period;
  readonly heardBy: 'grandparents-manager' | 'next-in-line-manager';
  /** Who must attend the hearing besides the parties. */
  readonly present: string;
  readonly decisionWithin?: Period;
  readonly lodgeableByRepresentative: boolean;
  readonly grounds: readonly string[];
  readonly final: boolean;
  readonly policyRef: string;
  /**
   * The timescales may be varied by mutual consent, e.g. while the hearing manager investigates
   * further; the extension is communicated to the individual and any representative (002).
   */
  readonly variableByMutualConsent?: {
    readonly communicatedTo: 'individual-and-representative';
    readonly policyRef: string;
  };
}

export interface ValueSpec {
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

export interface JobFamily {
  readonly id: string;
  readonly title: string;
  readonly definition: string;
  readonly typicalRoles: string;
}

export interface BigPictureQuestions {
  /** Who keeps the set up to date as the corporate strategy changes. */
  readonly owner: string;
  readonly questions: readonly { readonly id: string; readonly text: string }[];
}

/** How a scheme treats a staff group its policy names. */
export interface StaffGroupRule {
  readonly group: StaffGroup;
  /**
   * 'excluded': the scheme does not apply and nothing is scheduled (003 §2.3);
   * 'separate-arrangements': conversations are scheduled, with the group's own arrangement noted (002 §6).
   */
  readonly treatment: 'excluded' | 'separate-arrangements';
  /** One en-GB sentence shown to the person, e.g. "Medical and dental colleagues are outside this policy." */
  readonly note: string;
  /** The conversation types the note belongs to (separate arrangements only). */
  readonly appliesTo?: readonly ConversationTypeId[];
  readonly policyRef: string;
}

/**
 * How a pair's frequency of regular conversations is settled. 'pair': it takes effect once both have
 * agreed the record that sets it (001, 003 §5.1, 004); 'manager': the line manager arranges it
 * locally (000), so it takes effect from the conversation in which the manager set it.
 */
export interface RegularFrequency {
  readonly decidedBy: 'pair' | 'manager';
  /** The frequencies, in weeks, a record may set; 004 only lets the pair meet more often than monthly. */
  readonly choicesInWeeks: readonly number[];
  readonly policyRef: string;
  /**
   * 004 Regular: "Someone new to their job will need more frequent performance conversations". While
   * a job is this new and nothing is agreed, the reason text suggests agreeing to meet more often.
   */
  readonly newToJob?: { readonly withinMonths: number; readonly basis: Basis };
}

export interface SchemePack {
  readonly id: SchemeId;
  readonly employer: string;
  readonly schemeName: string;
  /** Policy file number, e.g. "002". */
  readonly policy: string;
  readonly conversations: readonly ConversationRule[];
  readonly topics: readonly Topic[];
  readonly topicsPerConversation: { readonly min: number; readonly max: number };
  /** Conversations open on what is going well (000). */
  readonly strengthsFirst: boolean;
  /** Absent when the scheme has no annual review (004). */
  readonly annualReview?: AnnualReviewSpec;
  readonly objectiveKinds: readonly ObjectiveKind[];
  readonly objectiveRecording: ObjectiveRecording;
  readonly smartPrompts: Readonly<Record<SmartLetter, string>>;
  readonly measures: readonly MeasureSpec[];
  readonly ratingScale?: RatingScale;
  readonly appeal?: AppealRules;
  readonly values: readonly ValueSpec[];
  readonly behaviourFramework?: { readonly title: string; readonly themes: readonly ValueSpec[] };
  readonly jobFamilies: readonly JobFamily[];
  readonly questionBank: { readonly open: readonly string[]; readonly probing: readonly string[] };
  readonly bigPicture?: BigPictureQuestions;
  readonly preparation: { readonly employee: readonly string[]; readonly manager: readonly string[] };
  /** Policy 004: at the very least, issues raised and actions agreed are recorded. */
  readonly minimumRecord: readonly ('issues-raised' | 'actions-agreed')[];
  /** Capability concerns leave the conversation tooling for the employer's procedure. */
  readonly capabilityReferral: string;
  /** Staff groups the policy excludes or treats apart. */
  readonly staffGroups?: readonly StaffGroupRule[];
  /** Who settles how often regular conversations are held (000, 001, 003, 004); absent where the policy fixes it (002). */
  readonly regularFrequency?: RegularFrequency;
  /**
   * Reviews of a pay-step deferral plan on the dates the pair agreed, held as conversations of this
   * type (003 §5.8: "a plan ... for any supportive action needed, including timescales").
   */
  readonly deferralPlanReviews?: {
    readonly heldAs: ConversationTypeId;
    /** Each review shows as due this many days before its agreed date (a supervision since the last one covers it). */
    readonly windowOpensDaysBefore: number;
    readonly basis: Basis;
    readonly policyRef: string;
  };
  /**
   * Team Themes (000): once all of a manager's team reviews of type `after` are done, the manager
   * sends the team's themes to their senior manager within `dueWithinDays`; once every manager has,
   * the senior manager collates them within `collateWithinDays`.
   */
  readonly teamThemes?: {
    readonly after: ConversationTypeId;
    readonly dueWithinDays: number;
    readonly collateWithinDays: number;
    readonly basis: Basis;
    /** The service reviews the collated themes at least once a year (000 "annually"), whoever is still to send theirs. */
    readonly collateAnnually?: { readonly basis: Basis };
    readonly policyRef: string;
    /** The headings a manager fills in, with the organisation's wording (set over the pack, never in it). */
    readonly headings?: readonly TeamThemesHeading[];
  };
  /** What the policy says about a leaver's records; absent where it says nothing (000, 001, 002, 004). */
  readonly retention?: RetentionRule;
}

/**
 * A leaver's records under the policy (003 §6.1: kept while the colleague is employed, then sent
 * to People Services for filing and archiving). `keepYears` only where the policy sets a keeping
 * period; otherwise the organisation chooses one in its settings.
 */
export interface RetentionRule {
  /** One en-GB sentence in the policy's words. */
  readonly rule: string;
  /** Who receives the records when the colleague leaves, e.g. "People Services". */
  readonly archivedTo: string;
  readonly keepYears?: number;
  readonly policyRef: string;
}
