/**
 * The real server as its own process, so a test can kill it outright (SIGKILL) mid-work and
 * start another over the same Cosmos server. RELIABILITY_APP_ENV (JSON) adds server settings. With RELIABILITY_FANOUT_TENANT set it also drains
 * that tenant's check-ins for RELIABILITY_FANOUT_CYCLE, as the scheduled job does.
 */
import { createLogger } from '../../../bot/src/logging.ts';
import { createSendQueueStore, type KeyValueFactory } from '../../../bot/src/cosmos/bot-state.ts';
import { SendQueueWorker } from '../../../bot/src/proactive/index.ts';
import { exitWithParent } from '../../../bench/lib/child.ts';
import { startAppInstance } from './app.ts';
import { localProactiveSender } from './sender.ts';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
};
const say = (line: unknown): void => {
  process.stdout.write(`${JSON.stringify(line)}\n`);
};

exitWithParent();
const instance = await startAppInstance({
  cosmosEndpoint: env('RELIABILITY_COSMOS_ENDPOINT'),
  cosmosKey: env('RELIABILITY_COSMOS_KEY'),
  databaseId: env('RELIABILITY_DATABASE'),
  tenants: env('RELIABILITY_TENANTS').split(','),
  issuerUrl: process.env.RELIABILITY_ISSUER_URL ?? 'http://127.0.0.1:9',
  // Server settings as JSON, e.g. {"CHECKIN_SCHEDULER":"true"}.
  env: JSON.parse(process.env.RELIABILITY_APP_ENV ?? '{}') as Record<string, string>,
});
say({ url: instance.url });

const tenant = process.env.RELIABILITY_FANOUT_TENANT;
if (tenant !== undefined) {
  const logger = createLogger({ level: 'silent' });
  const keyValues: KeyValueFactory = (kind, partition) => instance.store.keyValues(kind, partition);
  const scale = Number(process.env.RELIABILITY_TIME_SCALE ?? '1');
  const worker = new SendQueueWorker({
    store: createSendQueueStore(keyValues),
    sender: localProactiveSender(keyValues, logger),
    logger,
    tenantLimit: { max: 50, windowMs: 1000 / scale },
    conversationLimit: { max: 1, windowMs: 1000 / scale },
    concurrency: 8,
    leaseMs: Number(process.env.RELIABILITY_LEASE_MS ?? String(5 * 60_000)),
  });
  worker.drain(tenant, env('RELIABILITY_FANOUT_CYCLE')).then(
    (result) => {
      say({ drained: result });
    },
    (error: unknown) => {
      say({ failed: error instanceof Error ? error.message : 'unknown' });
    },
  );
}

process.once('SIGTERM', () => {
  instance.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
