/**
 * Plain-browser sign-in for local development: the local server lists demo people and names its
 * local token issuer; the issuer hands out a real signed token for the chosen person. The server
 * offers these endpoints only in local mode, so nothing here can work against production.
 */
import { z } from 'zod';
import { type TokenSource, ApiError, NETWORK_MESSAGE, toApiError } from '@pc/core/api';
import { LOCAL_SESSION_KEY, localSignInUrl } from './local-sign-in.ts';

export const localConfig = z.object({
  issuerUrl: z.string(),
  /** The `aud` the API accepts (its application ID URI or client id). */
  audience: z.string(),
  botAppId: z.string().optional(),
});
export type LocalConfig = z.output<typeof localConfig>;

export const localPerson = z.object({
  id: z.string(),
  tenantId: z.string(),
  displayName: z.string(),
  email: z.string(),
  roles: z.array(z.string()),
  /** The demo stories the person illustrates: in probation, acting up… */
  situations: z.array(z.string()).default([]),
});
export type LocalPerson = z.output<typeof localPerson>;

const tokenReply = z.object({ access_token: z.string() });
const STORAGE_KEY = LOCAL_SESSION_KEY;
const storedSession = z.object({ person: localPerson, config: localConfig });

const getJson = async <T>(fetchFn: typeof fetch, url: string, schema: z.ZodType<T>): Promise<T> => {
  let res: Response;
  try {
    res = await fetchFn(url, { headers: { accept: 'application/json' } });
  } catch (cause) {
    throw new ApiError(0, 'network', NETWORK_MESSAGE, { cause });
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) throw toApiError(res.status, body);
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new ApiError(res.status, 'bad-response', 'The local server sent a reply we could not read.');
  return parsed.data;
};

export const fetchLocalConfig = (fetchFn: typeof fetch, baseUrl: string): Promise<LocalConfig> =>
  getJson(fetchFn, `${baseUrl}/local/config`, localConfig);

export const fetchLocalPeople = (fetchFn: typeof fetch, baseUrl: string): Promise<LocalPerson[]> =>
  getJson(fetchFn, `${baseUrl}/local/people`, z.array(localPerson));

export const localToken = async (fetchFn: typeof fetch, config: LocalConfig, person: LocalPerson): Promise<string> => {
  return (await getJson(fetchFn, localSignInUrl(config, person), tokenReply)).access_token;
};

export interface LocalSession {
  readonly person: LocalPerson;
  readonly config: LocalConfig;
}

export const saveLocalSession = (storage: Storage, session: LocalSession): void => {
  storage.setItem(STORAGE_KEY, JSON.stringify(session));
};

export const loadLocalSession = (storage: Storage): LocalSession | null => {
  const raw = storage.getItem(STORAGE_KEY);
  if (raw === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    // A damaged entry only means signing in again.
    storage.removeItem(STORAGE_KEY);
    return null;
  }
  const parsed = storedSession.safeParse(value);
  return parsed.success ? parsed.data : null;
};

export const clearLocalSession = (storage: Storage): void => {
  storage.removeItem(STORAGE_KEY);
};

/** Tokens for the signed-in demo person; a fresh one is fetched when the API asks (401). */
export const localTokenSource = (fetchFn: typeof fetch, session: LocalSession): TokenSource => {
  const cache: { token?: string } = {};
  return async ({ forceRefresh }) => {
    if (forceRefresh || cache.token === undefined)
      cache.token = await localToken(fetchFn, session.config, session.person);
    return cache.token;
  };
};
