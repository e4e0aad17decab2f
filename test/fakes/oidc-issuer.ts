/**
 * A local Entra-like token issuer over real HTTP: OpenID discovery, JWKS, and a token endpoint good
 * enough for MSAL client-credentials and on-behalf-of flows. Tokens are real RS256 JWTs shaped like
 * Entra v2 access tokens, so validators and Graph fakes see what production would send them.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { SignJWT, exportJWK, generateKeyPair, jwtVerify, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { LOCAL_ISSUER_CLIENT_ID } from '../../bot/src/config.ts';

export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
export { LOCAL_ISSUER_CLIENT_ID };

export interface TokenClaims {
  readonly tid: string;
  readonly oid: string;
  readonly aud: string;
  readonly scp?: string;
  readonly roles?: readonly string[];
  /** Security-group object ids, when the app registration emits group claims. */
  readonly groups?: readonly string[];
  readonly name?: string;
  readonly preferred_username?: string;
  /** Seconds since the epoch. */
  readonly exp?: number;
  readonly iat?: number;
  readonly nbf?: number;
  /**
   * Client (application) id the token was issued to; unset on a delegated token (one with scp), the
   * local tab's client (LOCAL_ISSUER_CLIENT_ID), as Entra names a client in every such token; null
   * leaves it out.
   */
  readonly azp?: string | null;
  /** The v1 form of azp. */
  readonly appid?: string;
  readonly idtyp?: 'app' | 'user';
  /** Bot Framework channel tokens name the connector the activity came from. */
  readonly serviceurl?: string;
}

export interface SignOptions {
  readonly kid?: string;
  /** Sign with a key the JWKS does not publish, as an attacker would. */
  readonly key?: 'forged';
}

export interface OidcIssuerOptions {
  readonly port?: number;
  readonly host?: string;
  /** Serve GET /local/sign-in for the local launcher; never on in tests of rejection paths. */
  readonly devSignIn?: boolean;
  /** Registered confidential clients; when given, the token endpoint checks id and secret. */
  readonly clients?: Readonly<
    Record<
      string,
      {
        readonly secret: string;
        readonly roles?: readonly string[];
        /** False: nobody has consented to its delegated permissions, so on-behalf-of fails (AADSTS65001). */
        readonly delegatedConsent?: boolean;
      }
    >
  >;
  /** Token lifetime in seconds for tokens the token endpoint issues. */
  readonly tokenLifetimeSeconds?: number;
  /** App roles assigned to a person (Entra app-role assignments), put in their `roles` claim at sign-in. */
  readonly appRolesOf?: (tenantId: string, personId: string) => readonly string[];
}

export interface OidcIssuer {
  readonly url: string;
  issuerFor(tenantId: string): string;
  readonly jwksUri: string;
  signToken(claims: TokenClaims, opts?: SignOptions): Promise<string>;
  /**
   * MSAL accepts only https authorities, so local callers configure this https form of the issuer's
   * address as the authority host together with `msalNetworkClient`, which carries MSAL's requests
   * to this plain-http server — the seam Azure SDK maintainers recommend for a fake Entra.
   */
  readonly msalAuthorityHost: string;
  readonly msalNetworkClient: INetworkModule;
  close(): Promise<void>;
}

/** An MSAL network module over fetch that sends requests for `httpsOrigin` to `httpOrigin`. */
export const loopbackNetworkModule = (httpsOrigin: string, httpOrigin: string): INetworkModule => {
  const send = async <T>(
    method: 'GET' | 'POST',
    url: string,
    options?: NetworkRequestOptions,
  ): Promise<NetworkResponse<T>> => {
    const target = url.startsWith(httpsOrigin) ? httpOrigin + url.slice(httpsOrigin.length) : url;
    const response = await fetch(target, {
      method,
      // Like a TLS-terminating proxy, so the discovery document names the https addresses MSAL was given.
      headers: { ...options?.headers, 'x-forwarded-proto': 'https' },
      ...(method === 'POST' ? { body: options?.body ?? '' } : {}),
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    return { status: response.status, headers, body: (await response.json()) as T };
  };
  return {
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
};

interface KeyPair {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly publicJwk: JWK;
}

const makeKey = async (kid: string): Promise<KeyPair> => {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(publicKey);
  return { kid, privateKey, publicKey, publicJwk: { ...jwk, kid, use: 'sig', alg: 'RS256' } };
};

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

const sendJson = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};

const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

const oauthError = (res: ServerResponse, status: number, error: string, description: string): void => {
  sendJson(res, status, {
    error,
    error_description: description,
    error_codes: [],
    timestamp: new Date().toISOString(),
  });
};

/** Entra resource scopes look like `https://graph.microsoft.com/.default` or `https://graph.microsoft.com/User.Read`. */
const splitScopes = (scope: string): { audience: string; names: string[] } => {
  const resourceScopes = scope.split(' ').filter((s) => s.startsWith('http') || s.startsWith('api://'));
  const first = resourceScopes[0] ?? `${GRAPH_AUDIENCE}/.default`;
  const cut = first.lastIndexOf('/');
  return {
    audience: first.slice(0, cut),
    names: resourceScopes.map((s) => s.slice(s.lastIndexOf('/') + 1)).filter((n) => n !== '.default'),
  };
};

export const startOidcIssuer = async (opts: OidcIssuerOptions = {}): Promise<OidcIssuer> => {
  const signing = await makeKey(`kid-${randomUUID().slice(0, 8)}`);
  const forged = await makeKey(signing.kid);
  const lifetime = opts.tokenLifetimeSeconds ?? 3600;
  const host = opts.host ?? '127.0.0.1';
  let baseUrl = '';

  const issuerFor = (tenantId: string): string => `${baseUrl}/${tenantId}/v2.0`;

  const signToken = async (claims: TokenClaims, signOpts: SignOptions = {}): Promise<string> => {
    const key = signOpts.key === 'forged' ? forged : signing;
    const iat = claims.iat ?? nowSeconds();
    const { exp, nbf, roles, azp, ...rest } = claims;
    const payload: JWTPayload = {
      ...rest,
      // Entra names the client in every delegated token; a channel token (no scp) names none.
      ...(azp === null || (azp === undefined && rest.scp === undefined) ? {} : { azp: azp ?? LOCAL_ISSUER_CLIENT_ID }),
      ...(roles === undefined ? {} : { roles: [...roles] }),
      iss: issuerFor(claims.tid),
      ver: '2.0',
      sub: claims.oid,
      uti: randomUUID(),
      iat,
      nbf: nbf ?? iat,
      exp: exp ?? iat + lifetime,
    };
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: signOpts.kid ?? key.kid })
      .sign(key.privateKey);
  };

  const tokenResponse = (accessToken: string, scope: string): Record<string, unknown> => ({
    token_type: 'Bearer',
    scope,
    expires_in: lifetime,
    ext_expires_in: lifetime,
    access_token: accessToken,
  });

  const handleToken = async (req: IncomingMessage, res: ServerResponse, tenantId: string): Promise<void> => {
    const form = new URLSearchParams(await readBody(req));
    const clientId = form.get('client_id') ?? '';
    const registered = opts.clients?.[clientId];
    if (opts.clients !== undefined && registered?.secret !== form.get('client_secret')) {
      oauthError(res, 401, 'invalid_client', 'AADSTS7000215: Invalid client secret provided.');
      return;
    }
    const scope = form.get('scope') ?? '';
    const { audience, names } = splitScopes(scope);
    const grant = form.get('grant_type');
    if (grant === 'client_credentials') {
      const token = await signToken({
        tid: tenantId,
        oid: `sp-${clientId}`,
        aud: audience,
        azp: clientId,
        idtyp: 'app',
        roles: registered?.roles ?? ['User.Read.All', 'Calendars.ReadWrite'],
      });
      sendJson(res, 200, tokenResponse(token, scope));
      return;
    }
    if (grant === 'urn:ietf:params:oauth:grant-type:jwt-bearer' && form.get('requested_token_use') === 'on_behalf_of') {
      if (registered?.delegatedConsent === false) {
        sendJson(res, 400, {
          error: 'invalid_grant',
          suberror: 'consent_required',
          error_description:
            'AADSTS65001: The user or administrator has not consented to use the application. Send an interactive authorization request for this user and resource.',
          error_codes: [65001],
          timestamp: new Date().toISOString(),
        });
        return;
      }
      const assertion = form.get('assertion') ?? '';
      try {
        const { payload } = await jwtVerify(assertion, (header) => {
          if (header.kid !== signing.kid) throw new Error('unknown key');
          return Promise.resolve(signing.publicKey);
        });
        if (typeof payload.oid !== 'string' || typeof payload.scp !== 'string' || payload.tid !== tenantId) {
          throw new Error('not a delegated user token of this tenant');
        }
        const token = await signToken({
          tid: tenantId,
          oid: payload.oid,
          aud: audience,
          azp: clientId,
          idtyp: 'user',
          scp: names.length > 0 ? names.join(' ') : 'User.Read Calendars.ReadWrite',
          ...(typeof payload.name === 'string' ? { name: payload.name } : {}),
          ...(typeof payload.preferred_username === 'string' ? { preferred_username: payload.preferred_username } : {}),
        });
        sendJson(res, 200, tokenResponse(token, scope));
      } catch {
        oauthError(res, 400, 'invalid_grant', 'AADSTS50013: Assertion failed signature validation.');
      }
      return;
    }
    oauthError(res, 400, 'unsupported_grant_type', 'AADSTS70003: The grant type is not supported.');
  };

  const openIdConfiguration = (tenantId: string, base: string): Record<string, unknown> => ({
    issuer: `${base}/${tenantId}/v2.0`,
    token_endpoint: `${base}/${tenantId}/oauth2/v2.0/token`,
    authorization_endpoint: `${base}/${tenantId}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${base}/${tenantId}/oauth2/v2.0/logout`,
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    tenant_region_scope: 'EU',
  });

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', baseUrl);
    const parts = url.pathname.split('/').filter(Boolean);
    if (req.method === 'GET' && url.pathname === '/discovery/v2.0/keys') {
      sendJson(res, 200, { keys: [signing.publicJwk] });
      return;
    }
    if (
      req.method === 'GET' &&
      parts.length === 4 &&
      parts.slice(1).join('/') === 'v2.0/.well-known/openid-configuration'
    ) {
      const proto = req.headers['x-forwarded-proto'] === 'https' ? 'https:' : 'http:';
      sendJson(res, 200, openIdConfiguration(parts[0] ?? '', baseUrl.replace(/^http:/, proto)));
      return;
    }
    if (req.method === 'POST' && parts.length === 4 && parts.slice(1).join('/') === 'oauth2/v2.0/token') {
      await handleToken(req, res, parts[0] ?? '');
      return;
    }
    if (opts.devSignIn === true && req.method === 'GET' && url.pathname === '/local/sign-in') {
      // The tab and add-in pages are served from another local origin and read the token in the browser.
      res.setHeader('access-control-allow-origin', '*');
      const tid = url.searchParams.get('tid');
      const oid = url.searchParams.get('oid');
      const aud = url.searchParams.get('aud');
      if (tid === null || oid === null || aud === null) {
        sendJson(res, 400, { error: 'tid, oid and aud are required' });
        return;
      }
      const name = url.searchParams.get('name');
      const roles = opts.appRolesOf?.(tid, oid) ?? [];
      const token = await signToken({
        tid,
        oid,
        aud,
        scp: 'access_as_user',
        idtyp: 'user',
        ...(name === null ? {} : { name }),
        ...(roles.length === 0 ? {} : { roles }),
      });
      sendJson(res, 200, { access_token: token, token_type: 'Bearer', expires_in: lifetime });
      return;
    }
    sendJson(res, 404, { error: 'not_found' });
  };

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      sendJson(res, 500, { error: 'server_error', error_description: String(error) });
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, host, resolve));
  baseUrl = `http://${host}:${(server.address() as AddressInfo).port}`;

  return {
    url: baseUrl,
    issuerFor,
    jwksUri: `${baseUrl}/discovery/v2.0/keys`,
    signToken,
    msalAuthorityHost: baseUrl.replace(/^http:/, 'https:'),
    msalNetworkClient: loopbackNetworkModule(baseUrl.replace(/^http:/, 'https:'), baseUrl),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error === undefined) resolve();
          else reject(error);
        });
      }),
  };
};
