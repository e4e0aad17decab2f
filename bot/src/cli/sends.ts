import { AppError, type SendQueueItem, type SendQueueStore } from '@pc/core';
import { isoWeekKey } from '@pc/core/usecases';
import { formatTable } from './table.ts';

/**
 * `sends in-doubt --tenant <id> [--cycle <week>]` lists the check-ins whose delivery died with a
 * stopped instance; `sends resend <id> --tenant <id>` queues one again once someone has looked at
 * the person's chat and found no card there. The sweep sends it within a minute.
 */
export type SendsCommand =
  | {
      readonly name: 'sends';
      readonly action: 'in-doubt';
      readonly tenant: string;
      readonly cycle?: string;
      readonly json: boolean;
    }
  | {
      readonly name: 'sends';
      readonly action: 'resend';
      readonly id: string;
      readonly tenant: string;
      readonly cycle?: string;
      readonly json: boolean;
    };

export const SENDS_USAGE = `  sends    Proactive check-ins a stopped instance left unconfirmed
           in-doubt --tenant <id> [--cycle <YYYY-Www>]   list them (default: this week)
           resend <id> --tenant <id> [--cycle <YYYY-Www>] queue one again, after checking the chat
`;

const usageError = (message: string): AppError => new AppError('validation', message);

/** From the words after `sends` and the shared options; throws AppError 'validation' on bad input. */
export const parseSends = (
  words: readonly string[],
  options: { readonly tenant?: string | undefined; readonly cycle?: string | undefined; readonly json: boolean },
): SendsCommand => {
  const [action, id, ...extra] = words;
  if (extra.length > 0) throw usageError(`Unexpected argument "${extra.join(' ')}".`);
  if (options.tenant === undefined) throw usageError('sends needs --tenant <id>.');
  const cycle = options.cycle === undefined ? {} : { cycle: options.cycle };
  if (options.cycle !== undefined && !/^\d{4}-W\d{2}$/.test(options.cycle))
    throw usageError(`--cycle must be an ISO week like 2027-W19, not "${options.cycle}".`);
  if (action === 'in-doubt' && id === undefined)
    return { name: 'sends', action, tenant: options.tenant, json: options.json, ...cycle };
  if (action === 'resend' && id !== undefined)
    return { name: 'sends', action, id, tenant: options.tenant, json: options.json, ...cycle };
  throw usageError('Use: sends in-doubt --tenant <id>, or sends resend <id> --tenant <id>.');
};

const inDoubtIn = async (queue: SendQueueStore, tenantId: string, cycleKey: string): Promise<SendQueueItem[]> => {
  const found: SendQueueItem[] = [];
  let token: string | undefined;
  do {
    const page = await queue.scan(tenantId, cycleKey, token);
    for (const { item } of page.items) if (item.state === 'in-doubt') found.push(item);
    token = page.continuationToken;
  } while (token !== undefined);
  return found;
};

export interface SendsIo {
  readonly queue: SendQueueStore;
  readonly today: string;
}

export const sendsCommand = async (command: SendsCommand, io: SendsIo): Promise<string> => {
  const current = isoWeekKey(io.today);
  const cycleKey = command.cycle ?? current;
  if (command.action === 'in-doubt') {
    const items = await inDoubtIn(io.queue, command.tenant, cycleKey);
    const rows = items.map((i) => ({
      id: i.id,
      personId: i.personId,
      attempts: i.attempts,
      since: i.sendingSince ?? i.enqueuedAt,
      holder: i.claimedBy ?? '',
    }));
    if (command.json) return `${JSON.stringify(rows, null, 2)}\n`;
    if (rows.length === 0) return `No check-ins in doubt for ${command.tenant} in ${cycleKey}.\n`;
    return (
      `${String(rows.length)} check-in(s) in doubt for ${command.tenant} in ${cycleKey}. Look in each person's chat ` +
      `with the bot; where the card is missing, run: npm run cli -- sends resend <id> --tenant ${command.tenant}\n\n` +
      formatTable(
        ['id', 'person', 'attempts', 'under way since', 'sent by (host:process:lease)'],
        rows.map((r) => [r.id, r.personId, String(r.attempts), r.since, r.holder]),
      )
    );
  }
  const stored = await io.queue.get(command.tenant, cycleKey, command.id);
  if (stored === undefined)
    throw new AppError('not-found', `No check-in ${command.id} for ${command.tenant} in ${cycleKey}.`);
  if (stored.item.state !== 'in-doubt')
    throw usageError(`Check-in ${command.id} is ${stored.item.state}, not in doubt: nothing to resend.`);
  if (cycleKey !== current)
    throw usageError(`Check-in ${command.id} belongs to ${cycleKey}; this week's check-in (${current}) replaces it.`);
  // Back to pending under its ETag: if a sweep or another operator changed it meanwhile, this is refused.
  const { state: _state, claimedBy: _claimedBy, sendingSince: _since, ...rest } = stored.item;
  await io.queue.replace({ ...rest, state: 'pending' }, stored.etag);
  const text = `Check-in ${command.id} for ${stored.item.personId} is queued again; the next sweep sends it (within a minute).\n`;
  return command.json ? `${JSON.stringify({ id: command.id, state: 'pending' })}\n` : text;
};
