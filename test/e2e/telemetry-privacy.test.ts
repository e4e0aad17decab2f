import { metrics, trace } from '@opentelemetry/api';
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetInstruments } from '../../bot/src/telemetry/index.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { api, REFERENCE_DATE, who } from './api-helpers.ts';

/**
 * Telemetry goes to Application Insights, which operators and Microsoft's support read: it may say
 * which route answered, how fast and with what status, never who asked, about whom, or what they wrote.
 * The product's providers are swapped for in-memory ones and a journey with personal data is run.
 */
const NOTE = 'Telemetry-canary: covered the Tuesday clinic while Jo was off sick';

let stack: Stack;
const spans = new InMemorySpanExporter();
const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
const reader = new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 3_600_000 });
const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] });
const meterProvider = new MeterProvider({ readers: [reader] });

beforeAll(async () => {
  trace.setGlobalTracerProvider(tracerProvider);
  metrics.setGlobalMeterProvider(meterProvider);
  resetInstruments();
  stack = await startStack({ referenceDate: REFERENCE_DATE });
}, 120_000);
afterAll(async () => {
  await stack.close();
  await tracerProvider.shutdown();
  await meterProvider.shutdown();
  trace.disable();
  metrics.disable();
  resetInstruments();
});

// Cumbria (tenant 1): manager 6 has 18–21; person 11 is HR.
describe('telemetry carries no personal data', () => {
  it('a journey with names, a search and note text leaves route patterns, statuses and timings only', async () => {
    const author = who(1, 19);
    const subject = who(1, 20);
    const subjectPerson = stack.demo.employees.find((e) => e.id === subject);
    if (subjectPerson === undefined) throw new Error('demo person missing');
    expect((await api(stack, author, 'GET', '/api/v1/me')).status).toBe(200);
    const logged = await api(stack, author, 'POST', '/api/v1/feedback', {
      body: { subjectId: subject, kind: 'work-acknowledged', text: NOTE },
    });
    expect(logged.status).toBe(201);
    const surname = subjectPerson.displayName.split(' ').at(-1) ?? subjectPerson.displayName;
    expect((await api(stack, who(1, 11), 'GET', `/api/v1/people?q=${encodeURIComponent(surname)}`)).status).toBe(200);
    expect((await api(stack, author, 'GET', `/api/v1/people/${subject}/feedback`)).status).toBeLessThan(500);

    await reader.forceFlush();
    const finished = spans.getFinishedSpans();
    const feedbackSpan = finished.find((s) => s.attributes['http.route'] === '/api/v1/feedback');
    expect(feedbackSpan?.name).toBe('POST /api/v1/feedback');
    expect(feedbackSpan?.attributes['http.response.status_code']).toBe(201);
    expect(typeof feedbackSpan?.attributes['pc.correlation_id']).toBe('string');
    const exported = metricExporter.getMetrics().flatMap((m) => m.scopeMetrics.flatMap((s) => s.metrics));
    const durations = exported.find((m) => m.descriptor.name === 'pc.http.duration');
    expect(durations?.dataPoints.length ?? 0).toBeGreaterThan(0);

    const everything = JSON.stringify({
      spans: finished.map((s) => ({ name: s.name, attributes: s.attributes, events: s.events })),
      metrics: exported.map((m) => ({ name: m.descriptor.name, points: m.dataPoints.map((p) => p.attributes) })),
    });
    const personal = [
      NOTE,
      'Telemetry-canary',
      ...stack.demo.employees.flatMap((e) => [e.displayName, e.email, e.id]),
      surname,
    ].filter((s) => s.length >= 4);
    const found = personal.filter((value) => everything.includes(value));
    expect(found).toEqual([]);
  }, 60_000);
});
