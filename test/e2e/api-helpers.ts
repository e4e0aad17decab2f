import { expect } from 'vitest';
import { demoPersonId } from '@pc/demo/demo-org.ts';
import type { Stack } from '../support/stack.ts';

export const REFERENCE_DATE = '2027-05-03';

/** Demo tenants in policy order: 1 Cumbria, 2 Leicestershire, 3 Bexley, 4 Somerset, 5 Assembly. */
export const who = (tenant: 1 | 2 | 3 | 4 | 5, n: number): string => demoPersonId(tenant, n);

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- assertions read whatever came back
}

export interface CallOptions {
  readonly body?: unknown;
  readonly ifMatch?: string;
  readonly token?: string;
}

/** One API call as `personId` (a demo person), or unauthenticated when `as` is undefined. */
export const api = async (
  stack: Stack,
  as: string | undefined,
  method: string,
  path: string,
  opts: CallOptions = {},
): Promise<Reply> => {
  const token = opts.token ?? (as === undefined ? undefined : await stack.tokenFor(as));
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  if (opts.ifMatch !== undefined) headers['if-match'] = opts.ifMatch;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${stack.baseUrl}${path}`, {
    method,
    headers,
    ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  // No response may ever carry a stack trace.
  expect(text).not.toMatch(/\bat .+\(.+:\d+:\d+\)|node_modules|\.ts:\d+/);
  return { status: res.status, headers: res.headers, text, json };
};

/** Books a conversation with a Teams meeting as `manager`; the meeting chat's id from its join link, and the record's id. */
export const bookTeamsMeeting = async (
  stack: Stack,
  manager: string,
  booking: { readonly employeeId: string; readonly start: string; readonly end: string; readonly agenda: string[] },
): Promise<{ chatId: string; conversationId: string }> => {
  const booked = await api(stack, manager, 'POST', '/api/v1/bookings', { body: { type: 'regular', ...booking } });
  expect(booked.status).toBe(201);
  const { onlineMeetingUrl, conversationId } = booked.json as { onlineMeetingUrl: string; conversationId: string };
  return { chatId: decodeURIComponent(new URL(onlineMeetingUrl).pathname.split('/')[3] ?? ''), conversationId };
};
