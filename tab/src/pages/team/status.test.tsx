// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { ApiClient } from '@pc/core/api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { allowMessageBars } from '../../components/show-more.test-support.ts';
import { demoMe, renderWithSession } from '../../test-support.tsx';
import { TeamStatus } from './status.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const member = (n: number, overall: 'on-time' | 'overdue') => ({
  person: { id: `r${String(n)}`, displayName: `Report ${String(n)}`, email: `r${String(n)}@x.test`, jobTitles: [] },
  overall,
  overdueCount: overall === 'overdue' ? 1 : 0,
  pendingHandover: false,
  ...(overall === 'overdue'
    ? {
        next: {
          type: 'regular',
          jobIds: [],
          withIds: [],
          dueDate: '2027-04-01',
          windowStart: '2027-03-01',
          status: 'overdue',
          reason: 'A regular conversation is due.',
          policyRef: '000',
        },
      }
    : {}),
});

/** The team in two pages; anything else the rows ask for is "not found". */
const teamApi = (asked: unknown[]): ApiClient =>
  ({
    call: (id: string, options?: { query?: { continuationToken?: string } }) => {
      if (id !== 'me.team') return Promise.reject(new Error(id));
      asked.push(options?.query);
      return Promise.resolve(
        options?.query?.continuationToken === 'o1.2'
          ? { managerId: 'p1', members: [member(3, 'overdue')] }
          : { managerId: 'p1', members: [member(1, 'on-time'), member(2, 'on-time')], continuationToken: 'o1.2' },
      );
    },
  }) as unknown as ApiClient;

describe('my team, a page at a time (#17.8)', () => {
  it('shows the first page, then the next with "Show more people", and announces how many came', async () => {
    allowMessageBars();
    const asked: unknown[] = [];
    renderWithSession(<TeamStatus />, teamApi(asked), demoMe(3));
    const table = await screen.findByRole('table', { name: 'My reports' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    // Nothing is due among the first page, but the rest of the team is not loaded yet: no "all up to date".
    expect(screen.queryByText('All reviews are up to date')).toBeNull();
    expect(screen.getByText(/Nothing is due for the people shown so far/)).toBeTruthy();
    const more = screen.getByRole('button', { name: 'Show more people' });
    more.focus();
    expect(document.activeElement).toBe(more);
    fireEvent.click(more);
    expect(await screen.findByText('1 more person shown, the last of them.')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('1 more person shown');
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(within(table).getByText('Report 3')).toBeTruthy();
    expect(screen.getByText(/Report 3: .* was due by/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show more people' })).toBeNull();
    expect(asked).toEqual([undefined, { continuationToken: 'o1.2' }]);
  });
});
