// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SmartHints, type SmartResult } from './smart-hints.tsx';

afterEach(cleanup);

const result: SmartResult = {
  complete: false,
  letters: [
    { letter: 'S', ok: true, prompt: 'What exactly?' },
    { letter: 'M', ok: false, prompt: 'How will you measure it?', reason: 'No measure or number yet.' },
    { letter: 'A', ok: true, prompt: 'Is it realistic?' },
    { letter: 'R', ok: true, prompt: 'Why does it matter?' },
    { letter: 'T', ok: false, prompt: 'By when?' },
  ],
};

describe('SMART hints', () => {
  it('shows each missing letter with its reason, in words and not only colour', () => {
    render(<SmartHints result={result} checking={false} />);
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(5);
    const text = (letter: string) => items.find((i) => i.getAttribute('data-letter') === letter)?.textContent;
    expect(text('M')).toBe('M – Measurable: missing. No measure or number yet.');
    // Without a reason the scheme's prompt tells the person what to add.
    expect(text('T')).toBe('T – Time-bound: missing. By when?');
    expect(text('S')).toBe('S – Specific: covered.');
  });

  it('announces how many letters are missing through a polite live region', () => {
    render(<SmartHints result={result} checking={false} />);
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe('2 of 5 SMART letters still missing.');
  });

  it('invites typing before the first check and says when everything is covered', () => {
    const { rerender } = render(<SmartHints result={null} checking={false} />);
    expect(screen.getByRole('status').textContent).toMatch(/Start typing/);
    rerender(
      <SmartHints
        result={{ complete: true, letters: result.letters.map((l) => ({ ...l, ok: true })) }}
        checking={false}
      />,
    );
    expect(within(screen.getByRole('region', { name: 'SMART check' })).getByRole('status').textContent).toBe(
      'Your objective covers all five SMART letters.',
    );
  });
});
