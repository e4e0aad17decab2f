/**
 * Nested app authentication: Outlook brokers the sign-in for the add-in through MSAL.js,
 * so the user is never asked to sign in again inside the task pane. The only MSAL import.
 */
import {
  createNestablePublicClientApplication,
  InteractionRequiredAuthError,
  type IPublicClientApplication,
} from '@azure/msal-browser';

export interface NaaSettings {
  readonly clientId: string;
  readonly authority: string;
  readonly apiScope: string;
}

export interface TokenSource {
  /** `forceRefresh` after the API refused a token (401): a cached one may have expired. */
  getToken(opts?: { forceRefresh: boolean }): Promise<string>;
}

export const createNaaTokenSource = async (settings: NaaSettings): Promise<TokenSource> => {
  const pca: IPublicClientApplication = await createNestablePublicClientApplication({
    auth: { clientId: settings.clientId, authority: settings.authority },
  });
  const request = { scopes: [settings.apiScope] };
  return {
    async getToken(opts) {
      try {
        return (await pca.acquireTokenSilent({ ...request, forceRefresh: opts?.forceRefresh === true })).accessToken;
      } catch (error) {
        // Consent or a fresh sign-in is needed: the host shows its own prompt.
        if (!(error instanceof InteractionRequiredAuthError)) throw error;
        return (await pca.acquireTokenPopup(request)).accessToken;
      }
    },
  };
};
