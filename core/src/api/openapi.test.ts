import { describe, expect, it } from 'vitest';
import { buildOpenApi } from './openapi.ts';
import { routes } from './routes.ts';
import { conversationInput, conversationPatch } from './conversations.ts';
import { objectivePatch } from './objectives.ts';
import { suggestTimesInput } from './bookings.ts';

describe('the API contract', () => {
  const doc = buildOpenApi('1.0.0') as {
    paths: Record<string, Record<string, { operationId: string; parameters: { name: string }[] }>>;
  };

  it('documents every route exactly once with its path parameters', () => {
    const operations = Object.values(doc.paths).flatMap((ops) => Object.values(ops));
    expect(operations.map((op) => op.operationId).sort()).toEqual(Object.keys(routes).sort());
    const update = doc.paths['/api/v1/people/{personId}/conversations/{conversationId}']?.patch;
    expect(update?.parameters.map((p) => p.name)).toEqual(['personId', 'conversationId', 'If-Match']);
  });

  it('has no two routes on the same method and path', () => {
    const keys = Object.values(routes).map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('refuses a conversation body with field-level reasons', () => {
    const result = conversationInput.safeParse({ type: 'in-the-moment', date: '2027-02-30', notes: 3 });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['date', 'notes', 'type']);
    expect(result.error?.issues.find((i) => i.path[0] === 'date')?.message).toBe(
      'Use a calendar date written as YYYY-MM-DD.',
    );
  });

  it('refuses a time range that ends before it starts', () => {
    const result = suggestTimesInput.safeParse({
      employeeId: 'e1',
      type: 'big-picture',
      from: '2027-03-10',
      to: '2027-03-01',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['to']);
  });
});

describe('patches change only what was sent', () => {
  it('a conversation patch with only notes leaves agenda, actions, topics and sections alone', () => {
    expect(conversationPatch.parse({ notes: 'Talked about the rota' })).toEqual({ notes: 'Talked about the rota' });
  });

  it('an objective patch with only a title leaves the description, measures and milestones alone', () => {
    expect(objectivePatch.parse({ title: 'Shorter reply times' })).toEqual({ title: 'Shorter reply times' });
  });

  it('a new record still starts with empty lists and text', () => {
    expect(conversationInput.parse({ type: 'regular', date: '2027-01-04' })).toMatchObject({
      notes: '',
      agenda: [],
      actionsAgreed: [],
    });
  });
});
