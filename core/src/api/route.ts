import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One endpoint of the REST API. The server registers a handler per route id, the
 * tab and add-in clients derive their calls from it, and the OpenAPI document is
 * generated from it, so the three can never drift apart.
 */
export interface RouteDef<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  readonly method: HttpMethod;
  /** restify-style path, e.g. `/api/v1/people/:personId`. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  readonly response: R;
  /** Success status; 200 unless stated. */
  readonly status?: 200 | 201 | 202 | 204;
  /** Updates take the item's ETag in If-Match; a stale one gets 409 conflict. */
  readonly ifMatch?: boolean;
  /** Non-JSON responses (exports). */
  readonly produces?: 'application/json' | 'text/csv' | 'application/pdf';
}

export const defineRoute = <P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  def: RouteDef<P, Q, B, R>,
): RouteDef<P, Q, B, R> => def;

export type ParamsOf<D> = D extends RouteDef<infer P> ? z.output<P> : never;
export type QueryOf<D> = D extends RouteDef<z.ZodType, infer Q> ? z.output<Q> : never;
export type BodyOf<D> = D extends RouteDef<z.ZodType, z.ZodType, infer B> ? z.input<B> : never;
export type ResponseOf<D> = D extends RouteDef<z.ZodType, z.ZodType, z.ZodType, infer R> ? z.output<R> : never;
