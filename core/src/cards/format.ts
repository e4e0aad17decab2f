const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2027-05-01` → `1 May 2027`, the way UK colleagues write dates; anything else is shown as given. */
export const formatDate = (isoDate: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!m || month === undefined) return isoDate;
  return `${String(Number(m[3]))} ${month} ${m[1] ?? ''}`;
};
