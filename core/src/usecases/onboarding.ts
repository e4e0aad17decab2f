import type { TenantQuietHours } from '../domain/tenant-settings.ts';
import { isAppError } from '../errors.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { auditAdmin, entraRolesOf, requireAdmin } from './tenant-admin.ts';
import {
  getTenantSettings,
  NO_SETTINGS_ETAG,
  updateTenantSettings,
  type TenantAdminView,
  type TenantProfile,
} from './tenant-admin-settings.ts';

/** What an administrator chooses when bringing a new organisation in; the rest starts at the scheme's values. */
export interface OnboardingInput extends TenantProfile {
  readonly quietHours: TenantQuietHours;
  readonly checkinEveryWeeks: number;
}

export interface OnboardingStatus {
  /** 'new' while the product has never seen the caller's organisation. */
  readonly organisation: 'new' | 'set-up';
  /** The caller may set the organisation up (the Admin app role in their token). */
  readonly canOnboard: boolean;
  /** What to tell the caller, in a sentence. */
  readonly message: string;
}

const ASK_ADMIN =
  'Your organisation has not started using Performance Conversations yet. Once your Microsoft 365 administrator has set it up here, sign in again.';
const SET_UP =
  'Your organisation is new to Performance Conversations. Choose its scheme, its nation and when people hear from the app; your staff then come in from Microsoft Entra ID.';

/** Whether the caller's organisation is set up, and if not, whether they may set it up. Anyone signed in may ask. */
export const onboardingStatus = async (deps: UseCaseDeps, caller: Caller): Promise<OnboardingStatus> => {
  if ((await deps.repos.tenants.get(caller.tenantId)) !== undefined)
    return { organisation: 'set-up', canOnboard: false, message: '' };
  const admin = deps.admin !== undefined && entraRolesOf(caller.entra, {}).some((g) => g.role === 'admin');
  return { organisation: 'new', canOnboard: admin, message: admin ? SET_UP : ASK_ADMIN };
};

export interface OnboardingResult {
  /** False when the organisation was already set up (a second click, a retry, another administrator). */
  readonly created: boolean;
  readonly view: TenantAdminView;
}

/**
 * Sets a new organisation up: its profile and first settings version (the scheme's own values for
 * what the scheme leaves to it), audited. Idempotent: once the organisation exists, a repeat
 * creates nothing and answers with what is there; an attempt that stopped after storing the
 * settings is completed. The first directory sync is the administrator's next step ("sync now").
 */
export const onboardOrganisation = async (
  deps: UseCaseDeps,
  caller: Caller,
  input: OnboardingInput,
): Promise<OnboardingResult> => {
  const ctx = await requireAdmin(deps, caller);
  if (ctx.tenant !== undefined) return { created: false, view: await getTenantSettings(deps, caller) };
  const stored = await ctx.admin.settings.current(caller.tenantId);
  const { name, schemeId, nation, timeZone } = input;
  if (stored === undefined) {
    try {
      await updateTenantSettings(deps, caller, { ...input, roleGroups: {}, scheme: {} }, NO_SETTINGS_ETAG);
    } catch (error) {
      // Another click or administrator got there first: what they set up stands.
      if (isAppError(error) && error.code === 'conflict')
        return { created: false, view: await getTenantSettings(deps, caller) };
      throw error;
    }
  } else {
    await deps.repos.tenants.put({
      tenantId: caller.tenantId,
      name,
      schemeId,
      nation,
      timeZone,
      settings: stored.item,
    });
  }
  await auditAdmin(deps, caller, 'admin.settings', { type: 'onboarding', id: schemeId });
  return { created: true, view: await getTenantSettings(deps, caller) };
};
