/* eslint-disable @typescript-eslint/no-unsafe-member-access -- responses are read as loose JSON */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '@pc/core/api';
import { createApp } from '../../bot/src/app.ts';
import { loadConfig } from '../../bot/src/config.ts';
import { createApiModule } from '../../bot/src/http/api/module.ts';
import { createLogger } from '../../bot/src/logging.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { api, REFERENCE_DATE, who } from './api-helpers.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ referenceDate: REFERENCE_DATE });
}, 120_000);
afterAll(async () => {
  await stack.close();
});

const colleague = who(1, 19);

describe('API sign-in over real HTTP with real signed tokens', () => {
  it('a valid token gets the caller, their organisation and scheme', async () => {
    const res = await api(stack, colleague, 'GET', '/api/v1/me');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ person: { id: colleague }, tenant: { schemeId: 'cumbria-vip' }, reportCount: 0 });
  });

  it('no token: 401 asking for sign-in, with a JSON error and a Bearer challenge', async () => {
    const res = await api(stack, undefined, 'GET', '/api/v1/me');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(res.json.error).toMatchObject({ code: 'unauthenticated', message: 'Sign-in is required' });
  });

  it.each([
    ['expired', { expiresInSeconds: -600 }, 401, 'The token has expired'],
    [
      'for another application',
      { audience: 'https://graph.microsoft.com' },
      401,
      'The token was issued for another application',
    ],
    ['forged', { forged: true }, 401, 'The token signature is not valid'],
    [
      'from an organisation not enabled',
      { tenantId: 'aaaaaaaa-0000-4000-8000-00000000dead' },
      403,
      'Your organisation is not enabled for this app',
    ],
  ] as const)('a token %s is refused with a clear message', async (_name, opts, status, message) => {
    const token = await stack.tokenFor(colleague, opts);
    const res = await api(stack, undefined, 'GET', '/api/v1/me', { token });
    expect(res.status).toBe(status);
    expect(res.json.error.message).toBe(message);
    expect(res.text).not.toContain(token);
  });

  it.each([
    ['without a tenant (tid)', { tid: undefined }],
    ['without an object id (oid)', { oid: undefined }],
  ])('a correctly signed token %s does not identify anyone: 401', async (_name, missing) => {
    const tenantId = stack.demo.employees.find((e) => e.id === colleague)?.tenantId ?? '';
    const claims = { tid: tenantId, oid: colleague, aud: stack.apiAudience, scp: 'access_as_user', ...missing };
    // The issuer types both claims as required; a token without them is exactly what is under test.
    const token = await stack.issuer.signToken(claims as unknown as Parameters<Stack['issuer']['signToken']>[0]);
    const res = await api(stack, undefined, 'GET', '/api/v1/me', { token });
    expect(res.status).toBe(401);
    expect(res.json.error).toMatchObject({
      code: 'unauthenticated',
      message: 'The token does not identify a person in an organisation',
    });
  });

  it('an unreachable key server is a 503 to try again, not a 500 and not a sign-in failure', async () => {
    const tenants = [...new Set(stack.demo.employees.map((e) => e.tenantId))];
    const config = loadConfig({
      APP_ENV: 'local',
      PORT: '0',
      LOG_LEVEL: 'silent',
      CHECKIN_SCHEDULER: 'false',
      // Nothing listens on the discard port: the signing keys cannot be fetched.
      ENTRA_AUTHORITY_HOST: 'http://127.0.0.1:9',
      API_AUDIENCES: stack.apiAudience,
      ALLOWED_TENANTS: tenants.join(','),
    });
    const app = await createApp(config, {
      store: stack.store,
      logger: createLogger({ level: 'silent' }),
      modules: [createApiModule()],
    });
    const { url } = await app.listen(0);
    try {
      const response = await fetch(`${url}/api/v1/me`, {
        headers: { authorization: `Bearer ${await stack.tokenFor(colleague)}` },
      });
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({
        error: { code: 'unavailable', message: 'Sign-in cannot be checked right now; please try again' },
      });
    } finally {
      await app.close(1000);
    }
  });

  it('a person of one demo organisation cannot read a person of another', async () => {
    const res = await api(stack, colleague, 'GET', `/api/v1/people/${who(3, 19)}`);
    expect(res.status).toBe(404);
  });

  it('serves the OpenAPI document without sign-in, listing every route', async () => {
    const res = await api(stack, undefined, 'GET', '/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const ops = Object.values(res.json.paths as Record<string, Record<string, { operationId: string }>>).flatMap((p) =>
      Object.values(p).map((o) => o.operationId),
    );
    expect(ops.sort()).toEqual(Object.keys(routes).sort());
  });

  it('local sign-in helpers are on in this local stack and list the demo people', async () => {
    const config = await api(stack, undefined, 'GET', '/local/config');
    expect(config.json).toMatchObject({
      issuerUrl: stack.issuerUrl,
      apiAudience: stack.apiAudience,
      audience: stack.apiAudience,
    });
    const people = await api(stack, undefined, 'GET', '/local/people');
    const me = (people.json as { id: string; roles: string[] }[]).find((p) => p.id === who(1, 6));
    expect(me?.roles).toContain('manager');
  });
});
