/**
 * Sign-in. In Outlook: nested app authentication (MSAL, loaded only then). Locally (a plain
 * browser or a test) the local server names its people and a local issuer signs a real token
 * that only a local server accepts — nothing is bypassed.
 */
import type { AddinConfig } from './config.ts';
import type { TokenSource } from './auth-naa.ts';

export type { TokenSource } from './auth-naa.ts';

export interface LocalPerson {
  readonly id: string;
  readonly tenantId: string;
  readonly displayName: string;
  readonly email: string;
  readonly roles: readonly string[];
}

export interface LocalSignIn {
  readonly people: readonly LocalPerson[];
  signInAs(person: LocalPerson): TokenSource;
}

const getJson = async (fetcher: typeof fetch, url: string, what: string): Promise<unknown> => {
  const res = await fetcher(url);
  if (!res.ok) throw new Error(`Local sign-in is not available (${what} answered ${res.status}).`);
  return res.json();
};

export const startLocalSignIn = async (fetcher: typeof fetch, apiBaseUrl: string): Promise<LocalSignIn> => {
  const config = (await getJson(fetcher, `${apiBaseUrl}/local/config`, 'settings')) as {
    issuerUrl: string;
    apiAudience: string;
  };
  const people = (await getJson(fetcher, `${apiBaseUrl}/local/people`, 'people')) as LocalPerson[];
  return {
    people,
    signInAs(person) {
      const url = new URL(`${config.issuerUrl.replace(/\/$/, '')}/local/sign-in`);
      url.searchParams.set('tid', person.tenantId);
      url.searchParams.set('oid', person.id);
      url.searchParams.set('aud', config.apiAudience);
      url.searchParams.set('name', person.displayName);
      // Local tokens live for an hour; reuse one for ten minutes rather than sign in per call.
      let cached: { token: string; until: number } | undefined;
      return {
        async getToken(opts) {
          if (opts?.forceRefresh !== true && cached !== undefined && cached.until > Date.now()) return cached.token;
          const body = (await getJson(fetcher, url.toString(), 'the local issuer')) as { access_token?: unknown };
          if (typeof body.access_token !== 'string') throw new Error('The local issuer sent no token.');
          cached = { token: body.access_token, until: Date.now() + 10 * 60_000 };
          return cached.token;
        },
      };
    },
  };
};

/** Outlook with NAA support and production settings: the MSAL path, loaded on demand. */
export const naaTokenSource = async (config: Extract<AddinConfig, { auth: 'naa' }>): Promise<TokenSource> => {
  const { createNaaTokenSource } = await import('./auth-naa.ts');
  return createNaaTokenSource(config);
};
