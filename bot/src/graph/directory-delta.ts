import type { DirectorySource, DirectoryUser } from '@pc/core/usecases';
import { readAppRoleAssignments } from './directory-roles.ts';
import { createGraphClient, pathOnGraph, tokenAuthProvider } from './graph-http.ts';
import { withRetry, type RetryPolicy } from './retry.ts';

/** Only the fields the product uses, and the manager (returned as `manager@delta`). */
export const DELTA_SELECT = [
  'id',
  'displayName',
  'mail',
  'userPrincipalName',
  'jobTitle',
  'department',
  'officeLocation',
  'employeeHireDate',
  'employeeId',
  'accountEnabled',
  'manager',
].join(',');

export interface DirectoryDeltaOptions {
  /** App-only Graph tokens per tenant (User.Read.All). */
  readonly appToken: (tenantId: string) => Promise<string>;
  /** Defaults to https://graph.microsoft.com/v1.0. */
  readonly baseUrl?: string;
  /** Users per page (Graph allows up to 999). */
  readonly pageSize?: number;
  /** A long sync waits out longer throttling than a user's request would. */
  readonly retry?: RetryPolicy;
  /** The product's app registration: when given, each round also reads who holds its app roles. */
  readonly clientId?: string;
}

interface GraphLink {
  readonly id: string;
  readonly '@removed'?: unknown;
}

interface GraphDeltaUser {
  readonly id: string;
  readonly '@removed'?: { readonly reason?: string };
  readonly displayName?: string | null;
  readonly mail?: string | null;
  readonly userPrincipalName?: string | null;
  readonly jobTitle?: string | null;
  readonly department?: string | null;
  readonly officeLocation?: string | null;
  readonly employeeHireDate?: string | null;
  readonly employeeId?: string | null;
  readonly accountEnabled?: boolean | null;
  readonly 'manager@delta'?: readonly GraphLink[];
}

interface GraphDeltaResponse {
  readonly value?: readonly GraphDeltaUser[];
  readonly '@odata.nextLink'?: string;
  readonly '@odata.deltaLink'?: string;
}

const SYNC_RETRY: RetryPolicy = { maxRetries: 6, maxDelaySeconds: 120 };

/** `manager@delta` lists the manager link added (an id) or removed (`@removed`); absent, no change. */
const managerOf = (links: readonly GraphLink[] | undefined): string | null | undefined => {
  if (links === undefined) return undefined;
  return links.find((l) => l['@removed'] === undefined)?.id ?? null;
};

const text = (value: string | null | undefined): string | undefined => value ?? undefined;

export const fromGraphDeltaUser = (u: GraphDeltaUser): DirectoryUser => {
  if (u['@removed'] !== undefined) return { id: u.id, removed: true };
  const entries: [keyof DirectoryUser, unknown][] = [
    ['displayName', text(u.displayName)],
    ['mail', text(u.mail)],
    ['userPrincipalName', text(u.userPrincipalName)],
    ['jobTitle', u.jobTitle],
    ['department', u.department],
    ['officeLocation', u.officeLocation],
    ['employeeHireDate', u.employeeHireDate === undefined ? undefined : (u.employeeHireDate?.slice(0, 10) ?? null)],
    ['employeeId', u.employeeId],
    ['accountEnabled', u.accountEnabled ?? undefined],
    ['managerId', managerOf(u['manager@delta'])],
  ];
  const present = Object.fromEntries(entries.filter(([, v]) => v !== undefined)) as Partial<DirectoryUser>;
  return { ...present, id: u.id };
};

/**
 * The directory as Microsoft Graph's `/users/delta` gives it: the first call reads everyone, each
 * `@odata.nextLink` the next page, and the last page's `@odata.deltaLink` the changes since. Links are
 * followed only on the configured Graph host, so a token never goes elsewhere; 429 and 503 are waited
 * out as Retry-After says.
 */
export const createDirectoryDelta = (options: DirectoryDeltaOptions): DirectorySource => {
  const baseUrl = (options.baseUrl ?? 'https://graph.microsoft.com/v1.0').replace(/\/+$/, '');
  const first = `/users/delta?$select=${DELTA_SELECT}&$top=${String(options.pageSize ?? 999)}`;
  const pathOf = (link: string | undefined): string =>
    link === undefined ? first : pathOnGraph(baseUrl, link, 'directory');
  const { clientId } = options;
  const roles =
    clientId === undefined
      ? {}
      : {
          appRoleAssignments: (tenantId: string) =>
            readAppRoleAssignments(
              { appToken: options.appToken, baseUrl, clientId, retry: options.retry ?? SYNC_RETRY },
              tenantId,
            ),
        };
  return {
    ...roles,
    page: async (tenantId, link) => {
      const path = pathOf(link);
      const body = await withRetry(async () => {
        const token = await options.appToken(tenantId);
        const client = createGraphClient(
          baseUrl,
          tokenAuthProvider(() => Promise.resolve(token)),
        );
        return (await client.api(path).get()) as GraphDeltaResponse;
      }, options.retry ?? SYNC_RETRY);
      const nextLink = body['@odata.nextLink'];
      const deltaLink = body['@odata.deltaLink'];
      return {
        users: (body.value ?? []).map(fromGraphDeltaUser),
        ...(nextLink === undefined ? {} : { nextLink }),
        ...(deltaLink === undefined ? {} : { deltaLink }),
      };
    },
  };
};
