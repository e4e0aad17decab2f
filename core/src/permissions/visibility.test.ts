import { describe, expect, it } from 'vitest';
import type { FeedbackEntry } from '../domain/feedback.ts';
import { canSeeFeedback, viewConversation } from './visibility.ts';
import { actor, IDS, record, subject, TENANT } from './fixtures.test-support.ts';

const bexley = { hiddenFromEmployeeUntilReleased: true };
const somerset = { hiddenFromEmployeeUntilReleased: false };
const rated = record({ rating: { value: '1', bonusRecommended: true } });

describe('what each person sees of a conversation record', () => {
  it('003: HR sees completion facts and the rating, never the note text', () => {
    const view = viewConversation(actor('hr'), subject(), rated, somerset);
    expect(view?.kind).toBe('facts');
    expect(JSON.stringify(view)).not.toContain('Private note text');
    expect(JSON.stringify(view)).not.toContain('Workload in March');
    expect(view).toMatchObject({ facts: { agreedByBoth: true, rating: { value: '1' } } });
  });

  it("another team's manager cannot learn the record exists", () => {
    expect(viewConversation(actor('stranger'), subject(), rated, somerset)).toBeUndefined();
  });

  it('the pair see the whole record', () => {
    const view = viewConversation(actor('manager'), subject(), rated, bexley);
    expect(view).toMatchObject({ kind: 'full', audit: false, record: { notes: 'Private note text' } });
  });

  it('002: the employee does not see a pay recommendation before Step 3 review releases it', () => {
    const view = viewConversation(actor('self'), subject(), rated, bexley);
    expect(view?.kind).toBe('full');
    expect(view?.kind === 'full' && view.record.rating).toBeFalsy();
    const released = record({ rating: { value: '1', releasedToEmployeeAt: '2026-07-01T00:00:00Z' } });
    const after = viewConversation(actor('self'), subject(), released, bexley);
    expect(after?.kind === 'full' && after.record.rating?.value).toBe('1');
  });

  it('003: exceptional access with a reason shows the record and flags it for audit', () => {
    const view = viewConversation(actor('auditor'), subject(), rated, somerset, {
      exceptionalAccess: { category: 'audit', text: 'Records audit, ticket 4411' },
    });
    expect(view).toMatchObject({ kind: 'full', audit: true });
  });
});

describe('in-the-moment feedback visibility (004)', () => {
  const entry = (visibility: FeedbackEntry['visibility']): FeedbackEntry => ({
    tenantId: TENANT,
    id: 'f1',
    authorId: 'colleague',
    subjectId: IDS.self,
    pairManagerId: IDS.manager,
    kind: 'work-acknowledged',
    text: 'Great handling of the complaint',
    visibility,
    createdAt: '2026-11-01T10:00:00Z',
  });

  it('004: private to the pair by default: the subject, the author and the pair manager', () => {
    expect(canSeeFeedback(IDS.self, entry('pair'), [IDS.manager])).toBe(true);
    expect(canSeeFeedback('colleague', entry('pair'), [IDS.manager])).toBe(true);
    expect(canSeeFeedback(IDS.manager, entry('pair'), [IDS.manager])).toBe(true);
    expect(canSeeFeedback(IDS.hr, entry('pair'), [IDS.manager])).toBe(false);
    expect(canSeeFeedback(IDS.grandparent, entry('pair'), [IDS.manager])).toBe(false);
  });

  it('004: subject-only keeps it from the manager', () => {
    expect(canSeeFeedback(IDS.manager, entry('subject-only'), [IDS.manager])).toBe(false);
  });

  it('004: subject-and-managers opens it to every current manager of the subject', () => {
    expect(canSeeFeedback('second-mgr', entry('subject-and-managers'), [IDS.manager, 'second-mgr'])).toBe(true);
  });
});
