import { AppError } from '@pc/core';
import type { AppRoleAssignment } from '@pc/core/usecases';
import { createGraphClient, pathOnGraph, tokenAuthProvider } from './graph-http.ts';
import { withRetry, type RetryPolicy } from './retry.ts';

interface ServicePrincipals {
  readonly value?: readonly {
    readonly id: string;
    readonly appRoles?: readonly { id: string; value?: string | null }[];
  }[];
}

interface Assignments {
  readonly value?: readonly {
    readonly principalType?: string;
    readonly principalId: string;
    readonly appRoleId: string;
  }[];
  readonly '@odata.nextLink'?: string;
}

export interface AppRoleReaderOptions {
  readonly appToken: (tenantId: string) => Promise<string>;
  readonly baseUrl: string;
  /** The product's app registration (its client id), whose roles are read. */
  readonly clientId: string;
  readonly retry: RetryPolicy;
}

/**
 * Who holds the product's app roles in a tenant: the app's service principal there (its role ids
 * and values), then everyone it is assigned to, page by page (Application.Read.All). Roles assigned
 * to a group reach its members through the token's roles claim at sign-in, not here.
 */
export const readAppRoleAssignments = async (
  options: AppRoleReaderOptions,
  tenantId: string,
): Promise<AppRoleAssignment[]> => {
  const get = async <T>(path: string): Promise<T> =>
    withRetry(async () => {
      const token = await options.appToken(tenantId);
      const client = createGraphClient(
        options.baseUrl,
        tokenAuthProvider(() => Promise.resolve(token)),
      );
      return (await client.api(path).get()) as T;
    }, options.retry);
  const filter = encodeURIComponent(`appId eq '${options.clientId}'`);
  const principals = await get<ServicePrincipals>(`/servicePrincipals?$filter=${filter}&$select=id,appRoles`);
  const principal = principals.value?.[0];
  if (principal === undefined)
    throw new AppError('not-found', 'The app is not consented in this tenant, so its roles cannot be read.');
  const values = new Map((principal.appRoles ?? []).map((r) => [r.id, r.value ?? '']));
  const byUser = new Map<string, string[]>();
  let path: string | undefined = `/servicePrincipals/${principal.id}/appRoleAssignedTo?$top=999`;
  while (path !== undefined) {
    const page: Assignments = await get<Assignments>(path);
    for (const a of page.value ?? []) {
      const value = values.get(a.appRoleId);
      if (a.principalType !== 'User' || value === undefined || value === '') continue;
      byUser.set(a.principalId, [...(byUser.get(a.principalId) ?? []), value]);
    }
    const next = page['@odata.nextLink'];
    path = next === undefined ? undefined : pathOnGraph(options.baseUrl, next, 'directory');
  }
  return [...byUser].map(([userId, roles]) => ({ userId, roles }));
};
