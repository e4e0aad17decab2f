import type { ConversationRecord } from '../domain/conversations.ts';
import type { Employee, PersonId, TenantId } from '../domain/people.ts';
import {
  DIGEST_FORMAT,
  digestOf,
  historyOfDigest,
  type DigestEntry,
  type StatusDigest,
} from '../domain/status-digest.ts';
import type { Repositories } from './deps.ts';
import { allPages } from './export-support.ts';
import { listDigests } from './status-digest.ts';

/** At most this many people's ids go into one query (the ports' limit). */
const IDS_PER_QUERY = 100;
const ALL_DATES = { from: '0001-01-01', to: '9999-12-31' } as const;

/** What the organisation's views read of each person: their digest's entries (facts, no text). */
export type EntriesByPerson = ReadonlyMap<PersonId, readonly DigestEntry[]>;

type DigestRepos = Pick<Repositories, 'conversations' | 'employees' | 'statusDigests'>;

const usable = (digests: readonly StatusDigest[]): Map<PersonId, readonly DigestEntry[]> =>
  new Map(digests.filter((d) => d.format === DIGEST_FORMAT).map((d) => [d.personId, d.entries]));

/**
 * The entries of people with no usable digest, worked out from their records, 100 people to a
 * paged query. Nothing is written here: the next write of a record, a team view or the
 * reconciliation job stores the digest, so a read over the organisation costs no writes.
 */
const fromRecords = async (
  repos: Pick<Repositories, 'conversations'>,
  tenantId: TenantId,
  ids: readonly PersonId[],
): Promise<Map<PersonId, readonly DigestEntry[]>> => {
  const records = new Map<PersonId, ConversationRecord[]>(ids.map((id) => [id, []]));
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
    const query = { ...ALL_DATES, employeeIds: ids.slice(i, i + IDS_PER_QUERY) };
    for (const r of await allPages((p) => repos.conversations.listForTenant(tenantId, query, p))) {
      records.get(r.employeeId)?.push(r);
    }
  }
  return new Map(
    [...records].map(([personId, rs]) => [personId, digestOf({ tenantId, personId, managerIds: [] }, rs).entries]),
  );
};

/** The whole directory and every stored digest: pages of up to 1,000 documents where digests are kept. */
export const everyoneWithDigests = async (
  repos: DigestRepos,
  tenantId: TenantId,
): Promise<{ readonly people: Employee[]; readonly digests: EntriesByPerson }> => {
  if (repos.statusDigests === undefined) {
    return { people: await allPages((p) => repos.employees.list(tenantId, p)), digests: new Map() };
  }
  const people: Employee[] = [];
  const digests: StatusDigest[] = [];
  let token: string | undefined;
  do {
    const page = await repos.statusDigests.everyone(tenantId, token);
    people.push(...page.people);
    digests.push(...page.digests);
    token = page.continuationToken;
  } while (token !== undefined);
  return { people, digests: usable(digests) };
};

/**
 * Each person's digest entries: from `read` when the digests were read already, else the people's
 * digests 100 to a query; anyone without a digest of today's format from their records. Store
 * operations grow with pages of people, never one per person.
 */
export const entriesOf = async (
  repos: DigestRepos,
  tenantId: TenantId,
  people: readonly { readonly id: PersonId }[],
  read?: EntriesByPerson,
): Promise<EntriesByPerson> => {
  const found =
    read ??
    (repos.statusDigests === undefined
      ? new Map<PersonId, readonly DigestEntry[]>()
      : usable((await listDigests(repos.statusDigests, tenantId, people)).map((d) => d.item)));
  const entries = new Map<PersonId, readonly DigestEntry[]>();
  const missing: PersonId[] = [];
  for (const { id } of people) {
    const e = found.get(id);
    if (e === undefined) missing.push(id);
    else entries.set(id, e);
  }
  for (const [id, e] of await fromRecords(repos, tenantId, missing)) entries.set(id, e);
  return entries;
};

/** A person's entries as the conversation history the engine and the exports read (no text). */
export const historyOfEntries = (
  tenantId: TenantId,
  personId: PersonId,
  entries: readonly DigestEntry[] | undefined,
): ConversationRecord[] => historyOfDigest({ tenantId, personId, entries: entries ?? [] });
