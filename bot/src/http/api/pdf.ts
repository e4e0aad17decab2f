/**
 * A small PDF 1.4 writer: A4 pages of wrapped text in the standard Helvetica fonts, enough for a
 * printable form. Standard fonts need no embedding, so the file stays tiny and dependency-free.
 */
export interface PdfBlock {
  readonly text: string;
  readonly size?: number;
  readonly bold?: boolean;
  /** Space above the block, in points. */
  readonly space?: number;
}

const PAGE = { width: 595, height: 842, margin: 56 } as const;

// WinAnsiEncoding positions of the punctuation people type most; anything else outside Latin-1 becomes '?'.
const WIN_ANSI: Readonly<Record<string, number>> = {
  '€': 0x80,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
};

const encode = (text: string): string =>
  Array.from(text)
    .map((c) => {
      const mapped = WIN_ANSI[c];
      const code = mapped ?? c.charCodeAt(0);
      const ch = mapped === undefined && (code > 0xff || code < 0x20) ? '?' : String.fromCharCode(code);
      return ch === '\\' || ch === '(' || ch === ')' ? `\\${ch}` : ch;
    })
    .join('');

/** Greedy wrap by an average Helvetica glyph width; good enough for prose. */
const wrap = (text: string, size: number): string[] => {
  const perLine = Math.max(20, Math.floor((PAGE.width - 2 * PAGE.margin) / (size * 0.5)));
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line.length > 0 && line.length + 1 + word.length > perLine) {
        lines.push(line);
        line = '';
      }
      line = line.length === 0 ? word : `${line} ${word}`;
      while (line.length > perLine) {
        lines.push(line.slice(0, perLine));
        line = line.slice(perLine);
      }
    }
    lines.push(line);
  }
  return lines;
};

const layout = (blocks: readonly PdfBlock[]): string[] => {
  const pages: string[][] = [[]];
  let y = PAGE.height - PAGE.margin;
  for (const block of blocks) {
    const size = block.size ?? 11;
    y -= block.space ?? 0;
    for (const line of wrap(block.text, size)) {
      if (y - size * 1.4 < PAGE.margin) {
        pages.push([]);
        y = PAGE.height - PAGE.margin;
      }
      y -= size * 1.4;
      const font = block.bold === true ? 'F2' : 'F1';
      pages
        .at(-1)
        ?.push(`BT /${font} ${String(size)} Tf ${String(PAGE.margin)} ${y.toFixed(1)} Td (${encode(line)}) Tj ET`);
    }
  }
  return pages.map((ops) => ops.join('\n'));
};

export const renderPdf = (title: string, blocks: readonly PdfBlock[]): Buffer => {
  const contents = layout(blocks);
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(''); // pages, filled once the page ids are known
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  add(`<< /Title (${encode(title)}) /Producer (Performance Conversations) >>`);
  const pageIds = contents.map((stream) => {
    const contentId = add(`<< /Length ${String(Buffer.byteLength(stream, 'latin1'))} >>\nstream\n${stream}\nendstream`);
    return add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${String(PAGE.width)} ${String(PAGE.height)}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${String(contentId)} 0 R >>`,
    );
  });
  objects[1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${String(id)} 0 R`).join(' ')}] /Count ${String(pageIds.length)} >>`;
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets = objects.map((body, i) => {
    const offset = Buffer.byteLength(out, 'latin1');
    out += `${String(i + 1)} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${String(objects.length + 1)}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${String(objects.length + 1)} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${String(xref)}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
};
