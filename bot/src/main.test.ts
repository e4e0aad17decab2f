import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCosmosServer, type CosmosServer } from '../../test/support/cosmos-server.ts';
import type { AppModule } from './app.ts';
import { route } from './http/index.ts';
import { startServer } from './main.ts';

const logs: string[] = [];
const logDestination = new Writable({
  write(chunk: Buffer, _enc, done) {
    logs.push(chunk.toString());
    done();
  },
});

let cosmos: CosmosServer;
beforeAll(async () => {
  cosmos = await startCosmosServer();
});
afterAll(async () => {
  await cosmos.close();
});

const env = (): Record<string, string> => ({
  APP_ENV: 'test',
  PORT: '0',
  LOG_LEVEL: 'info',
  COSMOS_ENDPOINT: cosmos.endpoint,
  COSMOS_KEY: cosmos.key,
  COSMOS_DATABASE: 'main-test',
});

const hello: AppModule = {
  name: 'hello',
  register: ({ server, config }) => {
    route(server, {
      method: 'get',
      path: '/api/v1/hello',
      handler: () => Promise.resolve({ status: 200, body: { env: config.env } }),
    });
  },
};

describe('startServer', () => {
  it('serves health and registered modules over Cosmos, logs a redacted summary, and shuts down cleanly', async () => {
    const running = await startServer(env(), { logDestination, modules: [hello] });
    const health = await fetch(`${running.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', checks: { store: 'ok' } });
    expect(await (await fetch(`${running.url}/api/v1/hello`)).json()).toEqual({ env: 'test' });

    const text = logs.join('');
    expect(text).toContain('"cosmosKey":"set"');
    expect(text).not.toContain(cosmos.key);

    expect(await running.shutdown.run('test')).toBe(true);
    await expect(fetch(`${running.url}/healthz`)).rejects.toThrow();
  });

  it('refuses to start with invalid configuration', async () => {
    await expect(startServer({ ...env(), PORT: 'eighty' }, { logDestination })).rejects.toMatchObject({
      code: 'validation',
    });
  });
});

describe('health when the store is down', () => {
  it('answers 503 naming the store', async () => {
    const own = await startCosmosServer();
    const running = await startServer({ ...env(), COSMOS_ENDPOINT: own.endpoint }, { logDestination });
    await own.close();
    const health = await fetch(`${running.url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'unavailable', checks: { store: 'failed' } });
    await running.shutdown.run('test');
  });
});
