import { describe, expect, it } from 'vitest';
import { dueConversations } from '../engine/due.ts';
import { employee, job, record, tenantFor } from '../engine/fixtures.test-support.ts';
import type { Tenant } from '../domain/people.ts';
import type { TenantSettings } from '../domain/tenant-settings.ts';
import { packOf } from './scheme.ts';
import { entraRolesOf } from './tenant-admin.ts';

const settings = (scheme: TenantSettings['scheme']): TenantSettings => ({
  version: 1,
  updatedAt: '2027-05-01T09:00:00.000Z',
  updatedBy: 'admin-1',
  updatedByName: 'Ida Admin',
  changed: ['scheme'],
  quietHours: { start: '18:00', end: '08:00', days: [6, 7] },
  checkinEveryWeeks: 1,
  roleGroups: {},
  scheme,
});
const withSettings = (tenant: Tenant, scheme: TenantSettings['scheme']): Tenant => ({
  ...tenant,
  settings: settings(scheme),
});

describe("the organisation's settings over its scheme pack", () => {
  it('004 Big Picture: the questions come from the tenant’s current version, not the compiled starting set', () => {
    const assembly = tenantFor('assembly-secretariat');
    expect(packOf(assembly).bigPicture?.questions.length).toBeGreaterThan(1);
    const changed = withSettings(assembly, { bigPictureQuestions: [{ id: 'net-zero', text: 'Net zero and you?' }] });
    expect(packOf(changed).bigPicture).toMatchObject({
      owner: 'Secretariat Management Group',
      questions: [{ id: 'net-zero', text: 'Net zero and you?' }],
    });
  });

  it('000: the default frequency of regular conversations is the organisation’s, until the pair agrees one', () => {
    const start = '2026-01-05';
    const who = employee({ startDate: start, jobs: [job({ startDate: start })] });
    const history = [record('regular', '2027-03-01')];
    const regularOf = (tenant: Tenant) =>
      dueConversations({ tenant, employee: who, history, on: '2027-03-10' }).items.find((i) => i.type === 'regular');
    const cumbria = tenantFor('cumbria-vip');
    expect(regularOf(cumbria)?.reason).toContain('the next is due by 29 March 2027');
    expect(regularOf(withSettings(cumbria, { regularEveryWeeks: 6 }))?.reason).toContain(
      'the next is due by 12 April 2027',
    );
  });
});

describe('roles from Entra', () => {
  it('maps app role values and the groups the organisation named to roles, app roles first', () => {
    const granted = entraRolesOf(
      { roles: ['Admin', 'SeniorManager', 'Reader'], groups: ['AAAA-hr', 'bbbb-admins'] },
      { hr: ['aaaa-hr'], admin: ['bbbb-admins'] },
    );
    expect(granted).toEqual([
      { role: 'admin', source: 'app-role' },
      { role: 'senior-manager', source: 'app-role' },
      { role: 'hr', source: 'group' },
    ]);
    expect(entraRolesOf(undefined, { hr: ['aaaa-hr'] })).toEqual([]);
  });
});
