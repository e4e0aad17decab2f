/**
 * The product's service principal in the fake Graph: `GET /servicePrincipals?$filter=appId eq '…'`
 * (its id and app roles) and `GET /servicePrincipals/{id}/appRoleAssignedTo` (who holds which role,
 * paged by `$top`, 999 at most), as the directory sync reads them. Roles are assigned to users of a
 * `DeltaDirectory` (`assignAppRole`); a plain org has none.
 */
import { DeltaDirectory } from './delta.ts';
import type { Caller, GraphReply } from './http.ts';
import { graphError, notFound, ok } from './http.ts';
import type { GraphRequestLine } from './router.ts';
import type { GraphState } from './state.ts';

/** The values in infra/app-roles.json. */
const APP_ROLE_VALUES = ['Admin', 'HR', 'Coordinator', 'Auditor', 'SeniorManager'];
const roleId = (value: string): string =>
  `00000000-0000-4000-8000-${Buffer.from(value).toString('hex').padStart(12, '0').slice(-12)}`;
const principalId = (tenantId: string): string => `sp-${tenantId}`;

export const servicePrincipals = (state: GraphState, caller: Caller, request: GraphRequestLine): GraphReply => {
  const org = state.org(caller.tenantId);
  if (org === undefined) return graphError(404, 'Request_ResourceNotFound', 'Unknown tenant.');
  const [, id, relation] = request.path.split('/').filter(Boolean);
  if (id === undefined) {
    const appId = /^appId eq '([^']+)'$/.exec(request.query.get('$filter') ?? '')?.[1];
    if (appId === undefined) return graphError(400, 'BadRequest', 'Filter service principals by appId.');
    const values = [...new Set([...APP_ROLE_VALUES, ...assignments(org).map((a) => a.value)])];
    return ok({
      value: [
        { id: principalId(caller.tenantId), appId, appRoles: values.map((value) => ({ id: roleId(value), value })) },
      ],
    });
  }
  if (id !== principalId(caller.tenantId) || relation !== 'appRoleAssignedTo') return notFound(id);
  const top = Math.max(1, Math.min(999, Number(request.query.get('$top') ?? 100) || 100));
  const offset = Number(request.query.get('$skiptoken') ?? 0) || 0;
  const all = assignments(org);
  const next = offset + top < all.length ? offset + top : undefined;
  const link = `${request.origin ?? 'https://graph.microsoft.com'}/v1.0/servicePrincipals/${id}/appRoleAssignedTo`;
  return ok({
    value: all.slice(offset, offset + top).map((a) => ({
      principalType: 'User',
      principalId: a.userId,
      appRoleId: roleId(a.value),
      resourceId: id,
    })),
    ...(next === undefined ? {} : { '@odata.nextLink': `${link}?$top=${String(top)}&$skiptoken=${String(next)}` }),
  });
};

const assignments = (org: Parameters<typeof DeltaDirectory.of>[0]) =>
  org instanceof DeltaDirectory ? org.appRoleAssignments : [];
