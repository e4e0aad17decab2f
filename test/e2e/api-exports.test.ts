/**
 * HR's downloads over HTTP: the completions file in the iTrent layout (policy
 * 000_ba03dd1a34829aac.txt: the date of the VIP Summary Appraisal and the completed form go to
 * iTrent), the ESR layout for the NHS scheme only (policy 003_6937000bba1c4f49.txt), each read in
 * pages and streamed, with the formula-injection guard; and the completed form as a PDF that
 * prints names outside Latin-1 as written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversation, employee } from '../../bot/src/cosmos/fixtures.test-support.ts';
import { extractText } from '../support/pdf-text.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { api, REFERENCE_DATE, who } from './api-helpers.ts';

const ITRENT_HEADER =
  'Person Reference,Full Name,Email Address,Post Reference,Event Type,Event Description,Event Date,Event Status,Agreed By Both,Rating,Next Review Date,Reviewer,Source Reference';
const ESR_HEADER =
  'Employee Reference,Assignment Reference,Full Name,Appraisal Type,Appraisal Date,Next Appraisal Date,Appraiser,Outcome,Agreed By Both,Source Reference';
const NOTE = 'Private: talked through a hard month at home.';
const RANGE = '?from=2027-01-01&to=2027-04-30';

describe('HR exports (000 iTrent, 003 ESR, the 000 form as PDF)', () => {
  let stack: Stack;
  const cumbria = () => stack.demo.tenants[0]?.tenantId ?? '';
  const manager = () => who(1, 6);
  const agreedReview = (id: string, employeeId: string, jobId: string) =>
    conversation({
      jobIds: [jobId],
      tenantId: cumbria(),
      id,
      employeeId,
      managerIds: [manager()],
      type: 'annual-review',
      status: 'agreed',
      date: '2027-04-14',
      notes: NOTE,
      sections: { 'individual-summary': 'A strong year on the new casework system.' },
      agreement: { employeeAgreedAt: '2027-04-14T10:00:00Z', managerAgreedAt: '2027-04-14T11:00:00Z' },
    });

  beforeAll(async () => {
    stack = await startStack({ referenceDate: REFERENCE_DATE });
    const job = (id: string) => [
      {
        id,
        title: 'Officer',
        managerIds: [manager()],
        isMain: true,
        contract: 'substantive' as const,
        startDate: '2020-01-06',
      },
    ];
    await stack.store.employees.create(
      employee({ tenantId: cumbria(), id: 'ex-lukasz', displayName: 'Łukasz Ŵyn-Jones', jobs: job('job-lw') }),
    );
    await stack.store.employees.create(
      employee({
        tenantId: cumbria(),
        id: 'ex-formula',
        displayName: '=HYPERLINK("http://x","y")',
        jobs: job('job-f'),
      }),
    );
    await stack.store.conversations.create(agreedReview('ex-review-lw', 'ex-lukasz', 'job-lw'));
    await stack.store.conversations.create(agreedReview('ex-review-f', 'ex-formula', 'job-f'));
  }, 180_000);
  afterAll(async () => {
    await stack.close();
  });

  it('000: HR downloads the iTrent file: its columns, UK dates, one row per job, no note text, names as written', async () => {
    const hr = who(1, 11);
    const res = await fetch(`${stack.baseUrl}/api/v1/exports/itrent/completions.csv${RANGE}`, {
      headers: { authorization: `Bearer ${await stack.tokenFor(hr)}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="itrent-completions-2027-01-01-to-2027-04-30.csv"',
    );
    const text = await res.text();
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe(ITRENT_HEADER);
    const row = lines.find((l) => l.startsWith('ex-lukasz,'));
    expect(row).toBe(
      `ex-lukasz,Łukasz Ŵyn-Jones,sam@example.test,job-lw,APPRAISAL,VIP Summary Appraisal,14/04/2027,Completed - Agreed,Y,,14/04/2028,${stack.demo.employees.find((e) => e.id === manager())?.displayName ?? ''},ex-review-lw`,
    );
    // Dual roles (000): person 20's review counts for both jobs.
    const dual = lines.filter((l) => l.startsWith(`${who(1, 20)},`));
    expect(new Set(dual.map((l) => l.split(',')[3]))).toEqual(new Set(['job-20-1', 'job-20-2']));
    expect(text).not.toContain(NOTE);
  });

  it('a cell that a spreadsheet would run as a formula is written as text', async () => {
    const res = await api(stack, who(1, 11), 'GET', `/api/v1/exports/itrent/completions.csv${RANGE}`);
    const row = res.text.split('\r\n').find((l) => l.includes('ex-review-f')) ?? '';
    expect(row).toContain(`ex-formula,"'=HYPERLINK(""http://x"",""y"")"`);
  });

  it('the export reads the store a page of people at a time, not once per person', async () => {
    const token = await stack.tokenFor(who(1, 11));
    const path = `/api/v1/exports/itrent/completions.csv${RANGE}`;
    await api(stack, undefined, 'GET', path, { token }); // warm: container metadata, signing keys
    const before = stack.store.requestCount();
    const res = await api(stack, undefined, 'GET', path, { token });
    expect(res.status).toBe(200);
    expect(
      new Set(
        res.text
          .trim()
          .split('\r\n')
          .slice(1)
          .map((l) => l.split(',')[0]),
      ).size,
    ).toBeGreaterThan(10);
    expect(stack.store.requestCount() - before).toBeLessThanOrEqual(12);
  });

  it('003: the ESR file is for the NHS scheme: Somerset HR gets it, Cumbria HR is told why not; staff are refused', async () => {
    const somerset = await api(stack, who(4, 11), 'GET', '/api/v1/exports/esr/completions.csv');
    expect(somerset.status).toBe(200);
    expect(somerset.text.split('\r\n')[0]).toBe(ESR_HEADER);
    const cumbriaHr = await api(stack, who(1, 11), 'GET', '/api/v1/exports/esr/completions.csv');
    expect(cumbriaHr.status).toBe(400);
    expect(cumbriaHr.text).toContain('NHS');
    expect((await api(stack, who(4, 20), 'GET', '/api/v1/exports/esr/completions.csv')).status).toBe(403);
    expect((await api(stack, who(4, 11), 'GET', '/api/v1/exports/sap/completions.csv')).status).toBe(400);
  });

  it('000: the completed form as PDF prints a name outside Latin-1 as written', async () => {
    const token = await stack.tokenFor(manager());
    const res = await fetch(`${stack.baseUrl}/api/v1/people/ex-lukasz/conversations/ex-review-lw/form.pdf`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const text = extractText(Buffer.from(await res.arrayBuffer()));
    expect(text).toContain('Colleague: Łukasz Ŵyn-Jones');
    expect(text).toContain('A strong year on the new casework system.');
  });
});
