import { SCHEME_IDS, type SchemeId, type Tenant } from '../domain/people.ts';
import type { Cadence, SchemePack, StaffGroupRule } from '../scheme/types.ts';
import { tenantPack, withSchemeSettings } from '../scheme/organisation-settings.ts';
import { getSchemePack } from '../scheme/packs/index.ts';
import type { RuleContext } from './context.ts';
import { jobGroups } from './groups.ts';
import { anniversary } from './rules/anniversary.ts';
import { calendarWindows } from './rules/calendar-windows.ts';
import { deferralPlanReviews } from './rules/deferral.ts';
import { afterStart, onAppointment, onManagerChange } from './rules/events.ts';
import { everyNMonths, monthly } from './rules/monthly.ts';
import { agreedFrequency, atLeastEvery } from './rules/regular.ts';
import { rollingAnnual } from './rules/rolling-annual.ts';
import type { DueInput, DueItem, DueReport } from './types.ts';

const evaluate = (ctx: RuleContext, cadence: Cadence): DueItem[] => {
  switch (cadence.kind) {
    case 'informal':
      return [];
    case 'agreed-frequency':
      return agreedFrequency(ctx, cadence);
    case 'at-least-every':
      return atLeastEvery(ctx, cadence);
    case 'rolling-annual':
      return rollingAnnual(ctx, cadence);
    case 'calendar-windows':
      return calendarWindows(ctx, cadence);
    case 'anniversary':
      return anniversary(ctx, cadence);
    case 'every-n-months':
      return everyNMonths(ctx, cadence);
    case 'monthly':
      return monthly(ctx, cadence);
    case 'after-start':
      return afterStart(ctx, cadence);
    case 'on-appointment':
      return onAppointment(ctx, cadence);
    case 'on-manager-change':
      return onManagerChange(ctx, cadence);
  }
};

/**
 * Yearly reviews follow the person, not the job (000 Appendix 1 Internal Transfers, 003 §2.5), and so do
 * the financial-year windows (002): a record made in a job the person has since left still counts.
 * Conversations a pair holds at their own rhythm stay with the pair.
 */
const FOLLOWS_PERSON: ReadonlySet<Cadence['kind']> = new Set(['rolling-annual', 'anniversary', 'calendar-windows']);

/** A group with its own arrangements (002 §6 Management Board) still has its conversations; the reason says how they differ. */
const withArrangements = (items: DueItem[], rules: readonly StaffGroupRule[]): DueItem[] =>
  rules.length === 0
    ? items
    : items.map((item) => {
        const notes = rules.filter((r) => r.appliesTo?.includes(item.type) === true).map((r) => r.note);
        return notes.length === 0 ? item : { ...item, reason: [item.reason, ...notes].join(' ') };
      });

/** Each scheme's pack as an organisation that has set nothing over it sees it: made once, not once per person. */
const PACKS_AS_SHIPPED: ReadonlyMap<SchemeId, SchemePack> = new Map(
  SCHEME_IDS.map((id) => [id, withSchemeSettings(getSchemePack(id), undefined)]),
);

const packOf = (tenant: Tenant): SchemePack =>
  (tenant.settings?.scheme === undefined ? PACKS_AS_SHIPPED.get(tenant.schemeId) : undefined) ?? tenantPack(tenant);

const byDueThenType = (a: DueItem, b: DueItem): number =>
  a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.type < b.type ? -1 : a.type > b.type ? 1 : 0;

/**
 * What conversations an employee owes under their employer's scheme on a given day. Pure: the
 * same input always gives the same report, and "today" is an argument. Jobs that share a line
 * manager are covered together; each other manager gets items of their own (000 dual roles).
 */
export const dueConversations = (input: DueInput): DueReport => {
  const { tenant, employee, history, on } = input;
  // The organisation's settings over its pack (e.g. the default regular-conversation frequency).
  const pack = input.pack ?? packOf(tenant);
  const report = { employeeId: employee.id, schemeId: pack.id, on };
  const employed = employee.startDate <= on && (employee.leftOn === undefined || employee.leftOn > on);
  if (!employed) return { ...report, items: [] };
  const groupRules = (pack.staffGroups ?? []).filter((g) => employee.staffGroups?.includes(g.group) === true);
  const exclusion = groupRules.find((g) => g.treatment === 'excluded');
  if (exclusion !== undefined) {
    return { ...report, items: [], excluded: { reason: exclusion.note, policyRef: exclusion.policyRef } };
  }
  const mine = history.filter((r) => r.employeeId === employee.id && r.tenantId === tenant.tenantId);
  const groups = jobGroups(employee, on);
  const heldJobIds = new Set(groups.flatMap((g) => g.jobIds));
  const items: DueItem[] = [];
  for (const group of groups) {
    for (const rule of pack.conversations) {
      const scope = FOLLOWS_PERSON.has(rule.cadence.kind) ? { group, heldJobIds } : { group };
      const ctx = { pack, rule, employee, group, scope, history: mine, on, timeZone: tenant.timeZone };
      items.push(...evaluate(ctx, rule.cadence));
    }
    items.push(...deferralPlanReviews(pack, { employee, history: mine, on }, group));
  }
  return { ...report, items: withArrangements(items, groupRules).sort(byDueThenType) };
};
