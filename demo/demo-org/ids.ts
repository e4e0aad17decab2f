import type { SchemeId } from '@pc/core';

/** Tenant number 1–5, in the order of the policy files 000–004. */
export type TenantNo = 1 | 2 | 3 | 4 | 5;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Fixed tenant GUIDs so the README, the CLI and tests can name them. */
export const tenantId = (t: TenantNo): string => `0d3e0000-0000-4000-a000-${pad(t, 12)}`;

/** Fixed person GUIDs: the first group names the tenant, the last the person number. */
export const personId = (t: TenantNo, n: number): string => `0d3e000${t}-0000-4000-a000-${pad(n, 12)}`;

export const DEMO_TENANT_IDS: Readonly<Record<SchemeId, string>> = {
  'cumbria-vip': tenantId(1),
  'leicestershire-apr': tenantId(2),
  'bexley-pms': tenantId(3),
  'somerset-career-conversations': tenantId(4),
  'assembly-secretariat': tenantId(5),
};
