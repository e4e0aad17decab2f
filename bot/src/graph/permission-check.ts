import { isAppError } from '@pc/core';
import { decodeJwt } from 'jose';
import type { GraphTokenSource } from './token-source.ts';

/**
 * The Microsoft Graph permissions the app is granted, as an administrator names them. Delegated
 * ones are used on behalf of the signed-in person (their own calendar, times free for the pair);
 * the application ones only where nobody is signed in for the mailbox: a coordinator booking for
 * a pair (004), limited by an Exchange application access policy, and the directory sync.
 */
export const DELEGATED_PERMISSIONS = ['User.Read', 'Calendars.ReadWrite', 'Calendars.Read.Shared'] as const;

export const APPLICATION_PERMISSIONS = [
  { permission: 'Calendars.ReadWrite', usedFor: 'coordinator bookings for staff without a PC (004)' },
  { permission: 'User.Read.All', usedFor: 'the directory sync' },
  { permission: 'Application.Read.All', usedFor: "the directory sync reading who holds the app's roles in Entra" },
  { permission: 'TeamsActivity.Send', usedFor: 'nudges to the Teams activity feed, for those who choose it' },
] as const;

export type ApplicationPermission = (typeof APPLICATION_PERMISSIONS)[number]['permission'];

export interface PermissionReport {
  readonly tenantId: string;
  /** Application permissions in the app token's `roles` claim that the product uses. */
  readonly granted: readonly ApplicationPermission[];
  readonly missing: readonly ApplicationPermission[];
}

interface PermissionLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

/** The `roles` claim of an app-only token Entra has just issued; read, not verified (Graph verifies it). */
export const rolesOf = (accessToken: string): readonly string[] => {
  const { roles } = decodeJwt(accessToken);
  return Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [];
};

const reportOf = (tenantId: string, roles: readonly string[]): PermissionReport => {
  const wanted = APPLICATION_PERMISSIONS.map((p) => p.permission);
  return {
    tenantId,
    granted: wanted.filter((p) => roles.includes(p)),
    missing: wanted.filter((p) => !roles.includes(p)),
  };
};

/** One line an administrator can act on: what is missing and what it is needed for. */
const describeMissing = (report: PermissionReport): string =>
  report.missing
    .map(
      (name) =>
        `${name} (application, for ${APPLICATION_PERMISSIONS.find((p) => p.permission === name)?.usedFor ?? ''})`,
    )
    .join('; ');

/**
 * At start-up in production: gets an app-only token per tenant and logs, in one line each, which
 * Graph application permissions are missing. Delegated permissions cannot be seen this way: they
 * are checked on first use, where a missing consent becomes a 403 naming the permission. Never
 * throws: the server runs without these, and the features that need them say so when used.
 */
export const checkGraphPermissions = async (
  tokens: Pick<GraphTokenSource, 'appToken'>,
  tenantIds: readonly string[],
  log: PermissionLog,
): Promise<PermissionReport[]> => {
  const reports: PermissionReport[] = [];
  for (const tenantId of tenantIds) {
    let roles: readonly string[];
    try {
      roles = rolesOf(await tokens.appToken(tenantId));
    } catch (error) {
      log.warn(
        { tenantId, code: isAppError(error) ? error.code : 'unknown' },
        'Microsoft Graph: the app could not get its own token, so its application permissions are unknown; check the app registration and its secret',
      );
      continue;
    }
    const report = reportOf(tenantId, roles);
    reports.push(report);
    if (report.missing.length === 0) {
      log.info({ tenantId, granted: report.granted }, 'Microsoft Graph application permissions: all granted');
    } else {
      log.warn(
        { tenantId, missing: report.missing, granted: report.granted },
        `Microsoft Graph application permissions missing: ${describeMissing(report)}. Grant admin consent in Entra ID (see docs/deploy.md)`,
      );
    }
  }
  return reports;
};
