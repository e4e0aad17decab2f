/**
 * Runtime settings, read from config.json beside taskpane.html so one build serves every
 * environment; deployment writes the production values (auth "naa", client id, API scope).
 */
export type AddinConfig =
  | { readonly auth: 'local'; readonly apiBaseUrl: string }
  | {
      readonly auth: 'naa';
      readonly apiBaseUrl: string;
      readonly clientId: string;
      readonly authority: string;
      /** e.g. api://<host>/<client id>/access_as_user */
      readonly apiScope: string;
    };

const str = (value: unknown, name: string): string => {
  if (typeof value !== 'string') throw new Error(`The add-in settings are missing ${name}.`);
  return value;
};

export const parseConfig = (raw: unknown): AddinConfig => {
  const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const apiBaseUrl = typeof o.apiBaseUrl === 'string' ? o.apiBaseUrl.replace(/\/$/, '') : '';
  if (o.auth === 'naa') {
    return {
      auth: 'naa',
      apiBaseUrl,
      clientId: str(o.clientId, 'clientId'),
      authority: typeof o.authority === 'string' ? o.authority : 'https://login.microsoftonline.com/organizations',
      apiScope: str(o.apiScope, 'apiScope'),
    };
  }
  return { auth: 'local', apiBaseUrl };
};

export const loadConfig = async (fetcher: typeof fetch, baseHref: string): Promise<AddinConfig> => {
  const res = await fetcher(new URL('config.json', baseHref));
  if (!res.ok) throw new Error('The add-in settings could not be loaded.');
  return parseConfig(await res.json());
};
