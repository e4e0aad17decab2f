import { decodeJwt } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeGraph } from './graph-server.ts';
import { startOidcIssuer } from './oidc-issuer.ts';

const TENANT = '55555555-5555-4555-8555-555555555555';
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

describe('local identity and Graph fakes', () => {
  it('serves Entra-shaped discovery and a dev sign-in only when asked to', async () => {
    const plain = await startOidcIssuer();
    const dev = await startOidcIssuer({ devSignIn: true });
    closers.push(
      () => plain.close(),
      () => dev.close(),
    );
    const config = (await (
      await fetch(`${plain.url}/${TENANT}/v2.0/.well-known/openid-configuration`)
    ).json()) as Record<string, string>;
    expect(config.issuer).toBe(plain.issuerFor(TENANT));
    expect(config.jwks_uri).toBe(plain.jwksUri);
    const query = `tid=${TENANT}&oid=person-1&aud=api://pc`;
    expect((await fetch(`${plain.url}/local/sign-in?${query}`)).status).toBe(404);
    const signIn = await fetch(`${dev.url}/local/sign-in?${query}`);
    expect(signIn.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await signIn.json()) as { access_token: string };
    expect(decodeJwt(body.access_token)).toMatchObject({ tid: TENANT, oid: 'person-1', aud: 'api://pc', ver: '2.0' });
  });

  it('fake Graph requires a bearer token, keeps /me for users, and caps a batch at 20', async () => {
    const issuer = await startOidcIssuer();
    const graph = await startFakeGraph({
      orgs: [{ tenantId: TENANT, users: [{ id: 'u1', displayName: 'U One', mail: 'u1@x.example' }] }],
    });
    closers.push(
      () => issuer.close(),
      () => graph.close(),
    );
    expect((await fetch(`${graph.baseUrl}/users/u1`)).status).toBe(401);
    const app = await issuer.signToken({
      tid: TENANT,
      oid: 'app',
      aud: 'https://graph.microsoft.com',
      roles: ['User.Read.All'],
    });
    const user = await issuer.signToken({
      tid: TENANT,
      oid: 'u1',
      aud: 'https://graph.microsoft.com',
      scp: 'User.Read',
    });
    const get = (path: string, token: string): Promise<Response> =>
      fetch(`${graph.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect((await get('/me', app)).status).toBe(400);
    expect(((await (await get('/me', user)).json()) as { displayName: string }).displayName).toBe('U One');
    const batch = (count: number): Promise<Response> =>
      fetch(`${graph.baseUrl}/$batch`, {
        method: 'POST',
        headers: { authorization: `Bearer ${app}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          requests: Array.from({ length: count }, (_, i) => ({ id: String(i), method: 'GET', url: '/users/u1' })),
        }),
      });
    expect((await batch(21)).status).toBe(400);
    expect((await batch(20)).status).toBe(200);
  });
});
