import { createMsalTokenSource, createMsGraphGateway, type GraphGateway } from '../bot/src/graph/index.ts';
import type { startOidcIssuer } from '@pc/testing/fakes/oidc-issuer.ts';

type Issuer = Awaited<ReturnType<typeof startOidcIssuer>>;

/** A local app registration the fake issuer knows; never valid anywhere else. */
export const LOCAL_GRAPH_CLIENT = { id: '00000000-0000-4000-a000-00000000c0de', secret: 'local-only-secret' } as const;

/**
 * Graph over MSAL against the local issuer and fake Graph. MSAL only speaks https to
 * authorities, so its requests go through the issuer's own network client.
 */
export const localGraphGateway = (issuer: Issuer, graphBaseUrl: string): GraphGateway =>
  createMsGraphGateway({
    tokens: createMsalTokenSource({
      clientId: LOCAL_GRAPH_CLIENT.id,
      clientSecret: LOCAL_GRAPH_CLIENT.secret,
      authority: issuer.msalAuthorityHost,
      networkClient: issuer.msalNetworkClient,
    }),
    baseUrl: graphBaseUrl,
  });

/**
 * App-only Graph tokens from the local issuer by a plain client-credentials request, for processes
 * (the CLI, the launcher's sync) that talk to the local Graph without an MSAL client of their own.
 */
export const localAppToken =
  (issuerUrl: string) =>
  async (tenantId: string): Promise<string> => {
    const response = await fetch(`${issuerUrl}/${tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: LOCAL_GRAPH_CLIENT.id,
        client_secret: LOCAL_GRAPH_CLIENT.secret,
        scope: 'https://graph.microsoft.com/.default',
      }),
    });
    if (!response.ok)
      throw new Error(`The local issuer refused a token (${String(response.status)}); is npm start running?`);
    return ((await response.json()) as { access_token: string }).access_token;
  };
