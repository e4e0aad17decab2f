import { describe, expect, it } from 'vitest';
import { decide } from './decide.ts';
import { ACTIONS, type Action } from './matrix.ts';
import { ACTOR_NAMES, actor, subject, type ActorName } from './fixtures.test-support.ts';

/*
 * The expected grid, written out by hand from the policies (not derived from MATRIX):
 * columns are self, manager, previous manager (handover pending), grandparent,
 * senior manager, HR, coordinator (subject has no PC), auditor, another team's
 * manager, and the same person id in another tenant.
 */
const COLUMNS: ActorName[] = [
  'self',
  'manager',
  'previous',
  'grandparent',
  'senior',
  'hr',
  'coordinator',
  'auditor',
  'stranger',
  'otherTenant',
];
const EXPECTED: Record<Action, string> = {
  'profile.read': /*                   */ 'Y Y Y Y Y Y Y Y Y N',
  'due.read': /*                       */ 'Y Y Y Y Y Y Y Y N N',
  'objective.read': /*                 */ 'Y Y Y Y N N N N N N',
  'objective.write': /*                */ 'Y Y N N N N N N N N',
  'conversation.facts.read': /*        */ 'Y Y N Y Y Y Y Y N N',
  'conversation.content.read': /*      */ 'Y Y N N N N N N N N',
  'conversation.content.write': /*     */ 'Y Y N N N N N N N N',
  'conversation.agree': /*             */ 'Y Y N N N N N N N N',
  'conversation.disagree': /*          */ 'Y N N N N N N N N N',
  'conversation.rating.read': /*       */ 'Y Y N Y N Y N N N N',
  'conversation.rating.write': /*      */ 'N Y N N N N N N N N',
  'conversation.rating.release': /*    */ 'N N N Y Y Y N N N N',
  'conversation.book': /*              */ 'Y Y N N N N Y N N N',
  'handover.write': /*                 */ 'N Y Y N N N N N N N',
  'appeal.lodge': /*                   */ 'Y N N N N N N N N N',
  'appeal.read': /*                    */ 'Y Y N Y Y Y N N N N',
  'appeal.decide': /*                  */ 'N N N Y Y N N N N N',
  'teamThemes.write': /*               */ 'Y N N N N N N N N N',
  'teamThemes.read': /*                */ 'Y Y N Y Y Y N N N N',
  'compliance.read': /*                */ 'Y Y N Y Y Y N N N N',
  'audit.read': /*                     */ 'Y N N N N Y N Y N N',
  'export.annualReview': /*            */ 'Y Y N N N N N N N N',
  'export.completionRecord': /*        */ 'N Y N N N Y N N N N',
  'export.subjectAccess': /*           */ 'Y N N N N Y N N N N',
};

describe('authorisation matrix: every role × action cell', () => {
  it('covers every action and every actor', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
    expect([...COLUMNS].sort()).toEqual([...ACTOR_NAMES].sort());
  });

  for (const action of ACTIONS) {
    const cells = EXPECTED[action].split(' ');
    COLUMNS.forEach((name, index) => {
      const allowed = cells[index] === 'Y';
      it(`${action} by ${name}: ${allowed ? 'allowed' : 'refused'}`, () => {
        const decision = decide(actor(name), action, subject());
        expect(decision.allowed).toBe(allowed);
        if (!decision.allowed) expect(decision.reason.length).toBeGreaterThan(10);
      });
    });
  }
});
