import { AppError } from '@pc/core';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { bearerToken } from './bearer.ts';
import type { Principal } from './principal.ts';

export interface TokenValidatorOptions {
  /** e.g. https://login.microsoftonline.com — the issuer of tenant T is `${issuerBaseUrl}/T/v2.0`. */
  readonly issuerBaseUrl: string;
  readonly jwksUri: string;
  /** Accepted `aud` values: the app's client id and/or its Application ID URI. */
  readonly audiences: readonly string[];
  /** Entra tenants whose organisations use the product. */
  readonly allowedTenants: readonly string[];
  /** The delegated scope of this API every token must grant; app-only tokens grant none. */
  readonly requiredScope: string;
  /** Client applications (`azp`, or `appid` in v1 tokens) allowed to call: Teams, Outlook, the tab itself. */
  readonly allowedClients: readonly string[];
  readonly clockToleranceSeconds?: number;
}

export interface TokenValidator {
  /** The caller behind a raw access token, or AppError 'unauthenticated' / 'forbidden' / 'unavailable'. */
  validate(token: string): Promise<Principal>;
  /** The same, from an HTTP `Authorization` header value. */
  authenticate(authorizationHeader: string | readonly string[] | undefined): Promise<Principal>;
}

const unauthenticated = (message: string, cause?: unknown): AppError =>
  new AppError('unauthenticated', message, cause === undefined ? {} : { cause });

/** Turns jose's failures into reasons a user (or a support desk) can act on. */
const explain = (error: unknown): AppError => {
  if (error instanceof joseErrors.JWTExpired) return unauthenticated('The token has expired', error);
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return unauthenticated('The token was issued for another application', error);
    if (error.claim === 'nbf') return unauthenticated('The token is not valid yet', error);
    return unauthenticated(`The token's "${error.claim}" claim is not acceptable`, error);
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed) {
    return unauthenticated('The token is not signed with an accepted algorithm', error);
  }
  if (error instanceof joseErrors.JWSSignatureVerificationFailed || error instanceof joseErrors.JWKSNoMatchingKey) {
    return unauthenticated('The token signature is not valid', error);
  }
  if (error instanceof joseErrors.JWKSTimeout || !(error instanceof joseErrors.JOSEError)) {
    return new AppError('unavailable', 'Sign-in cannot be checked right now; please try again', { cause: error });
  }
  return unauthenticated('The token is malformed', error);
};

const stringClaim = (payload: JWTPayload, name: string): string | undefined => {
  const value = payload[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
};

const stringsClaim = (payload: JWTPayload, name: string): string[] => {
  const value = payload[name];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
};

/** People, not services: an app-only token (no `scp`, or `idtyp: app`) never reaches a person's records. */
const checkDelegated = (payload: JWTPayload, scopes: readonly string[], required: string): void => {
  if (payload.idtyp === 'app' || scopes.length === 0) {
    throw new AppError('forbidden', 'This app accepts only tokens of a signed-in person, not of an application');
  }
  if (!scopes.includes(required)) {
    throw new AppError('forbidden', `The token does not grant this app's delegated permission (${required})`);
  }
};

export const createTokenValidator = (options: TokenValidatorOptions): TokenValidator => {
  const keys: JWTVerifyGetKey = createRemoteJWKSet(new URL(options.jwksUri));
  const base = options.issuerBaseUrl.replace(/\/+$/, '');
  const allowed = new Set(options.allowedTenants.map((t) => t.toLowerCase()));
  const clients = new Set(options.allowedClients.map((c) => c.toLowerCase()));

  const validate = async (token: string): Promise<Principal> => {
    if (token.length === 0) throw unauthenticated('Sign-in is required');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        algorithms: ['RS256'],
        audience: [...options.audiences],
        clockTolerance: options.clockToleranceSeconds ?? 60,
        requiredClaims: ['exp', 'iss', 'aud'],
      }));
    } catch (error) {
      throw explain(error);
    }
    const tenantId = stringClaim(payload, 'tid');
    const userId = stringClaim(payload, 'oid');
    if (tenantId === undefined || userId === undefined) {
      throw unauthenticated('The token does not identify a person in an organisation');
    }
    // Entra signs every tenant's tokens with the same keys, so the issuer must name the token's own tenant.
    if (payload.iss !== `${base}/${tenantId}/v2.0`) {
      throw unauthenticated('The token was issued by an unexpected authority');
    }
    if (!allowed.has(tenantId.toLowerCase())) {
      throw new AppError('forbidden', 'Your organisation is not enabled for this app');
    }
    const scp = stringClaim(payload, 'scp');
    const scopes = scp === undefined ? [] : scp.split(' ').filter(Boolean);
    checkDelegated(payload, scopes, options.requiredScope);
    const client = stringClaim(payload, 'azp') ?? stringClaim(payload, 'appid');
    if (client === undefined || !clients.has(client.toLowerCase())) {
      throw new AppError('forbidden', 'This app accepts sign-in only from Teams, Outlook and its own pages');
    }
    const name = stringClaim(payload, 'name');
    const upn = stringClaim(payload, 'preferred_username') ?? stringClaim(payload, 'upn');
    const roles = stringsClaim(payload, 'roles');
    const groups = stringsClaim(payload, 'groups');
    return {
      tenantId,
      userId,
      ...(name === undefined ? {} : { name }),
      ...(upn === undefined ? {} : { upn }),
      scopes,
      roles,
      groups,
      token,
    };
  };
  return { validate, authenticate: async (header) => validate(bearerToken(header)) };
};
