import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { AppError } from '@pc/core';
import { HR_COLUMNS, type HrColumn, type HrRow } from '@pc/core/usecases';
import { parse } from 'csv-parse/sync';

const MAX_HR_FILE_BYTES = 50 * 1024 * 1024;

/** Column headings of common UK HR exports, by the import's own column names (docs/import.md). */
const HR_MAPPINGS: Readonly<Record<'itrent' | 'esr', Partial<Record<HrColumn, string>>>> = {
  itrent: {
    email: 'Work Email',
    start_date: 'Continuous Service Date',
    incremental_date: 'Incremental Date',
    probation_status: 'Probation Status',
    probation_end_date: 'Probation End Date',
    leave: 'Long Term Absence',
    second_job_title: 'Second Post Title',
    second_job_manager: 'Second Post Manager Email',
    second_job_start: 'Second Post Start Date',
    has_own_pc: 'Own PC',
    job_family: 'Job Family',
    nation: 'Nation',
    staff_group: 'Staff Group',
  },
  esr: {
    email: 'Email Address',
    start_date: 'Hire Date',
    incremental_date: 'Incremental Date',
    probation_status: 'Probation Status',
    probation_end_date: 'Probation End Date',
    leave: 'Absence Periods',
    second_job_title: 'Secondary Assignment Position',
    second_job_manager: 'Secondary Assignment Supervisor Email',
    second_job_start: 'Secondary Assignment Start Date',
    has_own_pc: 'Own PC',
    job_family: 'Job Family',
    nation: 'Nation',
    staff_group: 'Staff Group',
  },
};

/** Reads the file in chunks and stops at the limit, so a huge file is refused without being held. */
const readLimited = async (path: string, maxBytes: number): Promise<string> => {
  const chunks: Buffer[] = [];
  let size = 0;
  const stream = createReadStream(path);
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      stream.destroy();
      throw new AppError(
        'validation',
        `${path} is larger than ${String(Math.round(maxBytes / 1024 / 1024))} MB; split it into smaller files.`,
      );
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
};

const mappingOf = async (mapping: string | undefined): Promise<Partial<Record<string, string>>> => {
  if (mapping === undefined) return {};
  if (mapping === 'itrent' || mapping === 'esr') return HR_MAPPINGS[mapping];
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(mapping, 'utf8'));
  } catch (error) {
    throw new AppError('validation', `The mapping ${mapping} is not a readable JSON file.`, { cause: error });
  }
  const entries = typeof parsed === 'object' && parsed !== null ? Object.entries(parsed) : [];
  const bad = entries.filter(([k, v]) => !HR_COLUMNS.some((c) => c === k) || typeof v !== 'string');
  if (entries.length === 0 || bad.length > 0) {
    throw new AppError(
      'validation',
      `A mapping names import columns (${HR_COLUMNS.join(', ')}) with the file's headings.`,
    );
  }
  return Object.fromEntries(entries);
};

/**
 * The header (in the import's column names) and every row with its line number, from a file's
 * text; a malformed file is refused, naming `source`. A named mapping (iTrent, ESR) or a mapping of
 * column names to the file's headings reads other exports.
 */
export const parseHrCsv = (
  text: string,
  mapping: Partial<Record<string, string>> | 'itrent' | 'esr',
  source: string,
): { header: string[]; rows: HrRow[] } => {
  const named: Partial<Record<string, string>> = typeof mapping === 'string' ? HR_MAPPINGS[mapping] : mapping;
  const canonical = new Map(Object.entries(named).map(([column, heading]) => [heading?.trim().toLowerCase(), column]));
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, trim: true, info: true }) as unknown as typeof records;
  } catch (error) {
    const message = error instanceof Error ? error.message : 'unreadable';
    throw new AppError('validation', `${source} is not a well-formed CSV file: ${message}`, { cause: error });
  }
  const [first, ...body] = records;
  const header = (first?.record ?? []).map((h) => canonical.get(h.toLowerCase()) ?? h.toLowerCase());
  // The line a row ends on, as an editor numbers it (the header is line 1).
  const rows = body.map(({ record, info }) => ({
    line: info.lines,
    cells: Object.fromEntries(header.map((h, c) => [h, record[c] ?? ''])),
  }));
  return { header, rows };
};

/** The header (in the import's column names) and every row with its line number; a malformed file is refused. */
export const readHrFile = async (
  path: string,
  options: { readonly mapping?: string; readonly maxBytes?: number } = {},
): Promise<{ header: string[]; rows: HrRow[] }> => {
  const text = await readLimited(path, options.maxBytes ?? MAX_HR_FILE_BYTES);
  return parseHrCsv(text, await mappingOf(options.mapping), path);
};
