/** What the tab knows about a failed call, in words a person can act on. */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly FieldProblem[] = [],
    readonly correlationId?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  get isConflict(): boolean {
    return this.code === 'conflict';
  }

  /** Problems for one form field, e.g. `title` or `milestones.0.title`. */
  detailFor(path: string): string | undefined {
    return this.details.find((d) => d.path === path)?.message;
  }
}

export const CONFLICT_MESSAGE =
  'Someone else changed this record while you were working on it. Reload to see their changes, then make yours again.';
export const NETWORK_MESSAGE = 'We could not reach the service. Check your connection and try again.';
export const SIGNED_OUT_MESSAGE = 'Your sign-in has expired. Sign in again to carry on.';

const GENERIC: Readonly<Record<number, string>> = {
  400: 'Some of the details need changing.',
  403: 'You do not have access to this.',
  404: 'We could not find this. It may have been removed.',
  429: 'The service is busy. Wait a moment and try again.',
};

interface ErrorShape {
  error?: { code?: unknown; message?: unknown; details?: unknown; correlationId?: unknown };
}

const detailsOf = (raw: unknown): FieldProblem[] =>
  Array.isArray(raw)
    ? raw.flatMap((d: unknown) => {
        if (typeof d !== 'object' || d === null) return [];
        const { path, message } = d as Record<string, unknown>;
        return typeof path === 'string' && typeof message === 'string' ? [{ path, message }] : [];
      })
    : [];

/** Maps an HTTP error response (body already read, maybe not JSON) to an ApiError. */
export const toApiError = (status: number, body: unknown, headerCorrelationId?: string | null): ApiError => {
  const err = (typeof body === 'object' && body !== null ? (body as ErrorShape).error : undefined) ?? {};
  const correlationId = typeof err.correlationId === 'string' ? err.correlationId : (headerCorrelationId ?? undefined);
  if (status === 409 || status === 412) {
    return new ApiError(status, 'conflict', CONFLICT_MESSAGE, [], correlationId);
  }
  if (status === 401) return new ApiError(status, 'unauthenticated', SIGNED_OUT_MESSAGE, [], correlationId);
  const code = typeof err.code === 'string' ? err.code : `http.${status}`;
  const message =
    typeof err.message === 'string' && err.message.length > 0
      ? err.message
      : (GENERIC[status] ?? 'Something went wrong on our side. Try again in a few minutes.');
  return new ApiError(status, code, message, detailsOf(err.details), correlationId);
};
