import { longDate } from '../engine/words.ts';
import { isIsoDate } from '../time/dates.ts';
/** `2027-05-01` → `1 May 2027`, the way UK colleagues write dates; anything else is shown as given. */
export const formatDate = (isoDate: string): string => (isIsoDate(isoDate) ? longDate(isoDate) : isoDate);
