// The /users/delta adapter against the fake Graph over real HTTP: paging to the end, the delta link
// and the changes since, manager@delta, @removed, and 429/503 bursts waited out.
import { afterEach, describe, expect, it } from 'vitest';
import { DeltaDirectory } from '../../../test/fakes/graph/delta.ts';
import { startFakeGraph, type FakeGraph } from '../../../test/fakes/graph-server.ts';
import { createDirectoryDelta } from './directory-delta.ts';

const TENANT = '44444444-4444-4444-8444-444444444444';
const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
/** The fake Graph reads a token's claims without verifying its signature. */
const appToken = (tenantId: string): Promise<string> =>
  Promise.resolve(
    `${part({ alg: 'none' })}.${part({ tid: tenantId, oid: 'app', aud: 'https://graph.microsoft.com', roles: ['User.Read.All'] })}.x`,
  );

const people = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: `user-${String(i).padStart(3, '0')}`,
    displayName: `User ${String(i)}`,
    mail: `user${String(i)}@council.example`,
    jobTitle: 'Officer',
    employeeHireDate: '2021-04-01',
    ...(i === 0 ? {} : { managerId: 'user-000' }),
  }));

let graph: FakeGraph | undefined;
afterEach(async () => {
  await graph?.close();
});

const readAll = async (source: ReturnType<typeof createDirectoryDelta>, link?: string) => {
  const users = [];
  let page = await source.page(TENANT, link);
  users.push(...page.users);
  let pages = 1;
  while (page.nextLink !== undefined) {
    page = await source.page(TENANT, page.nextLink);
    users.push(...page.users);
    pages += 1;
  }
  return { users, pages, deltaLink: page.deltaLink };
};

describe('directory delta from Microsoft Graph', () => {
  it('reads everyone page by page, then only what changed since', async () => {
    const directory = new DeltaDirectory(TENANT, people(25));
    graph = await startFakeGraph({ orgs: [directory] });
    const source = createDirectoryDelta({ appToken, baseUrl: graph.baseUrl, pageSize: 10 });

    const first = await readAll(source);
    expect(first.pages).toBe(3);
    expect(first.users).toHaveLength(25);
    expect(first.users[1]).toEqual({
      id: 'user-001',
      displayName: 'User 1',
      mail: 'user1@council.example',
      userPrincipalName: 'user1@council.example',
      jobTitle: 'Officer',
      department: null,
      officeLocation: null,
      employeeHireDate: '2021-04-01',
      employeeId: null,
      accountEnabled: true,
      managerId: 'user-000',
    });
    const asked = graph.requests()[0]?.path;
    expect(asked).toBe('/users/delta');

    directory.update('user-002', { managerId: 'user-001' });
    directory.leave('user-003');
    directory.leave('user-004', 'delete');
    directory.join({ id: 'user-900', displayName: 'New Person', mail: 'new@council.example', managerId: 'user-000' });
    const since = await readAll(source, first.deltaLink);
    expect(since.users.map((u) => u.id)).toEqual(['user-002', 'user-003', 'user-004', 'user-900']);
    expect(since.users[0]?.managerId).toBe('user-001');
    expect(since.users[1]?.accountEnabled).toBe(false);
    expect(since.users[2]).toEqual({ id: 'user-004', removed: true });

    const nothing = await readAll(source, since.deltaLink);
    expect(nothing.users).toEqual([]);
  });

  it('waits out a burst of 429 and 503 with Retry-After and carries on from the same page', async () => {
    graph = await startFakeGraph({ orgs: [new DeltaDirectory(TENANT, people(5))] });
    const waits: number[] = [];
    const source = createDirectoryDelta({
      appToken,
      baseUrl: graph.baseUrl,
      pageSize: 2,
      retry: {
        maxRetries: 5,
        maxDelaySeconds: 60,
        sleep: (s) => {
          waits.push(s);
          return Promise.resolve();
        },
      },
    });
    const page = await source.page(TENANT);
    graph.failNext(2, { status: 429, retryAfter: '3' });
    graph.failNext(1, { status: 503, retryAfter: '1' });
    const rest = await readAll(source, page.nextLink);
    expect(waits).toEqual([3, 3, 1]);
    expect([...page.users, ...rest.users].map((u) => u.id)).toEqual(people(5).map((p) => p.id));
  });

  it('refuses to follow a link to another host, so a token never leaves for it', async () => {
    graph = await startFakeGraph({ orgs: [new DeltaDirectory(TENANT, people(1))] });
    const source = createDirectoryDelta({ appToken, baseUrl: graph.baseUrl });
    await expect(source.page(TENANT, 'https://elsewhere.example/v1.0/users/delta?$skiptoken=x')).rejects.toMatchObject({
      code: 'validation',
    });
  });
});
