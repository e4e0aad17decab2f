/**
 * Reads back the text of a PDF as a reader's copy-and-paste would: each stream inflated, the glyph
 * codes of the text operators mapped through the embedded font's ToUnicode map. A glyph without a
 * mapping reads as '?', as a character the font could not show would.
 */
import { inflateSync } from 'node:zlib';

/** Every stream of the file, inflated where it was compressed. */
const streamsOf = (pdf: Buffer): string[] => {
  const text = pdf.toString('latin1');
  const found: string[] = [];
  for (const m of text.matchAll(/<<([^]*?)>>\s*stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    const raw = pdf.subarray(start, end);
    found.push((m[1] ?? '').includes('/FlateDecode') ? inflateSync(raw).toString('latin1') : raw.toString('latin1'));
  }
  return found;
};

/** The text a reader copies out: glyph codes of each TJ/Tj mapped back through the font's ToUnicode map. */
export const extractText = (pdf: Buffer): string => {
  const streams = streamsOf(pdf);
  const unicode = new Map<string, string>();
  for (const cmap of streams.filter((s) => s.includes('begincmap'))) {
    for (const [, from, to, dst] of cmap.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*\[([^\]]*)\]/gi)) {
      const first = parseInt(from ?? '0', 16);
      const targets = [...(dst ?? '').matchAll(/<([0-9a-f]+)>/gi)].map((t) => t[1] ?? '');
      for (let code = first; code <= parseInt(to ?? '0', 16); code += 1) {
        const hex = targets[code - first] ?? '';
        const chars = hex.match(/.{4}/g) ?? [];
        unicode.set(code.toString(16).padStart(4, '0'), String.fromCharCode(...chars.map((c) => parseInt(c, 16))));
      }
    }
  }
  return streams
    .filter((s) => /\bT[Jj]\b/.test(s))
    .flatMap((s) => [...s.matchAll(/<([0-9a-f]+)>/gi)].map((m) => m[1] ?? ''))
    .map((hex) => (hex.match(/.{4}/g) ?? []).map((code) => unicode.get(code.toLowerCase()) ?? '?').join(''))
    .join('');
};
