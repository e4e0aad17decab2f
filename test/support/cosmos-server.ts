/**
 * A real Cosmos DB wire-protocol server (`@vercel/cosmosdb-server`) in-process, over HTTPS with
 * its bundled self-signed certificate. Clients must opt in to that certificate per connection
 * (`allowSelfSigned`), never process-wide.
 */
import type { AddressInfo } from 'node:net';
import { createHttpsServer } from '@vercel/cosmosdb-server';

/** The well-known key of the Cosmos DB emulator; public, not a secret. */
export const COSMOS_EMULATOR_KEY =
  'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

export interface CosmosServer {
  readonly endpoint: string;
  readonly key: string;
  close(): Promise<void>;
}

export interface CosmosServerOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
}

export const startCosmosServer = async (options: CosmosServerOptions = {}): Promise<CosmosServer> => {
  // keepAlive: the server otherwise answers `connection: close`, so every request pays a TLS handshake.
  const server = createHttpsServer({ keepAlive: true });
  // Never close an idle connection from this side. The SDK keeps idle sockets without a time limit,
  // so a server-side idle timeout races with a request sent on a socket as it closes (ECONNRESET).
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `https://127.0.0.1:${port}`,
    key: COSMOS_EMULATOR_KEY,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => {
          if (err) reject(err);
          else resolve();
        });
      }),
  };
};
