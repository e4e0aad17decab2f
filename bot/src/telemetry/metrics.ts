import { metrics, type Attributes } from '@opentelemetry/api';

/**
 * The product's own metrics, through the OpenTelemetry API. With no exporter configured the API
 * is a no-op, so recording costs next to nothing locally. Attributes carry route patterns, outcomes
 * and peers only: never a person's id, name, address or any text they wrote.
 */
const meter = () => metrics.getMeter('performance-conversations');

let instruments:
  | {
      readonly requestMs: ReturnType<ReturnType<typeof meter>['createHistogram']>;
      readonly turnMs: ReturnType<ReturnType<typeof meter>['createHistogram']>;
      readonly sends: ReturnType<ReturnType<typeof meter>['createCounter']>;
      readonly throttled: ReturnType<ReturnType<typeof meter>['createCounter']>;
      readonly syncRuns: ReturnType<ReturnType<typeof meter>['createCounter']>;
    }
  | undefined;

/** Instruments are made on first use, after the exporter (if any) has registered its provider. */
const use = () => {
  if (instruments !== undefined) return instruments;
  const m = meter();
  instruments = {
    requestMs: m.createHistogram('pc.http.duration', { unit: 'ms', description: 'Time to answer an HTTP request' }),
    turnMs: m.createHistogram('pc.bot.turn.duration', { unit: 'ms', description: 'Time to answer a Teams activity' }),
    sends: m.createCounter('pc.proactive.sends', { description: 'Proactive messages by outcome' }),
    throttled: m.createCounter('pc.throttled', { description: '429 answers by the peer that sent them' }),
    syncRuns: m.createCounter('pc.directory.sync.runs', { description: 'Directory sync runs by outcome' }),
  };
  return instruments;
};

/** Tests register their own providers; instruments must then be made again from them. */
export const resetInstruments = (): void => {
  instruments = undefined;
};

export const recordRequest = (attributes: { route: string; method: string; status: number }, ms: number): void => {
  use().requestMs.record(ms, {
    'http.route': attributes.route,
    'http.request.method': attributes.method,
    'http.response.status_code': attributes.status,
  });
};

export const recordTurn = (status: number, ms: number): void => {
  use().turnMs.record(ms, { 'http.response.status_code': status });
};

export type SendOutcome = 'sent' | 'failed' | 'in-doubt' | 'skipped';
export const recordSend = (outcome: SendOutcome, count = 1): void => {
  use().sends.add(count, { outcome });
};

export type ThrottlingPeer = 'teams' | 'graph' | 'cosmos';
export const recordThrottled = (peer: ThrottlingPeer): void => {
  use().throttled.add(1, { peer });
};

export const recordSyncRun = (outcome: 'completed' | 'failed', counts: Attributes = {}): void => {
  use().syncRuns.add(1, { outcome, ...counts });
};

const observed = new Map<string, () => number>();
let gaugeMade = false;

/** The send queue reports its depth (items pending or sending) through a callback read at export. */
export const observeQueueDepth = (name: string, read: () => number): (() => void) => {
  observed.set(name, read);
  if (!gaugeMade) {
    gaugeMade = true;
    meter()
      .createObservableGauge('pc.proactive.queue.depth', { description: 'Proactive messages waiting to be sent' })
      .addCallback((result) => {
        for (const [queue, value] of observed) result.observe(value(), { queue });
      });
  }
  return () => observed.delete(name);
};
