import type { Offset } from '../../scheme/types.ts';
import { addDays, addMonths, type IsoDate } from '../../time/dates.ts';
import { plural } from '../words.ts';

export const addOffset = (date: IsoDate, offset: Offset): IsoDate =>
  'weeks' in offset ? addDays(date, offset.weeks * 7) : addMonths(date, offset.months);

export const describeOffset = (offset: Offset): string =>
  'weeks' in offset ? plural(offset.weeks, 'week') : plural(offset.months, 'month');
