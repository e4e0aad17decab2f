import { SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';

/**
 * One span per HTTP request and per Teams turn, named by the route pattern (never the URL, whose
 * path and query can carry personal data), with the request's correlation id so a trace can be
 * found from a user's error reference.
 */
const tracer = () => trace.getTracer('performance-conversations');

export const startRequestSpan = (method: string, correlationId: string, startTime: number): Span =>
  tracer().startSpan(method, {
    kind: SpanKind.SERVER,
    startTime,
    attributes: { 'http.request.method': method, 'pc.correlation_id': correlationId },
  });

export const endRequestSpan = (
  span: Span,
  attributes: { method: string; route: string; status: number },
  endTime: number,
): void => {
  const { method, route, status } = attributes;
  span.updateName(`${method} ${route}`);
  span.setAttribute('http.route', route);
  span.setAttribute('http.response.status_code', status);
  if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end(endTime);
};
