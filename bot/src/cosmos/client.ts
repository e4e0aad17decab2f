import { Agent } from 'node:https';
import { CosmosClient, type CosmosClientOptions } from '@azure/cosmos';
import { AppError } from '@pc/core';

/** What `@azure/identity` credentials (managed identity in production) provide to the Cosmos SDK. */
export type CosmosTokenCredential = NonNullable<CosmosClientOptions['aadCredentials']>;

export interface CosmosClientSettings {
  readonly endpoint: string;
  /** Account key: local emulator and tests only. Production uses `credential`. */
  readonly key?: string;
  readonly credential?: CosmosTokenCredential;
  /** Accept the self-signed certificate of a local emulator; refused for any non-loopback host. */
  readonly allowSelfSigned?: boolean;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export const createCosmosClient = (settings: CosmosClientSettings): CosmosClient => {
  const { endpoint, key, credential, allowSelfSigned = false } = settings;
  if ((key === undefined) === (credential === undefined)) {
    throw new AppError('internal', 'Storage is misconfigured: give exactly one of a key or a credential');
  }
  if (allowSelfSigned && !LOOPBACK_HOSTS.has(new URL(endpoint).hostname)) {
    // A certificate check is only ever relaxed for an emulator on this machine.
    throw new AppError('internal', 'Storage is misconfigured: self-signed certificates are accepted only on localhost');
  }
  return new CosmosClient({
    endpoint,
    ...(key === undefined ? {} : { key }),
    ...(credential === undefined ? {} : { aadCredentials: credential }),
    ...(allowSelfSigned ? { agent: new Agent({ rejectUnauthorized: false, keepAlive: true }) } : {}),
    userAgentSuffix: 'performance-conversations',
  });
};
