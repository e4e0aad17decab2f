import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FeedbackEntry } from '../domain/feedback.ts';
import { AppError } from '../errors.ts';
import {
  canViewFeedback,
  feedbackIdFor,
  isPlainFeedback,
  parseFeedbackSubmission,
  parsePlainFeedback,
  stableId,
} from './index.ts';

const validationIssues = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe('validation');
    return appError.details.map((d) => d.path).sort();
  }
  throw new Error('expected a validation error');
};

describe('004: in-the-moment feedback submission', () => {
  it('accepts a complete form about a colleague', () => {
    const command = parseFeedbackSubmission({
      subjectId: 'sam',
      kind: 'work-acknowledged',
      text: '  Great cover on Friday  ',
      visibility: 'pair',
      addToAgenda: 'true',
      verb: 'feedback.log',
    });
    expect(command).toEqual({
      subjectId: 'sam',
      kind: 'work-acknowledged',
      text: 'Great cover on Friday',
      visibility: 'pair',
      addToAgenda: true,
    });
  });

  it('defaults visibility to private to the pair and agenda to no', () => {
    const command = parseFeedbackSubmission({
      subjectId: 'me',
      kind: 'advice',
      text: 'Asked about leave',
      visibility: '',
    });
    expect(command.visibility).toBe('pair');
    expect(command.addToAgenda).toBe(false);
  });

  it('names every field that is wrong', () => {
    expect(
      validationIssues(() => parseFeedbackSubmission({ kind: 'gossip', text: '   ', visibility: 'everyone' })),
    ).toEqual(['kind', 'subjectId', 'text', 'visibility']);
  });

  it('refuses an over-long note', () => {
    expect(
      validationIssues(() => parseFeedbackSubmission({ subjectId: 'me', kind: 'advice', text: 'x'.repeat(1001) })),
    ).toEqual(['text']);
  });

  it('refuses a payload that is not an object', () => {
    expect(validationIssues(() => parseFeedbackSubmission('hello')).length).toBeGreaterThan(0);
  });

  it('plain words: "feedback: helped Sam with the rota" is a private note about the author', () => {
    expect(isPlainFeedback('Feedback: helped Sam with the rota')).toBe(true);
    expect(isPlainFeedback('feedback')).toBe(false);
    const command = parsePlainFeedback('Feedback: helped Sam with the rota', 'me');
    expect(command).toMatchObject({
      subjectId: 'me',
      kind: 'other',
      text: 'helped Sam with the rota',
      visibility: 'pair',
    });
    expect(validationIssues(() => parsePlainFeedback('feedback:   ', 'me'))).toEqual(['text']);
  });
});

describe('deterministic ids', () => {
  it('the same activity always maps to the same id; different activities or tenants do not', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (tenant, a, b) => {
        expect(feedbackIdFor(tenant, a)).toBe(feedbackIdFor(tenant, a));
        if (a !== b) expect(feedbackIdFor(tenant, a)).not.toBe(feedbackIdFor(tenant, b));
        expect(feedbackIdFor(tenant, a)).toMatch(/^fb-[0-9a-f]{32}$/);
      }),
    );
    expect(stableId('x', 'ab', 'c')).not.toBe(stableId('x', 'a', 'bc'));
    expect(feedbackIdFor('t1', 'a')).not.toBe(feedbackIdFor('t2', 'a'));
  });

  it('a replayed submission yields an identical command', () => {
    const data = { subjectId: 'sam', kind: 'advice', text: 'Talked it through' };
    expect(parseFeedbackSubmission(data)).toEqual(parseFeedbackSubmission(data));
  });
});

describe('004: who can read feedback', () => {
  const base: FeedbackEntry = {
    tenantId: 't1',
    id: feedbackIdFor('t1', 'act-1'),
    authorId: 'me',
    subjectId: 'sam',
    pairManagerId: 'mgr',
    kind: 'advice',
    text: 'x',
    visibility: 'pair',
    createdAt: '2027-05-01T09:00:00.000Z',
  };
  const withVisibility = (visibility: FeedbackEntry['visibility']): FeedbackEntry => ({ ...base, visibility });

  it('private to the pair: author, subject and the pair manager only', () => {
    const entry = withVisibility('pair');
    expect(
      ['me', 'sam', 'mgr', 'other-mgr', 'hr'].filter((v) => canViewFeedback(entry, v, ['mgr', 'other-mgr'])),
    ).toEqual(['me', 'sam', 'mgr']);
  });

  it('subject only: no manager sees it', () => {
    const entry = withVisibility('subject-only');
    expect(['me', 'sam', 'mgr'].filter((v) => canViewFeedback(entry, v, ['mgr']))).toEqual(['me', 'sam']);
  });

  it('subject and managers: every current line manager', () => {
    const entry = withVisibility('subject-and-managers');
    expect(
      ['me', 'sam', 'mgr', 'other-mgr', 'hr'].filter((v) => canViewFeedback(entry, v, ['mgr', 'other-mgr'])),
    ).toEqual(['me', 'sam', 'mgr', 'other-mgr']);
  });
});
