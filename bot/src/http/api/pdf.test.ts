import { describe, expect, it } from 'vitest';
import { extractText } from '../../../../test/support/pdf-text.ts';
import { renderPdf } from './pdf.ts';

describe('the annual review PDF (000 VIP Summary Appraisal form)', () => {
  it('prints names outside Latin-1 as written, in an embedded Unicode font a reader can copy from', async () => {
    const pdf = await renderPdf('Career Conversation', [
      { text: 'Career Conversation', role: 'H1', size: 18 },
      { text: 'Colleague: Łukasz Wiśniewski' },
      { text: 'Manager: Ŵyn Ap Siôn' },
    ]);
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    expect(raw).toMatch(/\/FontFile2/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    const text = extractText(pdf);
    expect(text).toContain('Łukasz Wiśniewski');
    expect(text).toContain('Ŵyn Ap Siôn');
    expect(text).not.toContain('?');
  });

  it('is tagged: document language, title shown, and headings and paragraphs in the structure tree', async () => {
    const raw = (
      await renderPdf('VIP Summary Appraisal', [
        { text: 'VIP Summary Appraisal', role: 'H1' },
        { text: '1. Individual summary', role: 'H2' },
        { text: 'Strong year.' },
      ])
    ).toString('latin1');
    expect(raw).toMatch(/\/StructTreeRoot/);
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(raw).toMatch(/\/Marked true/);
    expect(raw).toMatch(/\/Lang \(en-GB\)/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    for (const tag of ['/Document', '/H1', '/H2', '/P']) expect(raw).toContain(`/S ${tag}`);
  });

  it('breaks long text over pages', async () => {
    const long = Array.from({ length: 200 }, (_, i) => ({ text: `Line ${String(i)}` }));
    const raw = (await renderPdf('Long', long)).toString('latin1');
    expect(Number(/\/Count (\d+)/.exec(raw)?.[1])).toBeGreaterThan(2);
  });
});
