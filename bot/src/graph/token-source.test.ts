import { AppError } from '@pc/core';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcIssuer, type OidcIssuer } from '../../../test/fakes/oidc-issuer.ts';
import { createMsalTokenSource, type GraphTokenSource } from './token-source.ts';

const TENANT = '44444444-4444-4444-8444-444444444444';
let issuer: OidcIssuer;
let tokens: GraphTokenSource;

const failure = async (promise: Promise<unknown>): Promise<AppError> => {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

beforeAll(async () => {
  issuer = await startOidcIssuer({ clients: { 'pc-app': { secret: 'right' } } });
  tokens = createMsalTokenSource({
    clientId: 'pc-app',
    clientSecret: 'right',
    authority: issuer.msalAuthorityHost,
    networkClient: issuer.msalNetworkClient,
  });
});
afterAll(async () => {
  await issuer.close();
});

describe('MSAL token source against the local issuer', () => {
  it('exchanges a user token on-behalf-of for a delegated Graph token of the same person', async () => {
    const userToken = await issuer.signToken({
      tid: TENANT,
      oid: 'user-1',
      aud: 'api://pc-app',
      scp: 'access_as_user',
    });
    const claims = decodeJwt(await tokens.delegatedToken(TENANT, userToken));
    expect(claims).toMatchObject({ oid: 'user-1', aud: 'https://graph.microsoft.com', tid: TENANT });
    expect(typeof claims.scp).toBe('string');
  });

  it('keeps app-only tokens app-only even after a user token was exchanged', async () => {
    const claims = decodeJwt(await tokens.appToken(TENANT));
    expect(claims.scp).toBeUndefined();
    expect(claims).toMatchObject({ idtyp: 'app', aud: 'https://graph.microsoft.com' });
    expect(claims.roles).toContain('Calendars.ReadWrite');
  });

  it('asks the user to sign in again when their token is refused for the exchange', async () => {
    const forged = await issuer.signToken(
      { tid: TENANT, oid: 'user-2', aud: 'api://pc-app', scp: 'x' },
      { key: 'forged' },
    );
    expect((await failure(tokens.delegatedToken(TENANT, forged))).code).toBe('unauthenticated');
  });

  it('#17.12 says which delegated permissions an administrator must consent to when Entra answers AADSTS65001', async () => {
    const unconsented = await startOidcIssuer({ clients: { 'new-app': { secret: 's', delegatedConsent: false } } });
    try {
      const source = createMsalTokenSource({
        clientId: 'new-app',
        clientSecret: 's',
        authority: unconsented.msalAuthorityHost,
        networkClient: unconsented.msalNetworkClient,
      });
      const userToken = await unconsented.signToken({
        tid: TENANT,
        oid: 'user-3',
        aud: 'api://new-app',
        scp: 'access_as_user',
      });
      const error = await failure(source.delegatedToken(TENANT, userToken));
      expect(error.code).toBe('forbidden');
      expect(error.message).toMatch(/administrator/);
      expect(error.message).toContain('Calendars.ReadWrite');
      expect(error.message).not.toContain('AADSTS');
    } finally {
      await unconsented.close();
    }
  });

  it('reports the app’s own sign-in failure as unavailable, without the secret', async () => {
    const wrong = createMsalTokenSource({
      clientId: 'pc-app',
      clientSecret: 'wrong',
      authority: issuer.msalAuthorityHost,
      networkClient: issuer.msalNetworkClient,
    });
    const error = await failure(wrong.appToken(TENANT));
    expect(error.code).toBe('unavailable');
    expect(error.message).not.toContain('wrong');
  });
});
