/**
 * 003 §6 retention: once a leaver's records are archived to People Services, their former manager,
 * grandparent and senior managers reach them no longer; HR and auditors do, as before.
 */
import { describe, expect, it } from 'vitest';
import { decide } from './decide.ts';
import { actor, IDS, subject } from './fixtures.test-support.ts';

const left = { leftOn: '2026-11-30', archive: { archivedOn: '2026-12-06', keepUntil: '2032-12-06' } };

describe('archived records (003 §6)', () => {
  it('the former line manager, on the record or not, no longer reads or sees them', () => {
    const archived = subject(left);
    for (const action of ['conversation.content.read', 'conversation.facts.read'] as const) {
      const decision = decide(actor('manager'), action, archived, { recordManagerIds: [IDS.manager] });
      expect(decision).toEqual({
        allowed: false,
        reason: expect.stringContaining('archived to People Services') as string,
      });
    }
    expect(decide(actor('grandparent'), 'conversation.facts.read', archived).allowed).toBe(false);
    expect(decide(actor('senior'), 'conversation.facts.read', archived).allowed).toBe(false);
  });

  it('HR and auditors keep what they had: facts, and notes only with a stated reason', () => {
    const archived = subject(left);
    expect(decide(actor('hr'), 'conversation.facts.read', archived).allowed).toBe(true);
    expect(decide(actor('auditor'), 'conversation.content.read', archived).allowed).toBe(false);
    expect(
      decide(actor('hr'), 'conversation.content.read', archived, {
        exceptionalAccess: { category: 'audit', text: 'Tribunal bundle request TB-2027-03' },
      }),
    ).toEqual({ allowed: true, via: 'hr', audit: true });
  });

  it('before archiving, the manager reads them as ever', () => {
    expect(decide(actor('manager'), 'conversation.content.read', subject({ leftOn: '2026-11-30' })).allowed).toBe(true);
  });
});
