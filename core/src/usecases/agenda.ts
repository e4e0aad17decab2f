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

/** What a calendar item may show: organisers' own topic lines and the scheme's questions, never notes or feedback. */
const INVITATION_SOURCES: ReadonlySet<AgendaItem['source']> = new Set(['scheme', 'employee', 'manager']);

/**
 * The invitation both calendars show (002, 003, 004). Calendar items are read by delegates,
 * assistants and mail-archive tools, so it carries the type, the topics and a link to the agenda
 * in the tab; actions carried over and feedback stay on the agenda, for the pair only.
 */
export const invitationOf = (
  pack: SchemePack,
  record: Pick<ConversationRecord, 'type' | 'agenda'> & { readonly topics?: readonly string[] },
  employeeName: string,
  agendaUrl?: string,
): { subject: string; bodyHtml: string } => {
  const label = labelOf(pack, record.type);
  const topics = [
    ...(record.topics ?? []).flatMap((id) => pack.topics.filter((t) => t.id === id).map((t) => t.title)),
    ...record.agenda.filter((a) => INVITATION_SOURCES.has(a.source)).map((a) => a.text),
  ];
  const link =
    agendaUrl === undefined
      ? ''
      : `<p><a href="${escapeHtml(agendaUrl)}">Open the agenda in Performance Conversations</a> (what the two of you noted for this conversation is there, not in this invitation).</p>`;
  return {
    subject: `${label}: ${employeeName}`,
    bodyHtml: [
      `<h2>${escapeHtml(label)}</h2>`,
      topics.length === 0 ? '' : `<h3>Topics</h3>${list(topics)}`,
      link,
      `<h3>To prepare (colleague)</h3>${list(pack.preparation.employee)}`,
      `<h3>To prepare (manager)</h3>${list(pack.preparation.manager)}`,
    ].join(''),
  };
};
