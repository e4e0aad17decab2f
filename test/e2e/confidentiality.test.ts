/* eslint-disable @typescript-eslint/no-unsafe-member-access -- responses are read as loose JSON */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack.ts';
import { api, REFERENCE_DATE, who } from './api-helpers.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ referenceDate: REFERENCE_DATE });
}, 120_000);
afterAll(async () => {
  await stack.close();
});

// Cumbria (tenant 1): manager 6 has 18–21; 11 is HR.
const people = (id: string) => `/api/v1/people/${id}`;
const NOTE = 'Talked through a hard month; agreed a lighter rota.';

describe('#17 point 5: an exceptional-access reason must be visible text', () => {
  const colleague = who(1, 21);
  const manager = who(1, 6);
  const hr = who(1, 11);

  it('zero-width and other invisible characters do not make a reason long enough, and nothing is audited', async () => {
    const created = await api(stack, manager, 'POST', `${people(colleague)}/conversations`, {
      body: { type: 'regular', date: REFERENCE_DATE, notes: NOTE },
    });
    expect(created.status).toBe(201);
    const path = `${people(colleague)}/conversations/${created.json.record.id as string}/exceptional-access`;
    for (const text of [
      `a${'\u200B'.repeat(12)}`,
      `\u2060\u200D\uFEFF${'\u00AD'.repeat(10)}x`,
      `ab${' '.repeat(20)}`,
    ]) {
      const refused = await api(stack, hr, 'POST', path, { body: { category: 'audit', text } });
      expect(refused.status).toBe(403);
      expect(refused.text).not.toContain(NOTE);
    }
    const audit = await api(stack, colleague, 'GET', `${people(colleague)}/audit`);
    expect(audit.status).toBe(200);
    expect(audit.json.items).toEqual([]);
    const opened = await api(stack, hr, 'POST', path, {
      body: { category: 'audit', text: 'Annual audit sample 2027/14' },
    });
    expect(opened.status).toBe(200);
    expect(opened.json.record.notes).toBe(NOTE);
  });
});
