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
  APP_ENV: 'local',
  CHECKIN_SCHEDULER: 'false',
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
    expect(await (await fetch(`${running.url}/api/v1/hello`)).json()).toEqual({ env: 'local' });

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

describe('the Teams bot endpoint in the running server', () => {
  const activity = {
    type: 'message',
    id: 'a1',
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    from: { id: '29:x', aadObjectId: 'u1' },
    conversation: { id: 'c1', tenantId: 't1' },
    recipient: { id: '28:bot' },
    text: 'help',
  };

  it('refuses an activity without a Bot Framework token when an app id is configured', async () => {
    const running = await startServer(
      {
        ...env(),
        MICROSOFT_APP_ID: '11111111-2222-4333-8444-555555555555',
        MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
        MICROSOFT_APP_TENANT_ID: '66666666-7777-4888-8999-000000000000',
      },
      { logDestination },
    );
    const response = await fetch(`${running.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    expect(response.status).toBe(401);
    await running.shutdown.run('test');
  });

  it('is not served at all when no app id is configured outside local development', async () => {
    const running = await startServer(env(), { logDestination });
    const response = await fetch(`${running.url}/api/messages`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(404);
    await running.shutdown.run('test');
  });
});
