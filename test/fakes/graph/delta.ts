/**
 * `/users/delta` of the fake Graph: the whole directory page by page, then the changes since, with
 * `manager@delta`, `@removed` for deleted users, `$top` or `Prefer: odata.maxpagesize` paging (999 by
 * default) and opaque skip and delta tokens. A `DeltaDirectory` passed to the fake as an org lets a
 * test make joiners, movers and leavers; a plain org is served as it stands.
 */
import type { FakeOrg, FakeUser } from '../org.ts';
import type { Caller, GraphReply } from './http.ts';
import { graphError, ok } from './http.ts';
import type { GraphRequestLine } from './router.ts';
import type { GraphState } from './state.ts';

/** A directory user with the fields only the delta query reads. */
export interface DirectoryFixtureUser extends FakeUser {
  /** ISO date or date-time. */
  readonly employeeHireDate?: string;
  readonly employeeId?: string;
  readonly officeLocation?: string;
  /** Absent means enabled. */
  readonly accountEnabled?: boolean;
}

type Entry = { readonly id: string; readonly user: DirectoryFixtureUser | undefined };

const DEFAULT_PAGE = 999;
const MAX_PAGE = 999;

export class DeltaDirectory implements FakeOrg {
  readonly tenantId: string;
  /** Each user's versions by sequence number; undefined marks a deletion. */
  readonly #versions = new Map<string, { seq: number; user: DirectoryFixtureUser | undefined }[]>();
  #seq = 0;
  readonly #windows = new Map<string, readonly Entry[]>();
  /** App roles of the product's app registration assigned to each user, by the role's value. */
  readonly #appRoles = new Map<string, Set<string>>();

  constructor(tenantId: string, users: readonly DirectoryFixtureUser[] = []) {
    this.tenantId = tenantId;
    for (const user of users) this.#record(user.id, user);
  }

  static of(org: FakeOrg): DeltaDirectory {
    return org instanceof DeltaDirectory ? org : new DeltaDirectory(org.tenantId, org.users);
  }

  /** Everyone not deleted, as the rest of the fake Graph looks them up. */
  get users(): DirectoryFixtureUser[] {
    return [...this.#versions.values()].flatMap((v) => v.at(-1)?.user ?? []);
  }

  get sequence(): number {
    return this.#seq;
  }

  join(user: DirectoryFixtureUser): void {
    this.#record(user.id, user);
  }

  /** A change of manager, job title or anything else. */
  update(id: string, changes: Partial<Omit<DirectoryFixtureUser, 'id'>>): void {
    const current = this.#current(id);
    this.#record(id, { ...current, ...changes });
  }

  /** Disabled (kept in the directory, `accountEnabled: false`) or deleted (`@removed`). */
  leave(id: string, how: 'disable' | 'delete' = 'disable'): void {
    const current = this.#current(id);
    this.#record(id, how === 'delete' ? undefined : { ...current, accountEnabled: false });
  }

  /** Assigns one of the app's roles (its value, e.g. 'HR') to a user, as an Entra administrator would. */
  assignAppRole(id: string, value: string): void {
    this.#appRoles.set(id, new Set([...(this.#appRoles.get(id) ?? []), value]));
  }

  removeAppRole(id: string, value: string): void {
    this.#appRoles.get(id)?.delete(value);
  }

  /** Every user-to-role assignment, one per pair, ordered by user. */
  get appRoleAssignments(): readonly { readonly userId: string; readonly value: string }[] {
    return [...this.#appRoles.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .flatMap(([userId, values]) => [...values].map((value) => ({ userId, value })));
  }

  /** Each user's latest version in (since, upTo], ordered by id; deletions only after a first round. */
  window(since: number, upTo: number): readonly Entry[] {
    const key = `${String(since)}:${String(upTo)}`;
    let entries = this.#windows.get(key);
    if (entries === undefined) {
      entries = [...this.#versions.entries()]
        .flatMap(([id, versions]): Entry[] => {
          const latest = versions.filter((v) => v.seq <= upTo).at(-1);
          if (latest === undefined || latest.seq <= since) return [];
          if (latest.user === undefined && since === 0) return [];
          return [{ id, user: latest.user }];
        })
        .sort((a, b) => (a.id < b.id ? -1 : 1));
      this.#windows.set(key, entries);
    }
    return entries;
  }

  #current(id: string): DirectoryFixtureUser {
    const user = this.#versions.get(id)?.at(-1)?.user;
    if (user === undefined) throw new Error(`No user ${id} in the fake directory`);
    return user;
  }

  #record(id: string, user: DirectoryFixtureUser | undefined): void {
    this.#seq += 1;
    const versions = this.#versions.get(id) ?? [];
    versions.push({ seq: this.#seq, user });
    this.#versions.set(id, versions);
    this.#windows.clear();
  }
}

interface SkipToken {
  readonly since: number;
  readonly upTo: number;
  readonly offset: number;
  readonly size: number;
}

interface DeltaToken {
  readonly since: number;
  readonly size: number;
}

const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const decode = (token: string): unknown => {
  try {
    return JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
};

const json = (user: DirectoryFixtureUser): Record<string, unknown> => ({
  id: user.id,
  displayName: user.displayName,
  mail: user.mail,
  userPrincipalName: user.mail,
  jobTitle: user.jobTitle ?? null,
  department: user.department ?? null,
  officeLocation: user.officeLocation ?? null,
  employeeHireDate: user.employeeHireDate === undefined ? null : `${user.employeeHireDate.slice(0, 10)}T00:00:00Z`,
  employeeId: user.employeeId ?? null,
  accountEnabled: user.accountEnabled ?? true,
  'manager@delta': user.managerId === undefined ? [] : [{ '@odata.type': '#microsoft.graph.user', id: user.managerId }],
});

const pageSizeOf = (request: GraphRequestLine): number => {
  const top = Number(request.query.get('$top') ?? Number.NaN);
  const prefer = /odata\.maxpagesize=(\d+)/.exec(request.prefer ?? '')?.[1];
  const size = Number.isInteger(top) ? top : prefer === undefined ? DEFAULT_PAGE : Number(prefer);
  return Math.max(1, Math.min(MAX_PAGE, size));
};

export const usersDelta = (state: GraphState, caller: Caller, request: GraphRequestLine): GraphReply => {
  const org = state.org(caller.tenantId);
  if (org === undefined) return graphError(404, 'Request_ResourceNotFound', 'Unknown tenant.');
  const directory = DeltaDirectory.of(org);
  const skip = request.query.get('$skiptoken');
  const delta = request.query.get('$deltatoken');
  let window: SkipToken;
  if (skip !== null) {
    const token = decode(skip) as SkipToken | undefined;
    if (token === undefined) return graphError(400, 'BadRequest', 'The skip token is not valid.');
    window = token;
  } else {
    // A delta link keeps the page size of the query that started the rounds, as Graph's do.
    const token = delta === null ? { since: 0, size: pageSizeOf(request) } : (decode(delta) as DeltaToken | undefined);
    if (token?.since === undefined) return graphError(400, 'BadRequest', 'The delta token is not valid.');
    window = { since: token.since, upTo: directory.sequence, offset: 0, size: token.size };
  }
  const entries = directory.window(window.since, window.upTo);
  const slice = entries.slice(window.offset, window.offset + window.size);
  const link = `${request.origin ?? 'https://graph.microsoft.com'}/v1.0/users/delta`;
  const end = window.offset + window.size >= entries.length;
  return ok({
    '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users',
    ...(end
      ? { '@odata.deltaLink': `${link}?$deltatoken=${encode({ since: window.upTo, size: window.size })}` }
      : { '@odata.nextLink': `${link}?$skiptoken=${encode({ ...window, offset: window.offset + window.size })}` }),
    value: slice.map((e) => (e.user === undefined ? { id: e.id, '@removed': { reason: 'deleted' } } : json(e.user))),
  });
};
