import type { EntraClaims } from '@pc/core/usecases';
import type { Principal } from './principal.ts';

/** What use cases may know of the caller's token: app roles, groups and names, never the token itself. */
export const entraClaimsOf = (principal: Principal): EntraClaims => ({
  roles: principal.roles,
  groups: principal.groups,
  ...(principal.name === undefined ? {} : { name: principal.name }),
  ...(principal.upn === undefined ? {} : { upn: principal.upn }),
});
