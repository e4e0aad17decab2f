import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

/** One paragraph of the document: a heading level, or body text. */
export interface PdfBlock {
  readonly text: string;
  /** 'H1' for the title, 'H2' for a section heading; body text ('P') otherwise. */
  readonly role?: 'H1' | 'H2' | 'P';
  readonly size?: number;
  readonly bold?: boolean;
  /** Points of space above the block. */
  readonly space?: number;
}

// DejaVu Sans covers Latin Extended, Greek and Cyrillic, so 'Łukasz' and 'Ŵyn' print as written;
// pdfkit embeds only the glyphs used, with a ToUnicode map so the text can be copied and read aloud.
const require = createRequire(import.meta.url);
const REGULAR = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

/**
 * A tagged PDF (document language, title shown, headings and paragraphs in the structure tree) of
 * the given blocks, on A4, with text wrapped and pages added as needed.
 */
export const renderPdf = (title: string, blocks: readonly PdfBlock[], lang = 'en-GB'): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      pdfVersion: '1.7',
      tagged: true,
      lang,
      displayTitle: true,
      info: { Title: title, Creator: 'Performance Conversations' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    doc.on('error', reject);
    doc.registerFont('body', REGULAR);
    doc.registerFont('bold', BOLD);
    const root = doc.struct('Document');
    doc.addStructure(root);
    for (const block of blocks) {
      const role = block.role ?? 'P';
      root.add(
        doc.struct(role, {}, () => {
          if (block.space !== undefined) doc.moveDown(block.space / 12);
          doc
            .font(block.bold === true || role !== 'P' ? 'bold' : 'body')
            .fontSize(block.size ?? 11)
            .text(block.text, { lineGap: 2 });
        }),
      );
    }
    root.end();
    doc.end();
  });
