import { annualReviewForm, completionsCsv, subjectAccessExport, type ReviewForm } from '@pc/core/usecases';
import type { Server } from 'restify';
import { renderPdf, type PdfBlock } from './pdf.ts';
import { registerApiRoute, type ApiContext } from './register.ts';

const formBlocks = (form: ReviewForm): PdfBlock[] => [
  { text: form.title, size: 18, bold: true },
  { text: `${form.employer} · ${form.schemeName}`, size: 10, space: 4 },
  { text: `Colleague: ${form.employeeName}`, space: 14 },
  { text: `Manager: ${form.managerNames.join(', ') || '—'}` },
  { text: `Date of review: ${form.date} (${form.status})` },
  ...form.sections.flatMap((s, i): PdfBlock[] => [
    { text: `${String(i + 1)}. ${s.title}`, size: 13, bold: true, space: 16 },
    { text: s.text.trim() === '' ? '(not completed)' : s.text, space: 4 },
  ]),
  ...(form.rating === undefined ? [] : [{ text: `Rating: ${form.rating}`, bold: true, space: 16 }]),
  { text: form.agreement, size: 10, space: 16 },
];

export const registerExportRoutes = (server: Server, api: ApiContext): void => {
  registerApiRoute(server, api, 'conversations.exportForm', async (r) => {
    const form = await annualReviewForm(r.deps, r.caller, r.params.personId, r.params.conversationId);
    return { body: renderPdf(form.title, formBlocks(form)), filename: `annual-review-${form.date}.pdf` };
  });
  registerApiRoute(server, api, 'person.subjectAccess', async (r) => ({
    body: await subjectAccessExport(r.deps, r.caller, r.params.personId),
  }));
  registerApiRoute(server, api, 'person.subjectAccessRequest', async (r) => ({
    body: await subjectAccessExport(r.deps, r.caller, r.params.personId, r.body),
  }));
  registerApiRoute(server, api, 'exports.completions', async (r) => ({
    body: await completionsCsv(r.deps, r.caller, r.query),
    filename: 'completions.csv',
  }));
};
