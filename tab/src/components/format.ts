const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const DATE_TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** `2027-05-01` → "1 May 2027" (dates have no zone, so format in UTC). */
export const formatDate = (iso: string): string => {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : DATE.format(d);
};

/** `2027-05-01` → "2027-Q2", the one way the app writes a quarter (as the API does). */
export const quarterOf = (iso: string): string => {
  const [year = '', month = '1'] = iso.split('-');
  return `${year}-Q${String(Math.floor((Number(month) - 1) / 3) + 1)}`;
};

export const formatDateTime = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : DATE_TIME.format(d);
};

export const localToday = (now: Date = new Date()): string => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

export const sentence = (id: string): string => {
  const s = id.replace(/-/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
};

/** `2027-05-03` → "03/05/2027", how a British form shows a date to edit. */
export const isoToGb = (iso: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3] ?? ''}/${m[2] ?? ''}/${m[1] ?? ''}` : iso;
};

/**
 * What a person typed as a date, as ISO: day/month/year ("3/5/2027", "03-05-2027", "3.5.27") or
 * ISO itself; undefined when it is no real date.
 */
export const parseGbDate = (text: string): string | undefined => {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const gb = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t);
  const [y, mo, d] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : gb
      ? [Number(gb[3]) < 100 ? 2000 + Number(gb[3]) : Number(gb[3]), Number(gb[2]), Number(gb[1])]
      : [NaN, NaN, NaN];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (Number.isNaN(date.getTime()) || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
};
