// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { ApiClient } from '@pc/core/api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { allowMessageBars } from '../../components/show-more.test-support.ts';
import { demoMe, renderWithSession } from '../../test-support.tsx';
import { AuditList, type AuditEvent } from './audit-list.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const event = (n: number, actorId: string): AuditEvent => ({
  id: `e${String(n)}`,
  at: `2027-04-0${String(n)}T10:00:00.000Z`,
  actorId,
  subjectId: 'p1',
  action: 'export.subject-access',
  resource: { type: 'person', id: 'p1' },
});

describe('My data: who opened your records, a page at a time (#17.8)', () => {
  it('loads the next page with "Show more entries", names its people and announces how many came', async () => {
    allowMessageBars();
    const asked: string[] = [];
    const api = {
      call: (id: string, options?: { params?: { personId: string }; query?: { continuationToken?: string } }) => {
        asked.push(`${id} ${options?.query?.continuationToken ?? options?.params?.personId ?? ''}`);
        if (id === 'person.audit' && options?.query?.continuationToken === 'next-page') {
          return Promise.resolve({ items: [event(2, 'hr1'), event(3, 'p1')] });
        }
        if (id === 'person.get')
          return Promise.resolve({ id: 'hr1', displayName: 'Harper HR', email: '', jobTitles: [] });
        return Promise.reject(new Error(id));
      },
    } as unknown as ApiClient;
    renderWithSession(
      <AuditList events={[event(1, 'p1')]} continuationToken="next-page" names={new Map()} meId="p1" />,
      api,
      demoMe(),
    );
    const list = screen.getByRole('list', { name: 'Who opened your records' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Show more entries' }));
    expect(await screen.findByText('2 more entries shown, the last of them.')).toBeTruthy();
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    expect(within(list).getByText('Harper HR')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show more entries' })).toBeNull();
    expect(asked).toEqual(['person.audit next-page', 'person.get hr1']);
  });
});
