import { AppError } from '@pc/core';
import { Client, HTTPMessageHandler, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import type { AuthenticationProvider } from '@microsoft/microsoft-graph-client';

/** An auth provider over any token getter (MSAL app-only or on-behalf-of). */
export const tokenAuthProvider = (getToken: () => Promise<string>): AuthenticationProvider => ({
  getAccessToken: getToken,
});

/**
 * Puts the bearer token on every request. The SDK's own handler adds tokens only to https Graph
 * hosts; this one trusts the configured base URL, so a local fake Graph over http works too.
 */
class BearerMiddleware implements Middleware {
  #next: Middleware | undefined;

  constructor(private readonly provider: AuthenticationProvider) {}

  async execute(context: Context): Promise<void> {
    const token = await this.provider.getAccessToken();
    const options = context.options ?? {};
    const headers = new Headers(options.headers);
    headers.set('Authorization', `Bearer ${token}`);
    headers.set('Prefer', 'outlook.timezone="UTC"');
    context.options = { ...options, headers: Object.fromEntries(headers.entries()) };
    if (this.#next === undefined) throw new Error('BearerMiddleware must not be last in the chain');
    await this.#next.execute(context);
  }

  setNext(next: Middleware): void {
    this.#next = next;
  }
}

/**
 * A Graph client without the SDK's retry handler: throttling is handled by the gateway, which
 * honours fractional Retry-After values and reports 'throttled' once retries run out.
 */
export const createGraphClient = (baseUrl: string, provider: AuthenticationProvider): Client => {
  const url = new URL(baseUrl);
  const version = url.pathname.replace(/^\/+|\/+$/g, '') || 'v1.0';
  return Client.initWithMiddleware({
    baseUrl: `${url.origin}/`,
    defaultVersion: version,
    middleware: [new BearerMiddleware(provider), new HTTPMessageHandler()],
  });
};

/**
 * The path below the configured Graph base of a link Graph handed out (`@odata.nextLink`,
 * `@odata.deltaLink`); a link to any other host is refused, so a token never goes elsewhere.
 */
export const pathOnGraph = (baseUrl: string, link: string, what: string): string => {
  const base = baseUrl.replace(/\/+$/, '');
  if (!link.startsWith(`${base}/`)) {
    throw new AppError('validation', `A ${what} link points outside the configured Microsoft Graph.`);
  }
  return link.slice(base.length);
};
