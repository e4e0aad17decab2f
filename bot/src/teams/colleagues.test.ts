import type { Employee, EmployeeRepository, PersonId, TenantId } from '@pc/core';
import { describe, expect, it } from 'vitest';
import { buildDemoOrg, DEMO_TENANT_IDS } from '../../../test/local/demo-org.ts';
import { colleagueRecord, colleaguesOf, currentManagersOf } from './colleagues.ts';
import { storeLookup, type PersonLookup } from './directory.ts';

/** Just the two employee reads both functions use, over a fixed directory. */
const directory = (people: readonly Employee[]): PersonLookup & Pick<EmployeeRepository, 'listReports'> => {
  const employees: Pick<EmployeeRepository, 'get' | 'listReports'> = {
    get: (tenantId: TenantId, id: PersonId) =>
      Promise.resolve(
        people
          .filter((p) => p.tenantId === tenantId && p.id === id)
          .map((item) => ({ item, etag: 'e' }))
          .at(0),
      ),
    listReports: (tenantId: TenantId, managerId: PersonId) =>
      Promise.resolve(people.filter((p) => p.tenantId === tenantId && currentManagersOf(p).includes(managerId))),
  };
  return { ...storeLookup(employees), listReports: employees.listReports };
};

describe('who counts as a colleague for in-the-moment feedback (004)', () => {
  it('the two-read check accepts exactly the people the feedback form offers, for everyone in an employer', async () => {
    const tenantId = DEMO_TENANT_IDS['cumbria-vip'];
    const people = buildDemoOrg('2027-05-01').employees.filter((e) => e.tenantId === tenantId);
    const store = directory(people);
    for (const author of people) {
      const offered = new Set((await colleaguesOf(store, store, tenantId, author.id)).map((c) => c.id));
      for (const subject of people) {
        const accepted = (await colleagueRecord(store, tenantId, author.id, subject.id)) !== undefined;
        expect(accepted, `${author.id} → ${subject.id}`).toBe(offered.has(subject.id));
      }
    }
  });

  it('refuses someone in another tenant with the same id', async () => {
    const people = buildDemoOrg('2027-05-01').employees;
    const me = people.find((p) => p.tenantId === DEMO_TENANT_IDS['bexley-pms'] && currentManagersOf(p).length > 0)!;
    const stranger = { ...me, tenantId: 'another-tenant', id: currentManagersOf(me)[0]! };
    expect(await colleagueRecord(directory([me, stranger]), me.tenantId, me.id, stranger.id)).toBeUndefined();
  });
});
