import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONVERSATION_TYPES, type ConversationStatus } from '../domain/conversations.ts';
import type { ObjectiveStatus } from '../domain/objectives.ts';
import { isAppError } from '../errors.ts';
import {
  assertConversationMove,
  assertMayRecordHeld,
  assertObjectiveMove,
  confirmedHistory,
  conversationMove,
  countsAsHeld,
  mayRecordHeld,
  objectiveMove,
  roleOnRecord,
  type RecordRole,
} from './record-lifecycle.ts';

const STATUSES: readonly ConversationStatus[] = ['booked', 'held', 'agreed', 'cancelled'];
const OBJECTIVE_STATUSES: readonly ObjectiveStatus[] = [
  'draft',
  'agreed',
  'achieved',
  'partly-achieved',
  'not-achieved',
  'withdrawn',
];
const ROLES: readonly RecordRole[] = ['employee', 'manager'];
const status = fc.constantFrom(...STATUSES);
const objectiveStatus = fc.constantFrom(...OBJECTIVE_STATUSES);
const role = fc.constantFrom(...ROLES);
const type = fc.constantFrom(...CONVERSATION_TYPES);

const errorOf = (run: () => void): { code: string; message: string; paths: string[] } | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { code: error.code, message: error.message, paths: error.details.map((d) => d.path) };
  }
};

describe('who may say a conversation was held (000, 002, 003, 004)', () => {
  it('000 Recording Appraisal Information, 002 Step 2, 003 §1.0: the manager records the formal reviews, not the colleague alone', () => {
    for (const formal of ['annual-review', 'progress-record', 'probation-review', 'induction', 'handover'] as const) {
      expect(mayRecordHeld('manager', formal)).toBe(true);
      expect(mayRecordHeld('employee', formal)).toBe(false);
    }
    const refusal = errorOf(() => {
      assertMayRecordHeld('employee', 'annual-review');
    });
    expect(refusal?.code).toBe('forbidden');
    expect(refusal?.message).toMatch(/line manager records this review/);
  });

  it('004 Regular performance conversations: the colleague arranges Regular and Big Picture conversations and may write them up first', () => {
    expect(mayRecordHeld('employee', 'regular')).toBe(true);
    expect(mayRecordHeld('employee', 'big-picture')).toBe(true);
    expect(
      errorOf(() => {
        assertMayRecordHeld('employee', 'regular');
      }),
    ).toBeUndefined();
  });

  it('the caller is the colleague when the record is about them, else the manager the permission check let in', () => {
    expect(roleOnRecord('sam', 'sam')).toBe('employee');
    expect(roleOnRecord('mgr-1', 'sam')).toBe('manager');
  });
});

describe('conversation status moves (004: the record is agreed with the line manager)', () => {
  it('booked → held or cancelled; held → cancelled; agreed and cancelled move no further by a change of status', () => {
    const allowedForManager = STATUSES.flatMap((from) =>
      STATUSES.filter((to) => to !== from && conversationMove(from, to, 'manager', 'regular').allowed).map(
        (to) => `${from}→${to}`,
      ),
    );
    expect(allowedForManager).toEqual(['booked→held', 'booked→cancelled', 'held→cancelled']);
  });

  it('only the manager cancels the record of a conversation that took place; either may cancel a booking', () => {
    expect(conversationMove('held', 'cancelled', 'employee', 'annual-review')).toEqual({
      allowed: false,
      reason: 'Only your line manager can cancel the record of a conversation that has taken place.',
    });
    expect(conversationMove('held', 'cancelled', 'manager', 'annual-review').allowed).toBe(true);
    expect(conversationMove('booked', 'cancelled', 'employee', 'annual-review').allowed).toBe(true);
  });

  it('the colleague cannot turn a booked annual review into a held one; the manager can', () => {
    expect(conversationMove('booked', 'held', 'employee', 'annual-review').allowed).toBe(false);
    expect(conversationMove('booked', 'held', 'employee', 'regular').allowed).toBe(true);
    expect(conversationMove('booked', 'held', 'manager', 'annual-review').allowed).toBe(true);
  });

  it('a refusal another role could make is forbidden; a move nobody may make is a validation error on status', () => {
    const byColleague = errorOf(() => {
      assertConversationMove('held', 'cancelled', 'employee', 'regular');
    });
    expect(byColleague).toMatchObject({ code: 'forbidden', paths: [] });
    const byNobody = errorOf(() => {
      assertConversationMove('agreed', 'cancelled', 'manager', 'regular');
    });
    expect(byNobody).toMatchObject({ code: 'validation', paths: ['status'] });
    expect(byNobody?.message).toMatch(/agreed by you both/);
  });

  it('no move ever reaches agreed through a change of status, and the colleague can never undo a held record', () => {
    fc.assert(
      fc.property(status, role, type, (from, who, t) => {
        if (from !== 'agreed') expect(conversationMove(from, 'agreed', who, t).allowed).toBe(false);
        if (from === 'held' && who === 'employee') {
          expect(conversationMove(from, 'cancelled', who, t).allowed).toBe(false);
        }
      }),
    );
  });

  it('whatever the colleague may do, the manager may do too, and refusals are sentences without permission ids', () => {
    fc.assert(
      fc.property(status, status, type, (from, to, t) => {
        const colleague = conversationMove(from, to, 'employee', t);
        if (colleague.allowed) expect(conversationMove(from, to, 'manager', t).allowed).toBe(true);
        else expect(colleague.reason).toMatch(/^[A-Z].*\.$/);
        if (!colleague.allowed) expect(colleague.reason).not.toMatch(/conversation\.\w|objective\.\w/);
      }),
    );
  });
});

describe('what counts as held for compliance and the completions export (004)', () => {
  const at = '2027-05-10T09:00:00.000Z';
  it('agreed by both, or held with the manager’s confirmation, counts; held on one side’s word does not', () => {
    expect(countsAsHeld({ status: 'agreed', agreement: { employeeAgreedAt: at, managerAgreedAt: at } })).toBe(true);
    expect(countsAsHeld({ status: 'held', agreement: { managerAgreedAt: at } })).toBe(true);
    expect(countsAsHeld({ status: 'held', agreement: {} })).toBe(false);
    expect(countsAsHeld({ status: 'held', agreement: { employeeAgreedAt: at } })).toBe(false);
    expect(countsAsHeld({ status: 'booked', agreement: { managerAgreedAt: at } })).toBe(false);
    expect(countsAsHeld({ status: 'cancelled', agreement: { managerAgreedAt: at } })).toBe(false);
  });

  it('confirmed history keeps bookings and cancellations for scheduling and drops only unconfirmed held records', () => {
    const history = [
      { id: 'a', status: 'booked', agreement: {} },
      { id: 'b', status: 'held', agreement: {} },
      { id: 'c', status: 'held', agreement: { managerAgreedAt: at } },
      { id: 'd', status: 'agreed', agreement: { employeeAgreedAt: at, managerAgreedAt: at } },
      { id: 'e', status: 'cancelled', agreement: {} },
    ] as const;
    expect(confirmedHistory(history).map((r) => r.id)).toEqual(['a', 'c', 'd', 'e']);
  });
});

describe('objective status moves (004 Setting Objectives: the manager has the final say)', () => {
  it('only the manager agrees an objective or records how it turned out', () => {
    for (const outcome of ['achieved', 'partly-achieved', 'not-achieved'] as const) {
      expect(objectiveMove('agreed', outcome, 'employee').allowed).toBe(false);
      expect(objectiveMove('agreed', outcome, 'manager').allowed).toBe(true);
    }
    expect(objectiveMove('draft', 'agreed', 'employee').allowed).toBe(false);
    expect(objectiveMove('draft', 'agreed', 'manager').allowed).toBe(true);
    const refusal = errorOf(() => {
      assertObjectiveMove('agreed', 'achieved', 'employee');
    });
    expect(refusal).toMatchObject({ code: 'forbidden' });
    expect(refusal?.message).toMatch(/final say/);
  });

  it('an objective is agreed before it can be achieved, by anyone', () => {
    expect(
      errorOf(() => {
        assertObjectiveMove('draft', 'achieved', 'manager');
      }),
    ).toMatchObject({
      code: 'validation',
      paths: ['status'],
    });
  });

  it('the colleague may set aside their own draft and bring it back', () => {
    expect(objectiveMove('draft', 'withdrawn', 'employee').allowed).toBe(true);
    expect(objectiveMove('withdrawn', 'draft', 'employee').allowed).toBe(true);
    expect(objectiveMove('agreed', 'withdrawn', 'employee').allowed).toBe(false);
  });

  it('the colleague alone never reaches agreed or an outcome, from any status', () => {
    fc.assert(
      fc.property(objectiveStatus, objectiveStatus, (from, to) => {
        const colleague = objectiveMove(from, to, 'employee');
        if (from !== to && !['draft', 'withdrawn'].includes(to)) expect(colleague.allowed).toBe(false);
        if (colleague.allowed) expect(objectiveMove(from, to, 'manager').allowed).toBe(true);
      }),
    );
  });
});
