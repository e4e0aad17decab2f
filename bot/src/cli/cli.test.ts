import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_STORIES, DEMO_TENANT_IDS, buildDemoOrg, demoPerson, demoPersonId } from '@pc/demo/demo-org.ts';
import { runCli } from './main.ts';

const ON = '2027-05-01';

const run = async (...argv: string[]): Promise<{ code: number; out: string; err: string }> => {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    today: ON,
    organisation: buildDemoOrg,
    readFile: (path) => readFile(path, 'utf8'),
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
  });
  return { code, out, err };
};

describe('cli due', () => {
  it('prints a readable table of what is due for a demo person found by email', async () => {
    const { code, out, err } = await run(
      'due',
      '--scheme',
      'bexley-pms',
      '--employee',
      'aisha.khan@bexley.demo',
      '--on',
      ON,
    );
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('Aisha Khan <aisha.khan@bexley.demo>');
    expect(out).toMatch(/^type\s+status\s+due\s+reason\s+policy$/m);
    expect(out).toMatch(/probation-review\s+due\s+2027-05-04/);
    expect(out).toContain('002 §5');
  });

  it('gives the engine report as JSON, for a person found by id', async () => {
    const id = demoPersonId(1, DEMO_STORIES.overdue[0]);
    const { code, out } = await run('due', '--employee', id, '--on', ON, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out) as {
      employeeId: string;
      schemeId: string;
      items: { type: string; status: string }[];
    };
    expect(report).toMatchObject({ employeeId: id, schemeId: 'cumbria-vip', on: ON });
    expect(report.items).toContainEqual(expect.objectContaining({ type: 'annual-review', status: 'overdue' }));
  });

  it('reads { tenant, employee, history } from a file with --input', async () => {
    const person = demoPerson(demoPersonId(4, 30), ON)!;
    const dir = await mkdtemp(join(tmpdir(), 'pc-cli-'));
    const file = join(dir, 'input.json');
    await writeFile(file, JSON.stringify({ tenant: person.tenant, employee: person.employee, history: [] }));
    const { code, out } = await run('due', '--input', file, '--on', ON, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out) as { schemeId: string; items: { type: string }[] };
    expect(report.schemeId).toBe('somerset-career-conversations');
    expect(report.items.some((i) => i.type === 'annual-review')).toBe(true);
  });

  it('accepts a short hand-written input file, filling neutral defaults', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pc-cli-'));
    const file = join(dir, 'short.json');
    const tenantId = DEMO_TENANT_IDS['assembly-secretariat'];
    await writeFile(
      file,
      JSON.stringify({
        tenant: { tenantId, schemeId: 'assembly-secretariat', nation: 'northern-ireland' },
        employee: {
          tenantId,
          id: 'e1',
          startDate: '2020-01-06',
          jobs: [{ id: 'j1', managerIds: ['m1'], startDate: '2020-01-06' }],
        },
      }),
    );
    const { code, out } = await run('due', '--input', file, '--on', ON);
    expect(code).toBe(0);
    expect(out).toMatch(/regular|big-picture/);
  });
});

describe('cli due over the worked examples in docs/examples', () => {
  it('003 §2.3: a medical colleague is told the policy schedules nothing for them, and why', async () => {
    const file = new URL('../../../docs/examples/003-medical-colleague.json', import.meta.url).pathname;
    const { code, out } = await run('due', '--input', file, '--on', '2027-03-10');
    expect(code).toBe(0);
    expect(out).toContain('Medical and dental colleagues are outside the Career Conversations policy');
    expect(out).toContain('Policy: 003 §2.3.');
    expect(out).not.toContain('Nothing is due.');
  });
});

describe('cli due over the worked examples of pair agreements, probation and deferral plans', () => {
  const example = (name: string) => new URL(`../../../docs/examples/${name}`, import.meta.url).pathname;

  it('003 §5.1: a fortnightly frequency in a supervision record applies from the day both agreed it', async () => {
    const file = example('003-supervision-agreed-fortnightly.json');
    const before = await run('due', '--input', file, '--on', '2027-04-22');
    expect(before.out).toContain('the next is due by 19 May 2027');
    const after = await run('due', '--input', file, '--on', '2027-04-30');
    expect(after.code).toBe(0);
    expect(after.out).toContain('every 2 weeks, as you agreed on 23 April 2027; next by 5 May 2027');
  });
  it('004 Regular: a new starter’s fortnightly agreement makes the next Regular conversation overdue after two weeks', async () => {
    const { out } = await run('due', '--input', example('004-new-starter-fortnightly.json'), '--on', '2027-03-18');
    expect(out).toMatch(/regular +overdue +2027-03-17 .*every 2 weeks, as you agreed on 3 March 2027/);
  });
  it('002 §5: an extended probation moves the outcome meeting to the end of the extension', async () => {
    const { out } = await run('due', '--input', example('002-probation-extended.json'), '--on', '2027-07-01');
    expect(out).toContain('Your probation was extended to 30 September 2027');
    expect(out).toMatch(/probation-review +upcoming +2027-09-30/);
  });
  it("003 §5.8: the deferral plan's next review date is due, marked with whose choice its window is", async () => {
    const { out } = await run('due', '--input', example('003-deferral-plan.json'), '--on', '2027-06-05');
    expect(out).toMatch(/regular +completed +2027-05-10 +Your pay-step deferral plan was reviewed on 7 May 2027/);
    expect(out).toMatch(/regular +due +2027-06-10 .*shown as due 7 days before: the organisation's choice/);
    expect(out).not.toContain('2027-07-12');
  });
});

describe('cli people and schemes', () => {
  it('lists demo people with ids, emails and roles', async () => {
    const { code, out } = await run('people', '--scheme', 'bexley-pms');
    expect(code).toBe(0);
    expect(out).toContain(demoPersonId(3, 14));
    expect(out).toContain('aisha.khan@bexley.demo');
    expect(out).toMatch(/senior-manager, manager, grandparent/);
    expect(out).not.toContain('@cumbria.demo');
  });

  it('lists the five scheme packs with their demo tenants', async () => {
    const { code, out } = await run('schemes', '--json');
    expect(code).toBe(0);
    const rows = JSON.parse(out) as { id: string; demoTenantId: string }[];
    expect(rows.map((r) => r.id)).toHaveLength(5);
    expect(rows).toContainEqual(
      expect.objectContaining({ id: 'bexley-pms', demoTenantId: DEMO_TENANT_IDS['bexley-pms'] }),
    );
  });
});

describe('cli bad input', () => {
  it.each([
    [['due', '--employee', 'nobody@nowhere.demo'], /No demo person/],
    [['due', '--scheme', 'cumbria-vip', '--employee', 'aisha.khan@bexley.demo'], /not cumbria-vip/],
    [['due', '--scheme', 'made-up', '--employee', 'x'], /Unknown scheme "made-up"/],
    [['due', '--employee', 'x', '--on', '2027-02-30'], /--on must be a date/],
    [['due'], /exactly one of --employee/],
    [['due', '--input', '/definitely/not/here.json'], /ENOENT|no such file/],
    [['frobnicate'], /Unknown command "frobnicate"/],
    [['people', '--colour', 'red'], /Unknown option '--colour'/],
    [[], /Name a command/],
  ])('%j exits 2 with a clear message', async (argv, message) => {
    const { code, out, err } = await run(...argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });

  it('rejects an input file without the fields the engine needs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pc-cli-'));
    const file = join(dir, 'bad.json');
    await writeFile(file, JSON.stringify({ tenant: { tenantId: 't', schemeId: 'bexley-pms' }, employee: { id: 'e' } }));
    const { code, err } = await run('due', '--input', file);
    expect(code).toBe(2);
    expect(err).toContain('employee.jobs');
  });
});

describe('cli sends', () => {
  it('asks for the tenant, the action and a valid week before touching any store', async () => {
    const refused = async (...argv: string[]): Promise<string> => {
      const { code, err } = await run(...argv);
      expect(code).toBe(2);
      return err;
    };
    expect(await refused('sends', 'in-doubt')).toContain('--tenant');
    expect(await refused('sends', 'resend', '--tenant', 't')).toContain('sends resend <id>');
    expect(await refused('sends', 'in-doubt', '--tenant', 't', '--cycle', 'May')).toContain('ISO week');
    // Well formed, but this run has no store to read the queue from.
    expect(await refused('sends', 'in-doubt', '--tenant', 't')).toContain('needs a store');
  });
});
