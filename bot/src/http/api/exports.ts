import { Readable, pipeline } from 'node:stream';
import {
  annualReviewForm,
  completionsExport,
  subjectAccessExport,
  type CompletionsExport,
  type ReviewForm,
} from '@pc/core/usecases';
import { stringify } from 'csv-stringify';
import type { Server } from 'restify';
import { renderPdf, type PdfBlock } from './pdf.ts';
import { registerApiRoute, type ApiContext } from './register.ts';

const formBlocks = (form: ReviewForm): PdfBlock[] => [
  { text: form.title, role: 'H1', size: 18 },
  { text: `${form.employer} · ${form.schemeName}`, size: 10, space: 4 },
  { text: `Colleague: ${form.employeeName}`, space: 14 },
  { text: `Manager: ${form.managerNames.join(', ') || '—'}` },
  { text: `Date of review: ${form.date} (${form.status})` },
  ...form.sections.flatMap((s, i): PdfBlock[] => [
    { text: `${String(i + 1)}. ${s.title}`, role: 'H2', size: 13, space: 16 },
    { text: s.text.trim() === '' ? '(not completed)' : s.text, space: 4 },
  ]),
  ...(form.rating === undefined ? [] : [{ text: `Rating: ${form.rating}`, role: 'H2' as const, space: 16 }]),
  { text: form.agreement, size: 10, space: 16 },
];

/** The file as CSV, written row by row as the use case reads the store (cells arrive formula-guarded). */
const csvOf = (file: CompletionsExport): Readable => {
  async function* records(): AsyncGenerator<readonly string[]> {
    yield file.header;
    yield* file.rows;
  }
  const csv = stringify({ record_delimiter: '\r\n' });
  // A read failing part-way ends the download with an error instead of a file that looks whole.
  pipeline(Readable.from(records()), csv, () => undefined);
  return csv;
};

export const registerExportRoutes = (server: Server, api: ApiContext): void => {
  registerApiRoute(server, api, 'conversations.exportForm', async (r) => {
    const form = await annualReviewForm(r.deps, r.caller, r.params.personId, r.params.conversationId);
    return { body: await renderPdf(form.title, formBlocks(form)), filename: `annual-review-${form.date}.pdf` };
  });
  registerApiRoute(server, api, 'person.subjectAccess', async (r) => ({
    body: await subjectAccessExport(r.deps, r.caller, r.params.personId),
  }));
  registerApiRoute(server, api, 'person.subjectAccessRequest', async (r) => ({
    body: await subjectAccessExport(r.deps, r.caller, r.params.personId, r.body),
  }));
  registerApiRoute(server, api, 'exports.completions', async (r) => ({
    body: csvOf(await completionsExport(r.deps, r.caller, r.query)),
    filename: 'completions.csv',
  }));
  registerApiRoute(server, api, 'exports.hrSystemFile', async (r) => {
    const file = await completionsExport(r.deps, r.caller, r.query, r.params.layout);
    return { body: csvOf(file), filename: file.filename };
  });
};
