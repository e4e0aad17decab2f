// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { ApiClient } from '@pc/core/api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { allowMessageBars } from '../../components/show-more.test-support.ts';
import { demoMe, fakeApi, renderWithSession } from '../../test-support.tsx';
import { Compliance } from './compliance.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const textOf = (blob: Blob): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      resolve(typeof reader.result === 'string' ? reader.result : '');
    };
    reader.onerror = () => {
      reject(new Error('unreadable'));
    };
    reader.readAsText(blob);
  });

const figures = {
  scope: 'My team',
  quarter: '2027 Q2',
  onTimePercent: 100,
  completed: 1,
  expected: 1,
  overdueCount: 0,
  overdueFromEarlierQuarters: 0,
  overdue: [],
  payDeferrals: 0,
};

describe('compliance view: completions download (000 iTrent)', () => {
  it('downloads the completions CSV through the API client and says so', async () => {
    const files: Blob[] = [];
    vi.stubGlobal('URL', {
      ...URL,
      createObjectURL: (blob: Blob) => {
        files.push(blob);
        return 'blob:completions';
      },
      revokeObjectURL: () => undefined,
    });
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const csv = 'employee_id,employee_name\r\np2,Sam Report\r\n';
    const api = fakeApi({ 'team.compliance': figures, 'exports.completions': csv });
    renderWithSession(<Compliance />, api, demoMe(1));
    fireEvent.click(await screen.findByRole('button', { name: 'Download completions (CSV)' }));
    expect(await screen.findByText(/have been downloaded/)).toBeTruthy();
    expect(api.calls).toContain('exports.completions');
    expect(saved).toEqual(['completions-2027-05-01.csv']);
    expect(files).toHaveLength(1);
    expect(await textOf(files[0] as Blob)).toBe(csv);
  });

  it('tells the person why when the export is refused', async () => {
    const api = fakeApi({ 'team.compliance': figures });
    renderWithSession(<Compliance />, api, demoMe(1));
    fireEvent.click(await screen.findByRole('button', { name: 'Download completions (CSV)' }));
    expect(await screen.findByText('Not found.')).toBeTruthy();
  });
});

const overdue = (n: number, dueDate: string, fromEarlierQuarter: boolean) => ({
  employeeId: `r${String(n)}`,
  displayName: `Report ${String(n)}`,
  type: 'annual-review',
  dueDate,
  fromEarlierQuarter,
});

describe('compliance view: the figures agree with the list under them (issue #20)', () => {
  it('says nothing fell due this quarter, counts the reviews overdue from before it, and pages the list', async () => {
    const first = {
      ...figures,
      onTimePercent: null,
      completed: 0,
      expected: 0,
      overdueCount: 2,
      overdueFromEarlierQuarters: 2,
      overdue: [overdue(1, '2027-01-10', true)],
      continuationToken: 'o1.1',
    };
    const second = { ...first, overdue: [overdue(2, '2027-02-10', true)], continuationToken: undefined };
    allowMessageBars();
    const asked: unknown[] = [];
    const api = {
      call: (id: string, options?: { query?: { continuationToken?: string } }) => {
        asked.push(options?.query);
        if (id !== 'team.compliance') return Promise.reject(new Error(id));
        return Promise.resolve(options?.query?.continuationToken === 'o1.1' ? second : first);
      },
    } as unknown as ApiClient;
    renderWithSession(<Compliance />, api, demoMe(1));
    expect(await screen.findByText('nothing fell due')).toBeTruthy();
    expect(screen.getByText('overdue now').nextSibling?.textContent).toBe('2');
    expect(screen.getByText(/2 reviews that fell due before 2027 Q2 are still overdue/)).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Overdue reviews' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Report 1: due 10 January 2027 (an earlier quarter)']);
    fireEvent.click(screen.getByRole('button', { name: 'Show more overdue reviews' }));
    expect(await screen.findByText('1 more overdue review shown, the last of them.')).toBeTruthy();
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Show more overdue reviews' })).toBeNull();
    expect(asked).toContainEqual({ continuationToken: 'o1.1' });
  });
});
