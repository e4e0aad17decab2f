import type { AgendaItem, ConversationRecord, ConversationTypeId } from '../domain/conversations.ts';
import type { FeedbackEntry } from '../domain/feedback.ts';
import type { SchemePack } from '../scheme/types.ts';
import { labelOf } from './scheme.ts';

export interface AgendaSources {
  readonly pack: SchemePack;
  readonly type: ConversationTypeId;
  /** The employee's earlier conversations, any order. */
  readonly history: readonly ConversationRecord[];
  /** Feedback about the employee not yet on any agenda. */
  readonly feedback: readonly FeedbackEntry[];
  readonly typed: readonly { readonly text: string; readonly source: 'employee' | 'manager' }[];
  readonly newId: () => string;
}

const lastHeld = (history: readonly ConversationRecord[]): ConversationRecord | undefined =>
  history.filter((r) => r.status === 'held' || r.status === 'agreed').sort((a, b) => b.date.localeCompare(a.date))[0];

/** Feedback the pair may both read, logged since they last met (004 in the moment → next conversation). */
export const feedbackForAgenda = (
  entries: readonly FeedbackEntry[],
  history: readonly ConversationRecord[],
): FeedbackEntry[] => {
  const since = lastHeld(history)?.date ?? '';
  return entries
    .filter((e) => e.visibility !== 'subject-only' && e.agendaConversationId === undefined && e.createdAt >= since)
    .slice(0, 10);
};

/** Scheme questions that frame this type of conversation (004 Big Picture set; annual review sections). */
const schemeQuestions = (pack: SchemePack, type: ConversationTypeId): string[] => {
  if (type === 'big-picture') return (pack.bigPicture?.questions ?? []).map((q) => q.text);
  if (type === 'annual-review') return (pack.annualReview?.sections ?? []).map((s) => s.title);
  return [];
};

/** Open actions carried over, then feedback, then the scheme's questions, then what the organiser typed. */
export const buildAgenda = (sources: AgendaSources): AgendaItem[] => {
  const carried = (lastHeld(sources.history)?.actionsAgreed ?? []).filter((a) => !a.done);
  return [
    ...carried.map((a) => ({ id: sources.newId(), text: a.text, source: 'carried-over' as const, sourceId: a.id })),
    ...sources.feedback.map((f) => ({
      id: sources.newId(),
      text: f.text,
      source: 'feedback' as const,
      sourceId: f.id,
    })),
    ...schemeQuestions(sources.pack, sources.type).map((text) => ({
      id: sources.newId(),
      text,
      source: 'scheme' as const,
    })),
    ...sources.typed.map((t) => ({ id: sources.newId(), text: t.text, source: t.source })),
  ];
};

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${String(c.charCodeAt(0))};`);

const list = (items: readonly string[]): string =>
  items.length === 0 ? '' : `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;

const HEADINGS: Readonly<Record<AgendaItem['source'], string>> = {
  'carried-over': 'Actions carried over',
  feedback: 'Feedback noted since last time',
  scheme: 'Questions for this conversation',
  employee: 'Added by the colleague',
  manager: 'Added by the manager',
};

/** The invitation both calendars show: the agenda, and preparation prompts for each side (002, 003, 004). */
export const invitationOf = (
  pack: SchemePack,
  record: Pick<ConversationRecord, 'type' | 'agenda'>,
  employeeName: string,
): { subject: string; bodyHtml: string } => {
  const label = labelOf(pack, record.type);
  const groups = (Object.keys(HEADINGS) as AgendaItem['source'][])
    .map((source) => ({ source, items: record.agenda.filter((a) => a.source === source).map((a) => a.text) }))
    .filter((g) => g.items.length > 0)
    .map((g) => `<h3>${HEADINGS[g.source]}</h3>${list(g.items)}`)
    .join('');
  return {
    subject: `${label}: ${employeeName}`,
    bodyHtml: [
      `<h2>${escapeHtml(label)}</h2>`,
      groups,
      `<h3>To prepare (colleague)</h3>${list(pack.preparation.employee)}`,
      `<h3>To prepare (manager)</h3>${list(pack.preparation.manager)}`,
    ].join(''),
  };
};
