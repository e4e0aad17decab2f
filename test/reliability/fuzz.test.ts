/**
 * Arbitrary bodies against the REST API and arbitrary card submissions against the bot: never a
 * 500, never a stack trace or internal path in any response, and nothing invalid left in the
 * store (read back through the API, which checks every response against its contract, and
 * directly from the store).
 */
import { CARD_VERBS } from '@pc/core/cards';
import { FEEDBACK_TEXT_MAX } from '@pc/core/feedback';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, STACK_PATTERN, TENANT, type ApiAnswer, type Harness } from './support/harness.ts';
import { seedTeam } from './support/org.ts';

const ME = 'report-001';
const PEOPLE = ['manager', 'report-000', 'report-001', 'report-002'];
const RUNS = 40;

// Values of every JSON shape, plus the strings that tend to break parsers and queries.
const nasty = fc.oneof(
  fc.constantFrom('', ' ', '\u0000', '"; DROP', '../../etc/passwd', '${x}', '<script>', 'x'.repeat(5000), '2027-02-30'),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.oneof({ depthSize: 'small' }, nasty, fc.jsonValue({ maxDepth: 3 }));
const bodyWith = (keys: readonly string[]) =>
  fc.oneof(fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length }), fc.jsonValue({ maxDepth: 3 }));

const OBJECTIVE_KEYS = [
  'kind',
  'title',
  'description',
  'measures',
  'horizon',
  'targetDate',
  'milestones',
  'alignment',
  'support',
  'jobId',
];
const CONVERSATION_KEYS = [
  'type',
  'date',
  'jobIds',
  'topics',
  'sections',
  'notes',
  'issuesRaised',
  'actionsAgreed',
  'agenda',
  'forwardLooking',
  'status',
  'rating',
];
const CARD_KEYS = [
  'verb',
  'subjectId',
  'kind',
  'text',
  'visibility',
  'addToAgenda',
  'agendaItem',
  'starterId',
  'topicId',
  'answer',
  'checkinId',
];

const expectSafe = (answer: ApiAnswer): void => {
  expect(answer.status).toBeLessThan(500);
  expect(answer.text).not.toMatch(STACK_PATTERN);
  if (answer.status >= 400 && answer.text !== '') {
    const error = (answer.json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    expect(typeof error?.code).toBe('string');
    expect(typeof error?.message).toBe('string');
  }
};

describe('fuzzing the API bodies and card submissions', () => {
  let h: Harness;
  let conversationPath = '';
  let conversationEtag = '';

  beforeAll(async () => {
    h = await startHarness({ now: '2027-05-10T09:00:00.000Z' });
    await seedTeam(h.app.store, { tenantId: TENANT, reports: 3 });
    const created = await h.api('POST', `/people/${ME}/conversations`, ME, {
      body: { type: 'regular', date: '2027-05-03', notes: 'First' },
    });
    expect(created.status).toBe(201);
    const record =
      (created.json as { record?: { id: string } } | undefined)?.record ?? (created.json as { id: string });
    conversationPath = `/people/${ME}/conversations/${record.id}`;
    conversationEtag = created.headers.get('etag') ?? '';
  });
  afterAll(async () => {
    await h.close();
  });

  it('objective bodies: never a 500 or a stack trace', async () => {
    await fc.assert(
      fc.asyncProperty(bodyWith(OBJECTIVE_KEYS), async (body) => {
        expectSafe(await h.api('POST', `/people/${ME}/objectives`, ME, { body }));
        expectSafe(await h.api('POST', '/objectives/smart-check', ME, { body }));
      }),
      { numRuns: RUNS },
    );
  });

  it('conversation bodies and If-Match values: never a 500 or a stack trace', async () => {
    await fc.assert(
      fc.asyncProperty(
        bodyWith(CONVERSATION_KEYS),
        fc.oneof(fc.constant(conversationEtag), fc.string({ maxLength: 60 })),
        async (body, ifMatch) => {
          expectSafe(await h.api('POST', `/people/${ME}/conversations`, ME, { body }));
          const patched = await h.api('PATCH', conversationPath, ME, {
            body,
            ...(ifMatch.trim() === '' ? {} : { ifMatch }),
          });
          expectSafe(patched);
          conversationEtag = patched.headers.get('etag') ?? conversationEtag;
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('raw request bodies that are not JSON at all: a 4xx, never a 500', async () => {
    const token = await h.issuer.signToken({
      tid: TENANT,
      oid: ME,
      aud: 'api://localhost/performance-conversations',
      scp: 'access_as_user',
    });
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 300 }),
        fc.constantFrom('application/json', 'text/plain', 'application/xml'),
        async (raw, type) => {
          const response = await fetch(`${h.app.url}/api/v1/people/${ME}/objectives`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': type },
            body: raw,
          });
          const text = await response.text();
          expect(response.status).toBeGreaterThanOrEqual(400);
          expect(response.status).toBeLessThan(500);
          expect(text).not.toMatch(STACK_PATTERN);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('card submissions with any verb and any data: the bot answers with a card, never a stack trace', async () => {
    const verb = fc.oneof(fc.constantFrom(...Object.values(CARD_VERBS)), nasty);
    await fc.assert(
      fc.asyncProperty(verb, bodyWith(CARD_KEYS), fc.constantFrom(...PEOPLE), async (v, data, who) => {
        const submitted = typeof data === 'object' && data !== null && !Array.isArray(data) ? data : { data };
        const answer = await h.submit(who, { ...submitted, verb: v });
        expect(answer.status).toBe(200);
        expect(answer.reply).toContain('AdaptiveCard');
        expect(answer.reply).not.toMatch(STACK_PATTERN);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('afterwards every stored record is valid: the API serves each list, and notes are within their limits', async () => {
    for (const who of PEOPLE) {
      for (const path of [`/people/${who}/objectives`, `/people/${who}/conversations?pageSize=100`]) {
        const answer = await h.api('GET', path, who);
        expect(answer.status, path).toBe(200);
      }
      const notes = await h.app.store.feedback.listForSubject(TENANT, who, { pageSize: 100 });
      for (const note of notes.items) {
        expect(PEOPLE).toContain(note.authorId);
        expect(note.text.trim().length).toBeGreaterThan(0);
        expect(note.text.length).toBeLessThanOrEqual(FEEDBACK_TEXT_MAX);
      }
    }
  });
});
