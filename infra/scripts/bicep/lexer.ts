/**
 * A small lexer for the subset of Bicep this repository writes. It exists
 * because no registry package ships the Bicep compiler for offline use; it is
 * a structural check, not a replacement for `az bicep build`.
 */
export type TokenKind = 'ident' | 'string' | 'number' | 'punct' | 'newline' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly line: number;
  /** For strings: the literal text when there is no interpolation. */
  readonly value?: string;
  /** For strings: the source of each `${...}` hole. */
  readonly holes?: readonly string[];
}

export class BicepSyntaxError extends Error {
  override readonly name = 'BicepSyntaxError';
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
  }
}

const PUNCT = [
  '=>',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '??',
  '.?',
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  ':',
  ',',
  '.',
  '=',
  '?',
  '!',
  '<',
  '>',
  '+',
  '-',
  '*',
  '/',
  '%',
  '@',
  '|',
];

interface Cursor {
  readonly src: string;
  pos: number;
  line: number;
}

const readString = (c: Cursor): Token => {
  const startLine = c.line;
  if (c.src.startsWith("'''", c.pos)) {
    const end = c.src.indexOf("'''", c.pos + 3);
    if (end < 0) throw new BicepSyntaxError('unterminated multi-line string', startLine);
    const value = c.src.slice(c.pos + 3, end);
    c.line += value.split('\n').length - 1;
    c.pos = end + 3;
    return { kind: 'string', text: `'''${value}'''`, line: startLine, value, holes: [] };
  }
  let value = '';
  const holes: string[] = [];
  let i = c.pos + 1;
  for (;;) {
    const ch = c.src[i];
    if (ch === undefined || ch === '\n') throw new BicepSyntaxError('unterminated string', startLine);
    if (ch === "'") break;
    if (ch === '\\') {
      value += c.src[i + 1] ?? '';
      i += 2;
      continue;
    }
    if (ch === '$' && c.src[i + 1] === '{') {
      let depth = 1;
      let j = i + 2;
      while (depth > 0) {
        const cj = c.src[j];
        if (cj === undefined) throw new BicepSyntaxError('unterminated interpolation', startLine);
        if (cj === '{') depth++;
        if (cj === '}') depth--;
        j++;
      }
      holes.push(c.src.slice(i + 2, j - 1));
      value += c.src.slice(i, j);
      i = j;
      continue;
    }
    value += ch;
    i++;
  }
  const text = c.src.slice(c.pos, i + 1);
  c.pos = i + 1;
  return holes.length > 0
    ? { kind: 'string', text, line: startLine, holes }
    : { kind: 'string', text, line: startLine, value, holes };
};

export const tokenize = (src: string): Token[] => {
  const c: Cursor = { src, pos: 0, line: 1 };
  const tokens: Token[] = [];
  while (c.pos < src.length) {
    const ch = src[c.pos] ?? '';
    if (ch === '\n') {
      tokens.push({ kind: 'newline', text: '\n', line: c.line });
      c.line++;
      c.pos++;
    } else if (/\s/.test(ch)) {
      c.pos++;
    } else if (src.startsWith('//', c.pos)) {
      const end = src.indexOf('\n', c.pos);
      c.pos = end < 0 ? src.length : end;
    } else if (src.startsWith('/*', c.pos)) {
      const end = src.indexOf('*/', c.pos + 2);
      if (end < 0) throw new BicepSyntaxError('unterminated comment', c.line);
      c.line += src.slice(c.pos, end).split('\n').length - 1;
      c.pos = end + 2;
    } else if (ch === "'") {
      tokens.push(readString(c));
    } else if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(c.pos, c.pos + 256));
      const text = m?.[0] ?? ch;
      tokens.push({ kind: 'ident', text, line: c.line });
      c.pos += text.length;
    } else if (/[0-9]/.test(ch)) {
      const m = /^[0-9]+(\.[0-9]+)?/.exec(src.slice(c.pos, c.pos + 64));
      const text = m?.[0] ?? ch;
      tokens.push({ kind: 'number', text, line: c.line });
      c.pos += text.length;
    } else {
      const p = PUNCT.find((q) => src.startsWith(q, c.pos));
      if (p === undefined) throw new BicepSyntaxError(`unexpected character ${JSON.stringify(ch)}`, c.line);
      tokens.push({ kind: 'punct', text: p, line: c.line });
      c.pos += p.length;
    }
  }
  tokens.push({ kind: 'eof', text: '', line: c.line });
  return tokens;
};
