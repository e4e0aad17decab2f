import { describe, expect, it } from 'vitest';
import { buildDemoOrg, demoPersonId } from './demo-org.ts';
import { situationsOf } from '@pc/core';

const TODAY = '2027-05-03';
const org = buildDemoOrg(TODAY);
const of = (tenant: 1 | 5, n: number): string[] => {
  const e = org.employees.find((x) => x.id === demoPersonId(tenant, n));
  if (!e) throw new Error(`no demo person ${String(n)}`);
  return situationsOf(e, TODAY);
};

describe('situations a demo person illustrates (demo/demo-org/people.ts stories)', () => {
  it('names each story in plain words', () => {
    expect(of(1, 14)).toContain('in probation');
    expect(of(1, 15)).toContain('back from maternity leave');
    expect(of(1, 16)).toContain('on sickness leave');
    expect(of(1, 17)).toContain('awaiting a handover');
    expect(of(1, 20)).toContain('dual role');
    expect(of(1, 23)).toContain('two line managers');
    expect(of(5, 24)).toContain('no PC of their own');
    expect(of(5, 27)).toContain('acting up');
  });

  it('says nothing for someone with no special circumstances', () => {
    expect(of(1, 19)).toEqual([]);
  });
});
