/**
 * The Bot Connector enforcing Teams' limits in a process of its own, as it is another service in
 * production: it times every request on its own clock as it arrives, so what it counts (seconds
 * over a tenant's limit, requests during a Retry-After pause) is not skewed by the test's own work.
 * This is the test's view of it, over its control address.
 */
import { startChild } from '../../../bench/lib/child.ts';
import type { ConnectorInfo, ConnectorSent, ConnectorStats } from '../../../bench/lib/roles.ts';
import type { InjectedRefusal, Refusal } from '../../fakes/connector/limits.ts';

export interface ConnectorProcess {
  /** The service URL the app is installed with. */
  readonly url: string;
  stats(): Promise<ConnectorStats>;
  /** The conversation of each activity sent to the tenants, one entry per activity. */
  sentTo(tenants: readonly string[]): Promise<readonly string[]>;
  /** When each request for the tenant arrived, in milliseconds on the connector's clock. */
  arrivals(tenantId: string): Promise<readonly number[]>;
  /** Every 429 it answered per tenant, scripted or earned. */
  refusals(): Promise<readonly Refusal[]>;
  /** Refuses the tenant's nth request with a 429 and this Retry-After. */
  refuseOnce(refusal: InjectedRefusal): Promise<void>;
  /** Polls until `done` holds. */
  waitFor(done: () => Promise<boolean>, timeoutMs: number): Promise<void>;
  stop(): Promise<void>;
}

export const startConnectorProcess = async (options: { onTheWireMs: number }): Promise<ConnectorProcess> => {
  const child = await startChild<ConnectorInfo>('connector', {
    BENCH_TEAMS_LIMITS: '1',
    BENCH_CONNECTOR_ON_THE_WIRE_MS: String(options.onTheWireMs),
  });
  const { controlUrl } = child.info;
  const get = async <T>(path: string): Promise<T> => (await (await fetch(`${controlUrl}${path}`)).json()) as T;
  return {
    url: child.info.connectorUrl,
    stats: () => get<ConnectorStats>('/stats'),
    sentTo: async (tenants) =>
      (await get<ConnectorSent>(`/sent?tenants=${encodeURIComponent(tenants.join(','))}`)).conversations,
    arrivals: (tenantId) => get<number[]>(`/arrivals?tenant=${encodeURIComponent(tenantId)}`),
    refusals: () => get<Refusal[]>('/refusals'),
    refuseOnce: async (refusal) => {
      const response = await fetch(`${controlUrl}/refuse`, { method: 'POST', body: JSON.stringify(refusal) });
      await response.arrayBuffer();
    },
    waitFor: async (done, timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      while (!(await done())) {
        if (Date.now() > deadline) throw new Error('timed out waiting at the Bot Connector');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    stop: () => child.stop(),
  };
};
