import { AppError } from '@pc/core';
import type { ConfidentialClientApplication, INetworkModule } from '@azure/msal-node';
import { createMsalClient } from './msal-client.ts';
import { DELEGATED_PERMISSIONS } from './permission-check.ts';

/** Where the Graph gateway gets access tokens: app-only for the app's own reads, OBO for a user's. */
export interface GraphTokenSource {
  appToken(tenantId: string): Promise<string>;
  /** Exchanges the signed-in user's token for a delegated Graph token (on-behalf-of). */
  delegatedToken(tenantId: string, userToken: string): Promise<string>;
}

export interface MsalTokenSourceOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Authority host, e.g. https://login.microsoftonline.com. */
  readonly authority: string;
  readonly networkClient?: INetworkModule;
  /** Graph resource, e.g. https://graph.microsoft.com (a sovereign cloud differs). */
  readonly graphResource?: string;
}

const errorCode = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'errorCode' in error ? String(error.errorCode) : '';

/** Entra's answer when nobody has consented to the app's delegated Graph permissions (AADSTS65001). */
const isConsentMissing = (error: unknown): boolean => {
  if (typeof error !== 'object' || error === null) return false;
  const subError = 'subError' in error ? String(error.subError) : '';
  const message = 'errorMessage' in error ? String(error.errorMessage) : error instanceof Error ? error.message : '';
  return errorCode(error) === 'consent_required' || subError === 'consent_required' || message.includes('AADSTS65001');
};

export const CONSENT_MESSAGE = `An administrator needs to grant admin consent for this app's Microsoft Graph delegated permissions (${DELEGATED_PERMISSIONS.join(', ')}) before calendars can be used`;

/**
 * MSAL clients made on first use per tenant and kept for this source's lifetime (MSAL caches tokens).
 * App-only and on-behalf-of use separate clients: one shared client's client-credentials lookup was
 * seen to return a cached delegated token, which would let app-only work act as a user.
 */
export const createMsalTokenSource = (options: MsalTokenSourceOptions): GraphTokenSource => {
  const appClients = new Map<string, ConfidentialClientApplication>();
  const oboClients = new Map<string, ConfidentialClientApplication>();
  const resource = (options.graphResource ?? 'https://graph.microsoft.com').replace(/\/+$/, '');
  const clientFor = (
    clients: Map<string, ConfidentialClientApplication>,
    tenantId: string,
  ): ConfidentialClientApplication => {
    let client = clients.get(tenantId);
    if (client === undefined) {
      client = createMsalClient({ ...options, tenantId });
      clients.set(tenantId, client);
    }
    return client;
  };

  return {
    appToken: async (tenantId) => {
      try {
        const result = await clientFor(appClients, tenantId).acquireTokenByClientCredential({
          scopes: [`${resource}/.default`],
        });
        if (result === null) throw new Error('empty token response');
        return result.accessToken;
      } catch (error) {
        throw new AppError('unavailable', 'Microsoft 365 sign-in for the app failed; please try again', {
          cause: error,
        });
      }
    },
    delegatedToken: async (tenantId, userToken) => {
      try {
        const result = await clientFor(oboClients, tenantId).acquireTokenOnBehalfOf({
          oboAssertion: userToken,
          scopes: [`${resource}/.default`],
        });
        if (result === null) throw new Error('empty token response');
        return result.accessToken;
      } catch (error) {
        // Not the person's fault and not solved by signing in again: an administrator must consent.
        if (isConsentMissing(error)) throw new AppError('forbidden', CONSENT_MESSAGE, { cause: error });
        // invalid_grant means the user's own token was not acceptable: they need to sign in again.
        if (errorCode(error) === 'invalid_grant') {
          throw new AppError('unauthenticated', 'Please sign in again to use your calendar', { cause: error });
        }
        throw new AppError('unavailable', 'Microsoft 365 sign-in failed; please try again', { cause: error });
      }
    },
  };
};
