import { AppError } from '@pc/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_ISSUER_CLIENT_ID, startOidcIssuer, type OidcIssuer } from '../../../test/fakes/oidc-issuer.ts';
import { bearerToken } from './bearer.ts';
import { createTokenValidator, type TokenValidator } from './token-validator.ts';

const TENANT = '11111111-1111-4111-8111-111111111111';
const OTHER_TENANT = '22222222-2222-4222-8222-222222222222';
const API = 'api://pc.example/0000aaaa-0000-4000-8000-000000000001';
const USER = 'aaaaaaaa-0000-4000-8000-0000000000a1';

let issuer: OidcIssuer;
let validator: TokenValidator;
const now = (): number => Math.floor(Date.now() / 1000);

const rejection = async (promise: Promise<unknown>): Promise<AppError> => {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

beforeAll(async () => {
  issuer = await startOidcIssuer();
  validator = createTokenValidator({
    issuerBaseUrl: issuer.url,
    jwksUri: issuer.jwksUri,
    audiences: [API],
    allowedTenants: [TENANT],
    requiredScope: 'access_as_user',
    allowedClients: [LOCAL_ISSUER_CLIENT_ID],
    clockToleranceSeconds: 5,
  });
});
afterAll(async () => {
  await issuer.close();
});

describe('token validation against a local Entra-like issuer', () => {
  it('accepts a valid delegated token and returns who the caller is', async () => {
    const token = await issuer.signToken({
      tid: TENANT,
      oid: USER,
      aud: API,
      scp: 'access_as_user Calendars.Read',
      roles: ['Admin'],
      groups: ['5eed0000-0000-4000-a000-00000000a001'],
      name: 'Ada Lovelace',
      preferred_username: 'ada@example.org',
    });
    const principal = await validator.authenticate(`Bearer ${token}`);
    expect(principal).toEqual({
      tenantId: TENANT,
      userId: USER,
      name: 'Ada Lovelace',
      upn: 'ada@example.org',
      scopes: ['access_as_user', 'Calendars.Read'],
      roles: ['Admin'],
      groups: ['5eed0000-0000-4000-a000-00000000a001'],
      token,
    });
  });

  it('asks for sign-in when the header is missing', async () => {
    const error = await rejection(validator.authenticate(undefined));
    expect(error.code).toBe('unauthenticated');
    expect(error.message).toBe('Sign-in is required');
  });

  it('rejects a header that is not a bearer token, and a malformed token', async () => {
    expect(() => bearerToken('Basic dXNlcjpwYXNz')).toThrow('not a bearer token');
    const error = await rejection(validator.validate('not.a.jwt'));
    expect(error.code).toBe('unauthenticated');
    expect(error.message).toBe('The token is malformed');
  });

  it('rejects an expired token saying so', async () => {
    const token = await issuer.signToken({ tid: TENANT, oid: USER, aud: API, iat: now() - 7200, exp: now() - 3600 });
    const error = await rejection(validator.validate(token));
    expect(error.message).toBe('The token has expired');
  });

  it('rejects a token that is not valid yet', async () => {
    const token = await issuer.signToken({ tid: TENANT, oid: USER, aud: API, nbf: now() + 600, exp: now() + 4000 });
    const error = await rejection(validator.validate(token));
    expect(error.message).toBe('The token is not valid yet');
  });

  it('rejects a token issued for another application', async () => {
    const token = await issuer.signToken({ tid: TENANT, oid: USER, aud: 'https://graph.microsoft.com' });
    const error = await rejection(validator.validate(token));
    expect(error.code).toBe('unauthenticated');
    expect(error.message).toBe('The token was issued for another application');
  });

  it('refuses an organisation that is not enabled', async () => {
    const token = await issuer.signToken({ tid: OTHER_TENANT, oid: USER, aud: API });
    const error = await rejection(validator.validate(token));
    expect(error.code).toBe('forbidden');
    expect(error.message).toBe('Your organisation is not enabled for this app');
  });

  it('rejects a token whose issuer does not match its tenant', async () => {
    const strict = createTokenValidator({
      issuerBaseUrl: 'https://login.microsoftonline.com',
      jwksUri: issuer.jwksUri,
      audiences: [API],
      allowedTenants: [TENANT],
      requiredScope: 'access_as_user',
      allowedClients: [LOCAL_ISSUER_CLIENT_ID],
    });
    const token = await issuer.signToken({ tid: TENANT, oid: USER, aud: API });
    const error = await rejection(strict.validate(token));
    expect(error.message).toBe('The token was issued by an unexpected authority');
  });

  it('rejects a forged signature made with a key the issuer does not publish', async () => {
    const token = await issuer.signToken({ tid: TENANT, oid: USER, aud: API }, { key: 'forged' });
    const error = await rejection(validator.validate(token));
    expect(error.code).toBe('unauthenticated');
    expect(error.message).toBe('The token signature is not valid');
  });

  it('rejects an unsigned token (alg none)', async () => {
    const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    const iat = now();
    const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({
      iss: issuer.issuerFor(TENANT),
      tid: TENANT,
      oid: USER,
      aud: API,
      iat,
      exp: iat + 3600,
    })}.`;
    const error = await rejection(validator.validate(unsigned));
    expect(error.code).toBe('unauthenticated');
  });

  it.each([
    ['an app-only token (idtyp app)', { idtyp: 'app' as const, scp: 'access_as_user' }, 'not of an application'],
    ['a token with no delegated scope', { roles: ['Everything.All'] }, 'not of an application'],
    ['a token without this API’s scope', { scp: 'User.Read' }, 'delegated permission (access_as_user)'],
    ['a token from a client not allowed', { scp: 'access_as_user', azp: API.slice(-36) }, 'Teams, Outlook'],
    ['a token naming no client', { scp: 'access_as_user', azp: null }, 'Teams, Outlook'],
  ])('refuses %s', async (_name, claims, message) => {
    const token = await issuer.signToken({ tid: TENANT, oid: USER, aud: API, ...claims });
    const error = await rejection(validator.validate(token));
    expect(error.code).toBe('forbidden');
    expect(error.message).toContain(message);
  });

  it('accepts a v1 token that names its client as appid', async () => {
    const token = await issuer.signToken({
      tid: TENANT,
      oid: USER,
      aud: API,
      scp: 'access_as_user',
      azp: null,
      appid: LOCAL_ISSUER_CLIENT_ID,
    });
    expect((await validator.validate(token)).userId).toBe(USER);
  });

  it('never puts the token in the error message', async () => {
    const token = await issuer.signToken({ tid: TENANT, oid: USER, aud: 'someone-else' });
    const error = await rejection(validator.validate(token));
    expect(error.message).not.toContain(token);
  });
});
