import type { IsoDateTime } from '../time/dates.ts';
import type { OrgRole, PersonId } from './people.ts';

/** Hours in which nobody is nudged, in the employer's time zone; days are ISO weekdays (1 = Monday). */
export interface TenantQuietHours {
  readonly start: string;
  readonly end: string;
  readonly days: readonly number[];
}

/** One heading of the Team Themes a manager sends their senior manager (000), with its prompt. */
export interface TeamThemesHeading {
  readonly id: 'trainingNeeds' | 'systemNeeds' | 'resourcingNeeds' | 'otherThemes' | 'summary';
  readonly prompt: string;
}

/**
 * What the policies leave to the organisation, with the scheme pack's own values until an
 * administrator changes them: the Big Picture questions (004: "updated by Secretariat Management
 * Group as the corporate strategy evolves"), the Team Themes template (000) and the default agreed
 * frequency of regular conversations until a pair agrees its own (000/001/003/004).
 */
export interface SchemeSettings {
  readonly bigPictureQuestions?: readonly { readonly id: string; readonly text: string }[];
  readonly teamThemesTemplate?: readonly TeamThemesHeading[];
  readonly regularEveryWeeks?: number;
  /** Years a leaver's archived records are kept, where the policy sets no period (003 §6.1 sets none). */
  readonly retentionKeepYears?: number;
}

/**
 * One version of a tenant's settings. Every change makes a new version: who made it, when, and
 * which fields it changed, so an administrator can see the history.
 */
export interface TenantSettings {
  readonly version: number;
  readonly updatedAt: IsoDateTime;
  readonly updatedBy: PersonId;
  readonly updatedByName: string;
  /** The fields this version changed from the one before. */
  readonly changed: readonly string[];
  readonly quietHours: TenantQuietHours;
  /** How often people get a check-in nudge, in weeks. */
  readonly checkinEveryWeeks: number;
  /** Entra security-group object ids whose members hold each role (besides the app roles). */
  readonly roleGroups: Readonly<Partial<Record<OrgRole, readonly string[]>>>;
  readonly scheme: SchemeSettings;
}
