import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { AppError } from '@pc/core';
import {
  directorySyncStatus,
  importHrRows,
  runDirectorySync,
  type DirectorySyncState,
  type HrImportResult,
  type SyncCounts,
} from '@pc/core/usecases';
import type { CliServices } from './connect.ts';
import { readHrFile } from './hr-csv.ts';
import { formatTable } from './table.ts';

export interface SyncCommand {
  readonly name: 'sync';
  readonly tenant: string;
  readonly status: boolean;
  readonly json: boolean;
}

export interface ImportCommand {
  readonly name: 'import';
  readonly file: string;
  readonly tenant: string;
  readonly dryRun: boolean;
  readonly mapping: string | undefined;
  readonly json: boolean;
}

/** What a command printed and its exit code (2: the input or the run needs attention). */
export interface CommandOutput {
  readonly text: string;
  readonly exitCode: number;
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
const countsLine = (c: SyncCounts): string =>
  `joined ${String(c.joined)}, moved ${String(c.moved)}, left ${String(c.left)}, unchanged ${String(c.unchanged)}, failed ${String(c.failed)}`;

const statusText = (tenant: string, state: DirectorySyncState | undefined): string => {
  if (state === undefined) return `No directory sync has run for ${tenant} yet.\n`;
  const lines = [`Directory sync of ${tenant}`];
  const last = state.lastRun;
  if (last === undefined) lines.push('  last run     none finished yet');
  else {
    lines.push(`  last run     ${last.outcome}, ${last.startedAt} to ${last.finishedAt}, ${String(last.pages)} pages`);
    lines.push(`  counts       ${countsLine(last.counts)}`);
    for (const e of last.errors)
      lines.push(`  error        ${e.userId === undefined ? '' : `${e.userId}: `}${e.message}`);
  }
  lines.push(`  next round   ${state.deltaLink === undefined ? 'a full sync' : 'changes since the last round'}`);
  if (state.current !== undefined && state.resumeLink !== undefined) {
    lines.push(
      `  in progress  ${String(state.current.pages)} pages stored since ${state.current.startedAt}; resumes there`,
    );
  }
  return `${lines.join('\n')}\n`;
};

export const syncCommand = async (command: SyncCommand, services: CliServices): Promise<CommandOutput> => {
  if (command.status) {
    const state = await directorySyncStatus(services, command.tenant);
    return { text: command.json ? json(state ?? null) : statusText(command.tenant, state), exitCode: 0 };
  }
  if (services.directory === undefined) {
    throw new AppError(
      'validation',
      'No Microsoft Graph app registration is configured (MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD).',
    );
  }
  const result = await runDirectorySync(
    { ...services, directory: services.directory, instanceId: `cli-${hostname()}-${randomUUID()}` },
    command.tenant,
  );
  const exitCode = result.outcome === 'completed' ? 0 : 2;
  if (command.json) return { text: json(result), exitCode };
  const errors = result.errors.map((e) => `  ${e.userId === undefined ? '' : `${e.userId}: `}${e.message}\n`).join('');
  const resume = result.outcome === 'failed' ? 'Run the same command again to carry on from where it stopped.\n' : '';
  return {
    text: `Directory sync of ${command.tenant}: ${result.outcome}, ${String(result.pages)} pages\n${countsLine(result.counts)}\n${errors}${resume}`,
    exitCode,
  };
};

const importText = (command: ImportCommand, r: HrImportResult): string => {
  if (r.issues.length > 0) {
    return `${formatTable(
      ['row', 'column', 'reason'],
      r.issues.map((i) => [String(i.row), i.column, i.reason]),
    )}${command.file}: ${String(r.issues.length)} problems in ${String(r.rows)} rows; nothing was applied.\n`;
  }
  const verb = r.dryRun ? 'would change' : 'changed';
  const tail = r.dryRun ? ' Dry run: nothing was applied; run again without --dry-run to apply.' : '';
  return `${command.file}: ${String(r.rows)} rows, no problems; ${String(r.changed)} people ${verb}, ${String(r.unchanged)} unchanged.${tail}\n`;
};

export const importCommand = async (command: ImportCommand, services: CliServices): Promise<CommandOutput> => {
  const file = await readHrFile(command.file, command.mapping === undefined ? {} : { mapping: command.mapping });
  const result = await importHrRows(services, command.tenant, file.header, file.rows, { dryRun: command.dryRun });
  return {
    text: command.json ? json(result) : importText(command, result),
    exitCode: result.issues.length > 0 ? 2 : 0,
  };
};
