// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { ApiClient } from '@pc/core/api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { allowMessageBars } from '../../components/show-more.test-support.ts';
import { demoMe, renderWithSession } from '../../test-support.tsx';
import NotesPage from './page.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const note = (n: number, authorId: string) => ({
  id: `n${String(n)}`,
  authorId,
  subjectId: 'p1',
  kind: 'advice',
  text: `Note number ${String(n)}`,
  visibility: 'pair',
  createdAt: `2027-04-${String(20 - n).padStart(2, '0')}T10:00:00.000Z`,
});

type Options = { params?: { personId: string }; query?: { continuationToken?: string } };

describe('My notes: the notes about me, a page at a time (#17.8)', () => {
  it('offers "Show more notes", names the authors of the next page and announces how many came', async () => {
    allowMessageBars();
    const names: Record<string, string> = { a1: 'Ann Author', a2: 'Ben Author' };
    const api = {
      call: (id: string, options?: Options) => {
        if (id === 'me.colleagues') return Promise.resolve({ items: [] });
        if (id === 'person.get') {
          const personId = options?.params?.personId ?? '';
          return Promise.resolve({ id: personId, displayName: names[personId], email: '', jobTitles: [] });
        }
        if (id === 'feedback.list' && options?.query?.continuationToken === 'notes-2') {
          return Promise.resolve({ items: [note(2, 'a2')] });
        }
        if (id === 'feedback.list') return Promise.resolve({ items: [note(1, 'a1')], continuationToken: 'notes-2' });
        return Promise.reject(new Error(id));
      },
    } as unknown as ApiClient;
    renderWithSession(<NotesPage />, api, demoMe());
    const list = await screen.findByRole('list', { name: 'Notes about you' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Show more notes' }));
    expect(await screen.findByText('1 more note shown, the last of them.')).toBeTruthy();
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(within(list).getByText(/From Ben Author/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show more notes' })).toBeNull();
  });
});
