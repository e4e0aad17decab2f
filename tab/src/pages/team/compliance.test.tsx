// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
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
