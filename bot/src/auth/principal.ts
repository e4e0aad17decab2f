import type { PersonId, TenantId } from '@pc/core';

/** The signed-in caller, as proven by a validated Entra access token. */
export interface Principal {
  readonly tenantId: TenantId;
  /** Entra object id (`oid`): stable across apps, unlike `sub`. */
  readonly userId: PersonId;
  readonly name?: string;
  readonly upn?: string;
  /** Delegated scopes (`scp`); empty for app-only tokens. */
  readonly scopes: readonly string[];
  /** App roles (`roles`). */
  readonly roles: readonly string[];
  /** Security-group object ids (`groups`), when the app registration emits group claims. */
  readonly groups: readonly string[];
  /** The raw token, kept only for on-behalf-of exchanges; never log it. */
  readonly token: string;
}
