import { isAppError } from '@pc/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedback, openStore, TENANT_A, type StoreHarness } from './fixtures.test-support.ts';

let h: StoreHarness;
beforeAll(async () => {
  h = await openStore();
});
afterAll(async () => {
  await h.close();
});

describe('notes written at the same moment share one request', () => {
  it('stores each of many concurrent notes once, in one request, with its own version', async () => {
    const notes = Array.from({ length: 60 }, (_, i) => feedback({ subjectId: `emp-${String(i % 7)}` }));
    const before = h.store.requestCount();
    const stored = await Promise.all(notes.map((n) => h.store.feedback.create(n)));
    expect(h.store.requestCount() - before).toBe(1);
    expect(new Set(stored.map((s) => s.etag)).size).toBe(60);
    for (const note of notes) {
      const read = await h.store.feedback.get(TENANT_A, note.subjectId, note.id);
      expect(read?.item).toEqual(note);
    }
  });

  it('answers a repeated note with a conflict, alone or among others, and keeps the first', async () => {
    const first = feedback({ text: 'First wording' });
    await h.store.feedback.create(first);
    const again = { ...first, text: 'Second wording' };
    const results = await Promise.allSettled([
      h.store.feedback.create(again),
      h.store.feedback.create(feedback()),
      h.store.feedback.create(again),
    ]);
    const codes = results.map((r) => (r.status === 'fulfilled' ? 'created' : isAppError(r.reason) && r.reason.code));
    expect(codes).toEqual(['conflict', 'created', 'conflict']);
    await expect(h.store.feedback.create(again)).rejects.toMatchObject({ code: 'conflict' });
    expect((await h.store.feedback.get(TENANT_A, first.subjectId, first.id))?.item.text).toBe('First wording');
  });

  it('a lone note is written at once', async () => {
    const note = feedback();
    const stored = await h.store.feedback.create(note);
    expect(stored.item).toEqual(note);
    expect((await h.store.feedback.get(TENANT_A, note.subjectId, note.id))?.etag).toBe(stored.etag);
  });
});
