import { ManagedIdentityCredential } from '@azure/identity';
import { systemClock, type Clock, type EmployeeRepository, type SendQueueStore, type TenantRepository } from '@pc/core';
import type { DirectorySource, DirectorySyncStore } from '@pc/core/usecases';
import { loadConfig } from '../config.ts';
import { createSendQueueStore } from '../cosmos/bot-state.ts';
import { CosmosDirectorySyncStore } from '../cosmos/directory-sync-store.ts';
import { createCosmosStore } from '../cosmos/index.ts';
import { createDirectoryDelta } from '../graph/directory-delta.ts';
import { createMsalTokenSource } from '../graph/token-source.ts';

/** What `sync` and `import` work on: the store and the directory named by the configuration. */
export interface CliServices {
  readonly repos: { readonly tenants: TenantRepository; readonly employees: EmployeeRepository };
  readonly syncState: DirectorySyncStore;
  /** Proactive check-ins, for `sends in-doubt` and `sends resend`. */
  readonly sendQueue?: SendQueueStore;
  /** Absent where no Graph app registration is configured. */
  readonly directory: DirectorySource | undefined;
  readonly clock: Clock;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** App-only Graph tokens; defaults to MSAL with the bot's app registration. */
  readonly appToken?: (tenantId: string) => Promise<string>;
}

/** Opens Cosmos and Graph as the server would, from the same environment variables. */
export const connectFromConfig = async (
  env: Readonly<Record<string, string | undefined>>,
  options: ConnectOptions = {},
): Promise<CliServices> => {
  const config = loadConfig(env);
  const common = { endpoint: config.cosmos.endpoint, databaseId: config.cosmos.databaseId };
  const clientId = config.cosmos.managedIdentityClientId;
  const store = config.cosmos.useManagedIdentity
    ? await createCosmosStore({
        ...common,
        credential: clientId ? new ManagedIdentityCredential({ clientId }) : new ManagedIdentityCredential(),
      })
    : await createCosmosStore({
        ...common,
        ...(config.cosmos.key === undefined ? {} : { key: config.cosmos.key }),
        allowSelfSigned: config.cosmos.allowSelfSigned,
      });
  const { appId, appPassword } = config.bot;
  const msal =
    appId === undefined || appPassword === undefined
      ? undefined
      : createMsalTokenSource({ clientId: appId, clientSecret: appPassword, authority: config.auth.authorityHost });
  const appToken = options.appToken ?? (msal === undefined ? undefined : (t: string) => msal.appToken(t));
  return {
    repos: { tenants: store.tenants, employees: store.employees },
    syncState: new CosmosDirectorySyncStore((kind, partition) => store.keyValues(kind, partition)),
    sendQueue: createSendQueueStore((kind, partition) => store.keyValues(kind, partition)),
    directory: appToken === undefined ? undefined : createDirectoryDelta({ appToken, baseUrl: config.graph.baseUrl }),
    clock: systemClock,
    close: () => {
      store.close();
      return Promise.resolve();
    },
  };
};
