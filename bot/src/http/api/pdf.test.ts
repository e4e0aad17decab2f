import { describe, expect, it } from 'vitest';
import { renderPdf } from './pdf.ts';

describe('the small PDF writer', () => {
  it('writes a structurally valid PDF whose cross-reference offsets point at each object', () => {
    const pdf = renderPdf('VIP Summary Appraisal', [
      { text: 'VIP Summary Appraisal', size: 18, bold: true },
      { text: 'Brackets (and back\\slashes) – and an en dash' },
    ]).toString('latin1');
    expect(pdf.startsWith('%PDF-1.4')).toBe(true);
    const xrefAt = Number(/startxref\n(\d+)\n%%EOF/.exec(pdf)?.[1]);
    expect(pdf.slice(xrefAt, xrefAt + 4)).toBe('xref');
    const offsets = [...pdf.slice(xrefAt).matchAll(/(\d{10}) 00000 n/g)].map((m) => Number(m[1]));
    offsets.forEach((offset, i) => {
      expect(pdf.slice(offset, offset + 12)).toMatch(new RegExp(`^${String(i + 1)} 0 obj`));
    });
    expect(pdf).toContain('(Brackets \\(and back\\\\slashes\\) \x96 and an en dash) Tj');
  });

  it('breaks long text over pages', () => {
    const long = Array.from({ length: 200 }, (_, i) => ({ text: `Line ${String(i)}` }));
    const pdf = renderPdf('Long', long).toString('latin1');
    expect(Number(/\/Count (\d+)/.exec(pdf)?.[1])).toBeGreaterThan(2);
  });
});
