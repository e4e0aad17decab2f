/**
 * The parts of the local sign-in that the page's first script needs before the rest has loaded
 * (see api-first-load.ts), so they carry no schema library: where the session is kept and the
 * address the local issuer hands a token out at.
 */
export const LOCAL_SESSION_KEY = 'pc.local-session';

export const localSignInUrl = (
  config: { readonly issuerUrl: string; readonly audience: string },
  person: { readonly id: string; readonly tenantId: string; readonly displayName: string },
): string => {
  const url = new URL(`${config.issuerUrl.replace(/\/$/, '')}/local/sign-in`);
  url.searchParams.set('tid', person.tenantId);
  url.searchParams.set('oid', person.id);
  url.searchParams.set('aud', config.audience);
  url.searchParams.set('name', person.displayName);
  return url.toString();
};
