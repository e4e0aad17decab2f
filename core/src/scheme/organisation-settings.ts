import type { Tenant } from '../domain/people.ts';
import type { SchemeSettings, TeamThemesHeading } from '../domain/tenant-settings.ts';
import type { ConversationRule } from './cadence.ts';
import { getSchemePack } from './packs/index.ts';
import type { SchemePack } from './types.ts';

/** The Team Themes headings (000) as the form has them until an administrator words them otherwise. */
export const DEFAULT_TEAM_THEMES_TEMPLATE: readonly TeamThemesHeading[] = [
  { id: 'trainingNeeds', prompt: 'Training and development needs the team raised' },
  { id: 'systemNeeds', prompt: 'Systems and ways of working that get in the way' },
  { id: 'resourcingNeeds', prompt: 'Resourcing needs' },
  { id: 'otherThemes', prompt: 'Other themes' },
  { id: 'summary', prompt: 'Summary for your senior manager' },
];

/** The scheme's default agreed frequency, where the policy leaves it to local agreement. */
export const defaultRegularEveryWeeks = (pack: SchemePack): number | undefined => {
  for (const rule of pack.conversations) {
    if (rule.cadence.kind === 'agreed-frequency') return rule.cadence.defaultEveryWeeks;
  }
  return undefined;
};

const withFrequency = (rule: ConversationRule, weeks: number | undefined): ConversationRule =>
  weeks === undefined || rule.cadence.kind !== 'agreed-frequency'
    ? rule
    : { ...rule, cadence: { ...rule.cadence, defaultEveryWeeks: weeks, basis: 'organisation-choice' } };

/** Every heading, worded as the organisation set it; a heading it left out keeps the default prompt. */
const themesHeadings = (template: SchemeSettings['teamThemesTemplate']): TeamThemesHeading[] =>
  DEFAULT_TEAM_THEMES_TEMPLATE.map((h) => template?.find((t) => t.id === h.id && t.prompt.trim() !== '') ?? h);

/**
 * The scheme pack with what the organisation set over it: its current Big Picture questions, its
 * default frequency of regular conversations and the wording of its Team Themes headings. Every
 * reader of a tenant's pack (the engine, the agenda and cards, the tab's scheme) goes through
 * this, so an administrator's change holds everywhere at once.
 */
export const withSchemeSettings = (pack: SchemePack, settings: SchemeSettings | undefined): SchemePack => {
  const questions = settings?.bigPictureQuestions;
  return {
    ...pack,
    conversations: pack.conversations.map((rule) => withFrequency(rule, settings?.regularEveryWeeks)),
    ...(pack.bigPicture === undefined || questions === undefined || questions.length === 0
      ? {}
      : { bigPicture: { ...pack.bigPicture, questions: [...questions] } }),
    ...(pack.teamThemes === undefined
      ? {}
      : { teamThemes: { ...pack.teamThemes, headings: themesHeadings(settings?.teamThemesTemplate) } }),
  };
};

/** The tenant's scheme pack as the organisation has set it. */
export const tenantPack = (tenant: Tenant): SchemePack =>
  withSchemeSettings(getSchemePack(tenant.schemeId), tenant.settings?.scheme);

/** Years an archived leaver's records are kept while neither the policy nor the organisation sets a period. */
export const DEFAULT_RETENTION_KEEP_YEARS = 6;

/** How long a leaver's archived records are kept, and who set that. */
export interface RetentionPeriod {
  readonly keepYears: number;
  /** 'policy': the scheme pack's period; 'organisation': the tenant settings; 'default': neither set one. */
  readonly source: 'policy' | 'organisation' | 'default';
  /** The policy section (policy) or the settings version that holds the value (organisation). */
  readonly setIn?: string;
}

/** The policy's keeping period where it sets one, else the organisation's choice, else the default. */
export const retentionPeriodFor = (pack: SchemePack, settings: Tenant['settings']): RetentionPeriod => {
  const rule = pack.retention;
  if (rule?.keepYears !== undefined) return { keepYears: rule.keepYears, source: 'policy', setIn: rule.policyRef };
  const chosen = settings?.scheme.retentionKeepYears;
  return chosen === undefined || settings === undefined
    ? { keepYears: DEFAULT_RETENTION_KEEP_YEARS, source: 'default' }
    : { keepYears: chosen, source: 'organisation', setIn: `settings version ${String(settings.version)}` };
};

/** The tenant's keeping period for leavers' archived records (003 §6.1 sets none). */
export const retentionPeriodOf = (tenant: Tenant): RetentionPeriod =>
  retentionPeriodFor(getSchemePack(tenant.schemeId), tenant.settings);
