/**
 * A development stand-in for the server, used only to look at the tab's pages in Chromium before
 * the real API exists. It serves tab/dist under /tab/, the local sign-in endpoints and a small
 * in-memory subset of /api/v1. The tab's end-to-end tests use the real local stack, never this.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const DIST = join(import.meta.dirname, '..', '..', 'tab', 'dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.map': 'application/json',
};
const TENANT = { tenantId: 't-stub', name: 'Stub County Council', schemeId: 'cumbria-vip' as const };
const person = (id: string, displayName: string, title: string) => ({
  id,
  displayName,
  email: `${id}@stub.test`,
  jobTitles: [title],
});
const PEOPLE = [
  { ...person('alex', 'Alex Manager', 'Team Manager'), managerIds: ['dee'], reports: ['sam', 'jo'] },
  { ...person('sam', 'Sam Colleague', 'Social Worker'), managerIds: ['alex'], reports: [] },
  { ...person('jo', 'Jo Colleague', 'Library Assistant'), managerIds: ['alex'], reports: [] },
  { ...person('kim', 'Kim Other', 'Highways Inspector'), managerIds: ['lee'], reports: [] },
];
const now = () => new Date().toISOString();

const SCHEME = {
  id: 'cumbria-vip',
  employer: 'Stub County Council',
  schemeName: 'VIP',
  policy: '000',
  conversations: [
    { type: 'regular', label: 'VIP conversation', description: '', policyRef: '000' },
    { type: 'annual-review', label: 'VIP Summary Appraisal', description: '', policyRef: '000' },
  ],
  topics: [
    {
      id: 'customer',
      title: 'Customer',
      description: '',
      strengthsPrompt: '',
      openQuestions: [],
      probingQuestions: [],
    },
    {
      id: 'working-together',
      title: 'Working together',
      description: '',
      strengthsPrompt: '',
      openQuestions: [],
      probingQuestions: [],
    },
  ],
  topicsPerConversation: { min: 1, max: 2 },
  strengthsFirst: true,
  annualReview: {
    title: 'VIP Summary Appraisal',
    employeeDriven: false,
    sections: [{ id: 'wellbeing', title: 'Wellbeing', guidance: 'How are you?' }],
  },
  objectiveKinds: [
    { id: 'task', title: 'Task-based', description: '' },
    { id: 'skills-development', title: 'Skills and development', description: '' },
  ],
  objectiveRecording: { mode: 'expected', decidedBy: 'pair', note: '' },
  smartPrompts: {
    specific: 'What exactly will you do?',
    measurable: 'How will you measure it?',
    achievable: 'Is it realistic?',
    relevant: 'How does it help the team plan?',
    timeBound: 'By when?',
  },
  measures: [{ kind: 'quality', title: 'Quality', prompt: 'How well?' }],
  preparation: { employee: ['What has gone well since we last met?'], manager: ['What feedback can you give?'] },
  minimumRecord: ['issues-raised', 'actions-agreed'],
  capabilityReferral: 'Refer to the capability procedure.',
};

interface Store {
  objectives: Record<string, unknown>[];
  conversations: Record<string, unknown>[];
  themes?: Record<string, unknown>;
  seq: number;
}

/** Returns true so handlers can `return send(...)`. */
const send = (res: ServerResponse, status: number, body: unknown): true => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
  return true;
};
const readJson = async (req: IncomingMessage): Promise<Record<string, unknown>> => {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
};

const smartCheck = (b: Record<string, unknown>) => {
  const title = typeof b.title === 'string' ? b.title : '';
  const letters = [
    {
      letter: 'S',
      ok: title.split(' ').length >= 4,
      prompt: SCHEME.smartPrompts.specific,
      reason: 'Say exactly what you will do.',
    },
    {
      letter: 'M',
      ok: (Array.isArray(b.measures) && b.measures.length > 0) || /\d/.test(title),
      prompt: SCHEME.smartPrompts.measurable,
      reason: 'Add a number or a measure.',
    },
    { letter: 'A', ok: true, prompt: SCHEME.smartPrompts.achievable },
    { letter: 'R', ok: true, prompt: SCHEME.smartPrompts.relevant },
    {
      letter: 'T',
      ok: typeof b.targetDate === 'string',
      prompt: SCHEME.smartPrompts.timeBound,
      reason: 'Set a target date.',
    },
  ];
  return { letters, complete: letters.every((l) => l.ok) };
};

const api = async (req: IncomingMessage, res: ServerResponse, path: string, store: Store): Promise<unknown> => {
  const who = PEOPLE.find((p) => req.headers.authorization === `Bearer stub.${p.id}`);
  if (!who) {
    send(res, 401, { error: { code: 'unauthenticated', message: 'Sign in.' } });
    return;
  }
  const m = req.method ?? 'GET';
  const member = (id: string) => {
    const p = PEOPLE.find((x) => x.id === id)!;
    return {
      person: person(p.id, p.displayName, p.jobTitles[0] ?? ''),
      overall: id === 'jo' ? 'overdue' : 'on-time',
      overdueCount: id === 'jo' ? 1 : 0,
      pendingHandover: id === 'jo',
      ...(id === 'jo'
        ? {
            next: {
              type: 'annual-review',
              jobIds: [],
              withIds: ['alex'],
              dueDate: '2026-01-10',
              windowStart: '2025-12-10',
              status: 'overdue',
              reason: 'A year since the last appraisal.',
              policyRef: '000',
            },
          }
        : {}),
    };
  };
  let mm: RegExpMatchArray | null;
  if (path === '/api/v1/me')
    return send(res, 200, {
      person: person(who.id, who.displayName, who.jobTitles[0] ?? ''),
      tenant: TENANT,
      orgRoles: [],
      managerIds: who.managerIds,
      reportCount: who.reports.length,
    });
  if (path === '/api/v1/scheme') return send(res, 200, SCHEME);
  if (path === '/api/v1/me/team') return send(res, 200, { managerId: who.id, members: who.reports.map(member) });
  if (path === '/api/v1/objectives/smart-check') return send(res, 200, smartCheck(await readJson(req)));
  if ((mm = /^\/api\/v1\/people\/([^/]+)\/(.*)$/.exec(path))) {
    const [, pid = '', rest = ''] = mm;
    if (pid !== who.id && !who.reports.includes(pid))
      return send(res, 403, {
        error: { code: 'forbidden', message: 'You do not have access to this person.', correlationId: 'stub-1' },
      });
    if (rest === 'due')
      return send(res, 200, {
        employeeId: pid,
        schemeId: TENANT.schemeId,
        on: now().slice(0, 10),
        items: [
          {
            type: 'regular',
            jobIds: [],
            withIds: who.managerIds,
            dueDate: '2026-12-01',
            windowStart: '2026-11-01',
            status: 'due',
            reason: 'Six weeks since your last VIP conversation.',
            policyRef: '000 Regular',
          },
        ],
      });
    if (rest === 'objectives' && m === 'GET')
      return send(res, 200, { items: store.objectives.filter((o) => o.ownerId === pid) });
    if (rest === 'objectives' && m === 'POST') {
      const b = await readJson(req);
      const o = {
        description: '',
        measures: [],
        milestones: [],
        alignment: [],
        support: [],
        ...b,
        id: `o${++store.seq}`,
        ownerId: pid,
        status: 'draft',
        progress: 0,
        progressNotes: [],
        createdAt: now(),
        updatedAt: now(),
        etag: `"e${store.seq}"`,
      };
      store.objectives.push(o);
      return send(res, 201, o);
    }
    if ((mm = /^objectives\/([^/]+)$/.exec(rest))) {
      const o = store.objectives.find((x) => x.id === mm?.[1]);
      if (!o) return send(res, 404, { error: { code: 'not-found', message: 'No such objective.' } });
      if (m === 'PATCH') {
        if (req.headers['if-match'] !== o.etag)
          return send(res, 409, { error: { code: 'conflict', message: 'stale' } });
        const b = await readJson(req);
        Object.assign(o, b, { etag: `"e${++store.seq}"`, updatedAt: now() });
        if (typeof b.progressNote === 'string')
          (o.progressNotes as unknown[]).push({ at: now(), by: who.id, text: b.progressNote, percent: b.progress });
      }
      return send(res, 200, o);
    }
    if (rest === 'conversations' && m === 'GET')
      return send(res, 200, {
        items: store.conversations.filter((c) => (c.record as { employeeId: string }).employeeId === pid),
      });
    if (rest === 'conversations' && m === 'POST') {
      const b = await readJson(req);
      const c = {
        kind: 'full',
        etag: `"c${++store.seq}"`,
        record: {
          agenda: [],
          sections: {},
          topics: [],
          notes: '',
          issuesRaised: [],
          actionsAgreed: [],
          ...b,
          id: `c${store.seq}`,
          employeeId: pid,
          managerIds: pid === who.id ? who.managerIds : [who.id],
          jobIds: [],
          status: 'held',
          agreement: {},
          createdAt: now(),
          updatedAt: now(),
        },
      };
      store.conversations.push(c);
      return send(res, 201, c);
    }
    if ((mm = /^conversations\/([^/]+)(?:\/(agree|disagree|appeal))?$/.exec(rest))) {
      const c = store.conversations.find((x) => (x.record as { id: string }).id === mm?.[1]);
      if (!c) return send(res, 404, { error: { code: 'not-found', message: 'No such conversation.' } });
      const r = c.record as Record<string, unknown>;
      if (mm[2] === 'appeal' && m === 'GET')
        return send(res, 200, {
          allowed: false,
          explanation: 'This scheme has no appeal against a conversation record.',
        });
      if (mm[2] !== undefined) {
        if (req.headers['if-match'] !== c.etag)
          return send(res, 409, { error: { code: 'conflict', message: 'stale' } });
        const b = await readJson(req);
        if (mm[2] === 'agree') {
          r.agreement = {
            ...(r.agreement as object),
            [pid === who.id ? 'employeeAgreedAt' : 'managerAgreedAt']: now(),
          };
          const a = r.agreement as Record<string, unknown>;
          if (a.employeeAgreedAt && a.managerAgreedAt) r.status = 'agreed';
        }
        if (mm[2] === 'disagree') r.disagreement = { recordedAt: now(), text: b.text };
        c.etag = `"c${++store.seq}"`;
      }
      return send(res, 200, c);
    }
    if (rest === 'team-themes' && m === 'GET')
      return store.themes
        ? send(res, 200, store.themes)
        : send(res, 404, { error: { code: 'not-found', message: 'None yet.' } });
    if (rest === 'team-themes' && m === 'PUT') {
      store.themes = { ...(await readJson(req)), managerId: pid, updatedAt: now(), etag: `"t${++store.seq}"` };
      return send(res, 200, store.themes);
    }
    if (rest === 'compliance')
      return send(res, 200, {
        scope: 'My team',
        quarter: '2026 Q4',
        onTimePercent: 50,
        completed: 1,
        expected: 2,
        overdue: [{ employeeId: 'jo', displayName: 'Jo Colleague', type: 'annual-review', dueDate: '2026-01-10' }],
        payDeferrals: 0,
      });
    if (rest === 'team') return send(res, 200, { managerId: pid, members: [] });
    if (rest === 'handover' && m === 'POST') return send(res, 201, { ok: true });
  }
  if ((mm = /^\/api\/v1\/people\/([^/]+)$/.exec(path))) {
    const p = PEOPLE.find((x) => x.id === mm?.[1]);
    return p
      ? send(res, 200, person(p.id, p.displayName, p.jobTitles[0] ?? ''))
      : send(res, 404, { error: { code: 'not-found', message: 'No such person.' } });
  }
  send(res, 404, { error: { code: 'not-found', message: 'Not in the stub.' } });
};

const serveStatic = (res: ServerResponse, path: string) => {
  const rel = normalize(path.replace(/^\/tab\/?/, '') || 'index.html').replace(/^(\.\.[/\\])+/, '');
  const file = join(DIST, rel);
  if (!existsSync(file)) {
    res.writeHead(404);
    res.end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
};

export const startTabApiStub = async (): Promise<{ baseUrl: string; close(): Promise<void> }> => {
  const store: Store = { objectives: [], conversations: [], seq: 0 };
  let baseUrl = '';
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', baseUrl);
    const p = url.pathname;
    const done = (e: unknown) => {
      send(res, 500, { error: { code: 'stub', message: String(e) } });
    };
    if (p === '/local/config') {
      send(res, 200, { issuerUrl: baseUrl, audience: 'api://stub' });
      return;
    }
    if (p === '/local/people') {
      send(
        res,
        200,
        PEOPLE.map((x) => ({
          id: x.id,
          tenantId: TENANT.tenantId,
          displayName: x.displayName,
          email: `${x.id}@stub.test`,
          roles: x.reports.length > 0 ? ['manager'] : [],
        })),
      );
      return;
    }
    if (p === '/local/sign-in') {
      send(res, 200, { access_token: `stub.${url.searchParams.get('oid') ?? ''}` });
      return;
    }
    if (p.startsWith('/api/')) {
      api(req, res, p, store).catch(done);
      return;
    }
    if (p === '/tab' || p.startsWith('/tab/')) {
      serveStatic(res, p === '/tab' ? '/tab/' : p);
      return;
    }
    res.writeHead(302, { location: '/tab/' });
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    close: () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  };
};
