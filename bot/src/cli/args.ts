import { parseArgs } from 'node:util';
import { AppError, SCHEME_IDS, isIsoDate, type IsoDate, type SchemeId } from '@pc/core';
import type { ImportCommand, SyncCommand } from './directory.ts';
import { parseSends, SENDS_USAGE, type SendsCommand } from './sends.ts';

export type Command =
  | { readonly name: 'help' }
  | { readonly name: 'schemes'; readonly json: boolean }
  | { readonly name: 'people'; readonly scheme: SchemeId | undefined; readonly on: IsoDate; readonly json: boolean }
  | {
      readonly name: 'due';
      readonly scheme: SchemeId | undefined;
      readonly employee: string | undefined;
      readonly input: string | undefined;
      readonly on: IsoDate;
      readonly json: boolean;
    }
  | SyncCommand
  | ImportCommand
  | SendsCommand;

export const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  due      What conversations are due for one person
           --employee <id|email>  a demo person (see "people"), or
           --input <file.json>    a file holding { tenant, employee, history }
           --scheme <id>          check the person belongs to this scheme (optional)
           --on <YYYY-MM-DD>      the day to calculate for (default: today)
  people   List demo people: --scheme <id> [--on <YYYY-MM-DD>]
  schemes  List the scheme packs and their demo tenants
  sync     Bring a tenant's directory in from Microsoft Graph: --tenant <id>
           --status               the last run, its counts and errors, instead of running
  import   Apply an HR data file (docs/import.md): import <file.csv> --tenant <id>
           --dry-run              check every row and report, change nothing
           --mapping <name|file>  itrent, esr, or a JSON file of column headings
${SENDS_USAGE}
Every command accepts --json for machine-readable output.
`;

const usageError = (message: string): AppError => new AppError('validation', message);

const schemeOf = (value: string | undefined): SchemeId | undefined => {
  if (value === undefined) return undefined;
  const match = SCHEME_IDS.find((id) => id === value);
  if (!match) throw usageError(`Unknown scheme "${value}". Choose one of: ${SCHEME_IDS.join(', ')}.`);
  return match;
};

const dateOf = (value: string | undefined, today: IsoDate): IsoDate => {
  if (value === undefined) return today;
  if (!isIsoDate(value)) throw usageError(`--on must be a date like 2027-05-01, not "${value}".`);
  return value;
};

/** Parses argv (without node and script); throws AppError 'validation' with a readable message on bad input. */
export const parseCommand = (argv: readonly string[], today: IsoDate): Command => {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        scheme: { type: 'string' },
        employee: { type: 'string' },
        input: { type: 'string' },
        on: { type: 'string' },
        json: { type: 'boolean', default: false },
        tenant: { type: 'string' },
        status: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        mapping: { type: 'string' },
        cycle: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new AppError('validation', error instanceof Error ? error.message : 'Unreadable arguments.', {
      cause: error,
    });
  }
  const { values, positionals } = parsed;
  const [name, ...extra] = positionals;
  if (values.help || name === 'help') return { name: 'help' };
  if (name === 'sends') return parseSends(extra, { tenant: values.tenant, cycle: values.cycle, json: values.json });
  if (extra.length > (name === 'import' ? 1 : 0)) throw usageError(`Unexpected argument "${extra.join(' ')}".`);
  const json = values.json;
  switch (name) {
    case 'schemes':
      return { name, json };
    case 'people':
      return { name, scheme: schemeOf(values.scheme), on: dateOf(values.on, today), json };
    case 'due': {
      if ((values.employee === undefined) === (values.input === undefined)) {
        throw usageError('due needs exactly one of --employee <id|email> or --input <file.json>.');
      }
      return {
        name,
        scheme: schemeOf(values.scheme),
        employee: values.employee,
        input: values.input,
        on: dateOf(values.on, today),
        json,
      };
    }
    case 'sync':
      if (values.tenant === undefined) throw usageError('sync needs --tenant <id>.');
      return { name, tenant: values.tenant, status: values.status, json };
    case 'import': {
      const [file] = extra;
      if (file === undefined || values.tenant === undefined)
        throw usageError('import needs <file.csv> and --tenant <id>.');
      return { name, file, tenant: values.tenant, dryRun: values['dry-run'], mapping: values.mapping, json };
    }
    case undefined:
      throw usageError('Name a command: due, people or schemes.');
    default:
      throw usageError(`Unknown command "${name}". Commands: due, people, schemes, sync, import, sends.`);
  }
};
