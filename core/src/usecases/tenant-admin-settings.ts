import type { Nation, SchemeId, Tenant } from '../domain/people.ts';
import type { TenantSettings } from '../domain/tenant-settings.ts';
import { AppError } from '../errors.ts';
import type { Page, PageRequest } from '../ports/repositories.ts';
import { getSchemePack } from '../scheme/packs/index.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { DEFAULT_QUIET_HOURS } from './quiet-hours.ts';
import { auditAdmin, requireAdmin, type AdminContext } from './tenant-admin.ts';
import { DEFAULT_TEAM_THEMES_TEMPLATE, defaultRegularEveryWeeks } from '../scheme/organisation-settings.ts';

/** The organisation as onboarding sets it: name, scheme pack, nation (bank holidays), time zone. */
export interface TenantProfile {
  readonly name: string;
  readonly schemeId: SchemeId;
  readonly nation: Nation;
  readonly timeZone: string;
}

export type SettingsInput = TenantProfile &
  Omit<TenantSettings, 'version' | 'updatedAt' | 'updatedBy' | 'updatedByName' | 'changed'>;

export interface TenantAdminView {
  readonly tenant: (TenantProfile & { readonly tenantId: string }) | null;
  /** The current version, or the scheme's own values as version 0 before any change. */
  readonly settings: TenantSettings | null;
  /** Send it back in If-Match with the next change; NO_SETTINGS_ETAG before the first. */
  readonly etag: string;
  /** The scheme's defaults, to show beside the organisation's values. */
  readonly schemeDefaults: {
    readonly hasBigPicture: boolean;
    readonly regularEveryWeeks: number | null;
    /** The policy's keeping period for leavers' records; null where the organisation chooses one. */
    readonly retentionKeepYears: number | null;
  };
  /** Where a Global Administrator grants the app's permissions for the whole tenant. */
  readonly adminConsentUrl: string | null;
}

/** The If-Match of a tenant that has no stored settings yet (onboarding, or the scheme's values only). */
export const NO_SETTINGS_ETAG = '"scheme-defaults"';

/** The scheme's own values, as the version before any administrator's change. */
const schemeValues = (tenant: Tenant): TenantSettings => {
  const pack = getSchemePack(tenant.schemeId);
  const weeks = defaultRegularEveryWeeks(pack);
  return {
    version: 0,
    updatedAt: '1970-01-01T00:00:00.000Z',
    updatedBy: 'scheme',
    updatedByName: `${pack.employer} scheme pack`,
    changed: [],
    quietHours: {
      start: DEFAULT_QUIET_HOURS.start,
      end: DEFAULT_QUIET_HOURS.end,
      days: [...(DEFAULT_QUIET_HOURS.days ?? [])],
    },
    checkinEveryWeeks: 1,
    roleGroups: {},
    scheme: {
      ...(pack.bigPicture === undefined ? {} : { bigPictureQuestions: pack.bigPicture.questions }),
      teamThemesTemplate: DEFAULT_TEAM_THEMES_TEMPLATE,
      ...(weeks === undefined ? {} : { regularEveryWeeks: weeks }),
    },
  };
};

const consentUrl = (ctx: AdminContext, tenantId: string): string | null =>
  ctx.admin.clientId === undefined
    ? null
    : `${ctx.admin.authorityHost.replace(/\/+$/, '')}/${encodeURIComponent(tenantId)}/adminconsent?client_id=${encodeURIComponent(ctx.admin.clientId)}`;

const viewOf = (
  ctx: AdminContext,
  tenantId: string,
  tenant: Tenant | undefined,
  current: { item: TenantSettings; etag: string } | undefined,
): TenantAdminView => {
  const pack = tenant === undefined ? undefined : getSchemePack(tenant.schemeId);
  return {
    tenant:
      tenant === undefined
        ? null
        : { tenantId, name: tenant.name, schemeId: tenant.schemeId, nation: tenant.nation, timeZone: tenant.timeZone },
    settings: current?.item ?? (tenant === undefined ? null : schemeValues(tenant)),
    etag: current?.etag ?? NO_SETTINGS_ETAG,
    schemeDefaults: {
      hasBigPicture: pack?.bigPicture !== undefined,
      regularEveryWeeks: (pack === undefined ? undefined : defaultRegularEveryWeeks(pack)) ?? null,
      retentionKeepYears: pack?.retention?.keepYears ?? null,
    },
    adminConsentUrl: consentUrl(ctx, tenantId),
  };
};

/**
 * The tenant's settings as an administrator edits them. The tenant document carries a copy of the
 * current version for every reader of the scheme; a copy left behind by an interrupted change is
 * brought up to date here.
 */
export const getTenantSettings = async (deps: UseCaseDeps, caller: Caller): Promise<TenantAdminView> => {
  const ctx = await requireAdmin(deps, caller);
  const current = await ctx.admin.settings.current(caller.tenantId);
  const tenant = ctx.tenant;
  if (tenant !== undefined && current !== undefined && tenant.settings?.version !== current.item.version) {
    await deps.repos.tenants.put({ ...tenant, settings: current.item });
  }
  return viewOf(ctx, caller.tenantId, tenant, current);
};

const FIELDS = ['name', 'schemeId', 'nation', 'timeZone', 'quietHours', 'checkinEveryWeeks', 'roleGroups'] as const;
const SCHEME_FIELDS = ['bigPictureQuestions', 'teamThemesTemplate', 'regularEveryWeeks', 'retentionKeepYears'] as const;
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const changedFields = (
  before: Tenant | undefined,
  settings: TenantSettings | undefined,
  input: SettingsInput,
): string[] => {
  const old: Record<string, unknown> = { ...before, ...settings };
  const next: Record<string, unknown> = { ...input };
  const top = FIELDS.filter((f) => !same(old[f], next[f]));
  const scheme = SCHEME_FIELDS.filter((f) => !same(settings?.scheme[f], input.scheme[f])).map((f) => `scheme.${f}`);
  return [...top, ...scheme];
};

/**
 * Onboards the tenant or changes its settings: a new version naming who changed which fields,
 * when. `ifMatch` must be the version the administrator loaded; a change made meanwhile is a
 * conflict. Saving what is already there makes no new version.
 */
export const updateTenantSettings = async (
  deps: UseCaseDeps,
  caller: Caller,
  input: SettingsInput,
  ifMatch: string,
): Promise<TenantAdminView> => {
  const ctx = await requireAdmin(deps, caller);
  const current = await ctx.admin.settings.current(caller.tenantId);
  if ((current?.etag ?? NO_SETTINGS_ETAG) !== ifMatch) {
    throw new AppError('conflict', 'Someone changed these settings since you loaded them. Reload to see their change.');
  }
  const { name, schemeId, nation, timeZone, ...values } = input;
  // What the administrator leaves out keeps the scheme's own value, so every version is complete.
  const scheme = {
    ...schemeValues({ tenantId: caller.tenantId, name, schemeId, nation, timeZone }).scheme,
    ...input.scheme,
  };
  const base = current?.item ?? (ctx.tenant === undefined ? undefined : schemeValues(ctx.tenant));
  const changed = changedFields(ctx.tenant, base, { ...input, scheme });
  if (changed.length === 0 && current !== undefined) return viewOf(ctx, caller.tenantId, ctx.tenant, current);
  const next: TenantSettings = {
    ...values,
    scheme,
    version: (current?.item.version ?? 0) + 1,
    updatedAt: deps.clock.now(),
    updatedBy: ctx.actorId,
    updatedByName: ctx.actorName,
    changed,
  };
  const saved =
    current === undefined
      ? await ctx.admin.settings.create(caller.tenantId, next)
      : await ctx.admin.settings.update(caller.tenantId, next, current.etag);
  const tenant: Tenant = { tenantId: caller.tenantId, name, schemeId, nation, timeZone, settings: saved.item };
  await deps.repos.tenants.put(tenant);
  await auditAdmin(deps, caller, 'admin.settings', { type: 'tenant-settings', id: `v${String(saved.item.version)}` });
  return viewOf(ctx, caller.tenantId, tenant, saved);
};

/** Every version of the settings, newest first: who changed which fields, and when. */
export const tenantSettingsHistory = async (
  deps: UseCaseDeps,
  caller: Caller,
  page?: PageRequest,
): Promise<Page<TenantSettings>> => {
  const { admin } = await requireAdmin(deps, caller);
  return admin.settings.history(caller.tenantId, page);
};
