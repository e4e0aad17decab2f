const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const DATE_TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** `2027-05-01` → "1 May 2027" (dates have no zone, so format in UTC). */
export const formatDate = (iso: string): string => {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : DATE.format(d);
};

export const formatDateTime = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : DATE_TIME.format(d);
};

export const localToday = (now: Date = new Date()): string => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

const TYPE_LABELS: Readonly<Record<string, string>> = {
  'in-the-moment': 'In the moment',
  regular: 'Regular conversation',
  'big-picture': 'Big Picture conversation',
  'progress-record': 'Formal progress record',
  'annual-review': 'Annual review',
  induction: 'Induction meeting',
  'probation-review': 'Probation review',
  handover: 'Handover',
  team: 'Team conversation',
};

/** The scheme's own name for a conversation type when known, e.g. "VIP Summary Appraisal". */
export const typeLabel = (
  type: string,
  scheme?: { conversations: readonly { type: string; label: string }[] } | null,
) => scheme?.conversations.find((c) => c.type === type)?.label ?? TYPE_LABELS[type] ?? type;

export const sentence = (id: string): string => {
  const s = id.replace(/-/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
};
