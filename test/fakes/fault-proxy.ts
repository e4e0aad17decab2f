/**
 * A small fault-injecting HTTP(S) proxy for the local Cosmos server and the fake Graph. It
 * forwards every request to one upstream and, when told to, answers a burst of requests itself
 * with 429 or 503 and a Retry-After, exactly as the real services do under load. It also counts
 * what passed through, so tests and benchmarks can see how many round trips an operation made.
 *
 * For Cosmos (HTTPS with a self-signed certificate) the proxy terminates TLS with the same
 * bundled emulator certificate and opens its own TLS connection upstream.
 */
import { readFileSync } from 'node:fs';
import {
  createServer as createHttpServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { Agent as HttpsAgent, createServer as createHttpsServer, request as httpsRequest } from 'node:https';
import { Agent as HttpAgent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface ProxiedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

export interface FaultRule {
  /** Which requests the fault applies to; all by default. */
  readonly match?: (request: ProxiedRequest) => boolean;
  /** How many matching requests to refuse before letting them through again. */
  readonly count: number;
  readonly status: 429 | 503;
  /** Seconds, as sent in Retry-After (fractions allowed: the Cosmos SDK reads x-ms-retry-after-ms). */
  readonly retryAfterSeconds: number;
}

export interface FaultProxy {
  readonly url: string;
  /** Requests forwarded upstream, in order. */
  readonly forwarded: readonly ProxiedRequest[];
  /** Requests answered with an injected fault. */
  readonly injected: readonly ProxiedRequest[];
  /** Queues a burst of faults; rules apply in the order given. */
  inject(rule: FaultRule): void;
  /** Forgets counts and pending faults. */
  reset(): void;
  close(): Promise<void>;
}

export interface FaultProxyOptions {
  /** e.g. https://127.0.0.1:8081 or http://127.0.0.1:3991 */
  readonly target: string;
  /** Serve TLS with the local emulator certificate (for Cosmos clients). Defaults to the target's scheme. */
  readonly tls?: boolean;
}

const emulatorCertificate = (): { cert: Buffer; key: Buffer } => {
  const pkg = createRequire(import.meta.url).resolve('@vercel/cosmosdb-server/package.json');
  return { cert: readFileSync(join(dirname(pkg), 'cert.pem')), key: readFileSync(join(dirname(pkg), 'key.pem')) };
};

const faultBody = (status: 429 | 503, retryAfterSeconds: number): string =>
  JSON.stringify({
    code: status === 429 ? 'TooManyRequests' : 'ServiceUnavailable',
    message: status === 429 ? 'Request rate is large (injected)' : 'Service unavailable (injected)',
    error: { code: status === 429 ? 'TooManyRequests' : 'ServiceUnavailable', message: 'injected fault' },
    retryAfterSeconds,
  });

export const startFaultProxy = async (options: FaultProxyOptions): Promise<FaultProxy> => {
  const target = new URL(options.target);
  const upstreamTls = target.protocol === 'https:';
  const serveTls = options.tls ?? upstreamTls;
  const agent = upstreamTls
    ? new HttpsAgent({ keepAlive: true, rejectUnauthorized: false })
    : new HttpAgent({ keepAlive: true });
  const forwarded: ProxiedRequest[] = [];
  const injected: ProxiedRequest[] = [];
  const rules: { rule: FaultRule; left: number }[] = [];

  const faultFor = (request: ProxiedRequest): FaultRule | undefined => {
    const active = rules.find((r) => r.left > 0 && (r.rule.match?.(request) ?? true));
    if (active === undefined) return undefined;
    active.left -= 1;
    return active.rule;
  };

  let ownUrl = '';
  /**
   * The Cosmos account document names the endpoint clients should use from then on; point it
   * at the proxy, or the SDK would go around it after its first request.
   */
  const rewriteAccount = (answer: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    answer.on('data', (chunk: Buffer) => chunks.push(chunk));
    answer.on('end', () => {
      const upstreamOrigin = new RegExp(`${target.protocol}//[^/"]+:${target.port}`, 'g');
      const body = Buffer.from(Buffer.concat(chunks).toString('utf8').replace(upstreamOrigin, ownUrl));
      res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'content-length': String(body.length) });
      res.end(body);
    });
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const seen: ProxiedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', headers: { ...req.headers } };
    const fault = faultFor(seen);
    if (fault !== undefined) {
      injected.push(seen);
      req.resume();
      res.writeHead(fault.status, {
        'content-type': 'application/json',
        // Fractions are allowed here so tests stay fast; clients must cope with them (Graph sends them).
        'retry-after': String(fault.retryAfterSeconds),
        'x-ms-retry-after-ms': String(Math.round(fault.retryAfterSeconds * 1000)),
      });
      res.end(faultBody(fault.status, fault.retryAfterSeconds));
      return;
    }
    forwarded.push(seen);
    const send = upstreamTls ? httpsRequest : httpRequest;
    const upstream = send(
      {
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
        agent,
      },
      (answer) => {
        if (seen.path === '/' || seen.path === '') {
          rewriteAccount(answer, res);
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 'BadGateway', message: 'upstream unreachable' }));
    });
    req.pipe(upstream);
  };

  const server = serveTls ? createHttpsServer(emulatorCertificate(), handle) : createHttpServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  ownUrl = `${serveTls ? 'https' : 'http'}://127.0.0.1:${String(port)}`;

  return {
    url: ownUrl,
    forwarded,
    injected,
    inject: (rule) => {
      rules.push({ rule, left: rule.count });
    },
    reset: () => {
      forwarded.length = 0;
      injected.length = 0;
      rules.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        agent.destroy();
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      }),
  };
};

/** True for a Cosmos query (POST to a docs feed with the query header). */
export const isCosmosQuery = (r: ProxiedRequest): boolean =>
  r.method === 'POST' && r.headers['x-ms-documentdb-isquery'] === 'true';

/** The SDK asks the service for a query plan before some queries: an extra round trip. */
export const isQueryPlanRequest = (r: ProxiedRequest): boolean =>
  String(r.headers['x-ms-cosmos-is-query-plan-request']).toLowerCase() === 'true';

/** A Cosmos query that names no partition key runs across partitions. */
export const isCrossPartitionQuery = (r: ProxiedRequest): boolean =>
  isCosmosQuery(r) && r.headers['x-ms-documentdb-partitionkey'] === undefined;
