import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { authorize, decide } from './decide.ts';
import { actor, IDS, subject } from './fixtures.test-support.ts';

describe('exceptional access to note text (003 §6)', () => {
  it('003: HR without a stated reason is refused, and told what reasons count', () => {
    const decision = decide(actor('hr'), 'conversation.content.read', subject());
    expect(decision).toEqual({ allowed: false, reason: expect.stringContaining('serious incident') as string });
  });

  it('003: HR with a reason is allowed and the access must be audited', () => {
    const decision = decide(actor('hr'), 'conversation.content.read', subject(), {
      exceptionalAccess: { category: 'serious-incident', text: 'Serious incident review SI-2026-14' },
    });
    expect(decision).toEqual({ allowed: true, via: 'hr', audit: true });
  });

  it('003: a reason too short to mean anything is refused', () => {
    const decision = decide(actor('auditor'), 'conversation.content.read', subject(), {
      exceptionalAccess: { category: 'audit', text: 'audit' },
    });
    expect(decision.allowed).toBe(false);
  });

  it("003: another team's manager cannot get notes even with a reason", () => {
    const decision = decide(actor('stranger'), 'conversation.content.read', subject(), {
      exceptionalAccess: { category: 'capability', text: 'I would like to see these notes please' },
    });
    expect(decision.allowed).toBe(false);
  });

  it('exceptional access never opens writing', () => {
    const decision = decide(actor('hr'), 'conversation.content.write', subject(), {
      exceptionalAccess: { category: 'audit', text: 'Annual audit of records 2026' },
    });
    expect(decision.allowed).toBe(false);
  });
});

describe('relationships that depend on the record or the org chart', () => {
  it('000: a previous manager named on the record keeps sight of the conversation they held', () => {
    const decision = decide(actor('previous'), 'conversation.content.read', subject(), {
      recordManagerIds: [IDS.previous],
    });
    expect(decision).toEqual({ allowed: true, via: 'record-manager', audit: false });
  });

  it('000: once the handover is done the previous manager loses access to what is due', () => {
    const done = subject({
      managerChanges: [
        {
          jobId: 'job-1',
          previousManagerId: IDS.previous,
          newManagerId: IDS.manager,
          on: '2026-10-01',
          handoverCompletedOn: '2026-10-20',
        },
      ],
    });
    expect(decide(actor('previous'), 'due.read', done).allowed).toBe(false);
    expect(decide(actor('previous'), 'handover.write', done).allowed).toBe(false);
  });

  it('004: a coordinator books only for staff without their own PC', () => {
    expect(decide(actor('coordinator'), 'conversation.book', subject({ hasOwnPc: false })).allowed).toBe(true);
    expect(decide(actor('coordinator'), 'conversation.book', subject({ hasOwnPc: true })).allowed).toBe(false);
  });

  it('000: each manager of a dual-role employee counts as a line manager', () => {
    const dual = subject({
      jobs: [
        {
          id: 'a',
          title: 'Cook',
          managerIds: [IDS.manager],
          isMain: true,
          contract: 'substantive',
          startDate: '2020-01-01',
        },
        {
          id: 'b',
          title: 'Cleaner',
          managerIds: ['second-mgr'],
          isMain: false,
          contract: 'additional',
          startDate: '2021-01-01',
        },
      ],
    });
    expect(decide({ ...actor('manager'), id: 'second-mgr' }, 'conversation.content.read', dual).allowed).toBe(true);
  });

  it('a manager of an ended job is no longer a line manager', () => {
    const ended = subject({
      jobs: [
        {
          id: 'a',
          title: 'Cook',
          managerIds: [IDS.manager],
          isMain: true,
          contract: 'substantive',
          startDate: '2020-01-01',
          endDate: '2026-01-01',
        },
        {
          id: 'b',
          title: 'Chef',
          managerIds: ['new-mgr'],
          isMain: true,
          contract: 'substantive',
          startDate: '2026-01-02',
        },
      ],
      managerChanges: [],
    });
    expect(decide(actor('manager'), 'conversation.content.read', ended).allowed).toBe(false);
  });

  it('authorize throws a forbidden AppError with the reason', () => {
    expect(() => authorize(actor('stranger'), 'objective.read', subject())).toThrow(AppError);
    const thrown = (() => {
      try {
        authorize(actor('otherTenant'), 'profile.read', subject());
      } catch (error) {
        return error;
      }
      return 'nothing was thrown';
    })();
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ code: 'forbidden', message: 'That person is not in your organisation.' });
  });
});
