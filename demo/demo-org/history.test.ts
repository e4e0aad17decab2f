import { isWorkingDay } from '@pc/core';
import { describe, expect, it } from 'vitest';
import { buildDemoOrg } from '../demo-org.ts';

describe('the demo organisation’s booked conversations', () => {
  // 6 December 2026 is a Sunday: six days on is a Saturday. 18 December 2026 + 6 is Christmas Eve,
  // whose next working day skips Christmas, Boxing Day's substitute and the weekend.
  it.each(['2026-12-06', '2026-12-18', '2027-05-03', '2027-08-24'])(
    'from %s fall on working days of the employer’s nation, never a weekend or bank holiday',
    (referenceDate) => {
      const org = buildDemoOrg(referenceDate);
      const nationOf = new Map(org.tenants.map((t) => [t.tenantId, t.nation]));
      const booked = org.conversations.filter((c) => c.status === 'booked');
      expect(booked.length).toBeGreaterThan(0);
      for (const c of booked) {
        const nation = nationOf.get(c.tenantId);
        expect(nation).toBeDefined();
        expect(isWorkingDay(c.date, nation!), `${c.id} on ${c.date}`).toBe(true);
      }
    },
  );
});
