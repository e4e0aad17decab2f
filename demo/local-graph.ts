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
