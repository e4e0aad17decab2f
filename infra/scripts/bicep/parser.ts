import type { BicepFile, Declaration, Decorator, Node } from './ast.ts';
import { BicepSyntaxError, tokenize, type Token } from './lexer.ts';

const KEYWORDS = new Set(['true', 'false', 'null', 'if', 'for', 'in', 'existing']);
const TERMINATORS = new Set([',', '}', ']', ')']);

/** Symbols referred to by an expression's tokens: not members, not function names, not object keys, not lambda parameters. */
export const refsOf = (tokens: readonly Token[]): string[] => {
  const lambdaParams = new Set(
    tokens.filter((t, i) => t.kind === 'ident' && tokens[i + 1]?.text === '=>').map((t) => t.text),
  );
  const refs: string[] = [];
  tokens.forEach((t, i) => {
    if (t.kind === 'string') {
      for (const hole of t.holes ?? []) refs.push(...refsOf(tokenize(hole)));
      return;
    }
    if (t.kind !== 'ident' || KEYWORDS.has(t.text) || lambdaParams.has(t.text)) return;
    const prev = tokens[i - 1]?.text;
    const next = tokens[i + 1]?.text;
    if (prev === '.' || prev === '.?' || next === '(') return;
    if (next === ':' && (prev === '{' || prev === ',' || prev === '\n')) return;
    refs.push(t.text);
  });
  return refs;
};

class Parser {
  private i = 0;
  private readonly eof: Token;
  constructor(private readonly tokens: readonly Token[]) {
    this.eof = tokens[tokens.length - 1] ?? { kind: 'eof', text: '', line: 1 };
  }

  private peek(offset = 0): Token {
    // The lexer always ends with an eof token, so running past the end keeps returning it.
    return this.tokens[this.i + offset] ?? this.eof;
  }
  private next(): Token {
    const t = this.peek();
    this.i++;
    return t;
  }
  private fail(message: string, t: Token = this.peek()): never {
    throw new BicepSyntaxError(`${message} (found ${JSON.stringify(t.text)})`, t.line);
  }
  private expect(text: string): Token {
    const t = this.next();
    if (t.text !== text) this.fail(`expected ${JSON.stringify(text)}`, t);
    return t;
  }
  private skipNewlines(): void {
    while (this.peek().kind === 'newline') this.i++;
  }
  private ident(): string {
    const t = this.next();
    if (t.kind !== 'ident') this.fail('expected a name', t);
    return t.text;
  }
  private stringLiteral(): string {
    const t = this.next();
    if (t.kind !== 'string' || t.value === undefined) this.fail('expected a plain string', t);
    return t.value;
  }
  private atTerminator(): boolean {
    const t = this.peek();
    return t.kind === 'newline' || t.kind === 'eof' || (t.kind === 'punct' && TERMINATORS.has(t.text));
  }

  file(path: string): BicepFile {
    const declarations: Declaration[] = [];
    let decorators: Decorator[] = [];
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (t.kind === 'eof') break;
      if (t.text === '@') {
        decorators.push(this.decorator());
        continue;
      }
      declarations.push(this.declaration(decorators));
      decorators = [];
      if (!this.atTerminator() || TERMINATORS.has(this.peek().text)) this.fail('expected the end of the line');
    }
    if (decorators.length > 0) this.fail('a decorator must precede a declaration');
    return { path, declarations };
  }

  private decorator(): Decorator {
    this.expect('@');
    let name = this.ident();
    while (this.peek().text === '.') {
      this.next();
      name = this.ident();
    }
    const args: Node[] = [];
    if (this.peek().text === '(') {
      this.next();
      this.skipNewlines();
      while (this.peek().text !== ')') {
        args.push(this.value());
        this.skipNewlines();
        if (this.peek().text === ',') this.next();
        this.skipNewlines();
      }
      this.expect(')');
    }
    return { name, args };
  }

  private declaration(decorators: Decorator[]): Declaration {
    const keyword = this.next();
    const line = keyword.line;
    switch (keyword.text) {
      case 'targetScope':
        this.expect('=');
        return { kind: 'targetScope', value: this.value(), line };
      case 'using':
        return { kind: 'using', path: this.stringLiteral(), line };
      case 'param': {
        const name = this.ident();
        if (this.peek().text === '=') {
          this.next();
          return { kind: 'param', name, type: '', value: this.value(), decorators, line };
        }
        const type = this.typeText();
        if (this.peek().text !== '=') return { kind: 'param', name, type, decorators, line };
        this.next();
        return { kind: 'param', name, type, value: this.value(), decorators, line };
      }
      case 'var': {
        const name = this.ident();
        this.expect('=');
        return { kind: 'var', name, value: this.value(), line };
      }
      case 'resource': {
        const name = this.ident();
        const type = this.stringLiteral();
        const existing = this.peek().text === 'existing';
        if (existing) this.next();
        this.expect('=');
        return { kind: 'resource', name, type, existing, value: this.value(), line };
      }
      case 'module': {
        const name = this.ident();
        const path = this.stringLiteral();
        this.expect('=');
        return { kind: 'module', name, path, value: this.value(), line };
      }
      case 'output': {
        const name = this.ident();
        const type = this.typeText();
        this.expect('=');
        return { kind: 'output', name, type, value: this.value(), decorators, line };
      }
      default:
        return this.fail('expected a declaration (param, var, resource, module, output, targetScope, using)', keyword);
    }
  }

  private typeText(): string {
    const parts: string[] = [];
    while (this.peek().text !== '=' && this.peek().kind !== 'newline' && this.peek().kind !== 'eof')
      parts.push(this.next().text);
    if (parts.length === 0) this.fail('expected a type');
    return parts.join('');
  }

  /** A value; literals become structured nodes, anything else an opaque expression. */
  value(): Node {
    const start = this.i;
    const t = this.peek();
    let node: Node | undefined;
    if (t.text === '{') node = this.object();
    else if (t.text === '[') node = this.arrayOrFor();
    else if (t.kind === 'ident' && t.text === 'if') node = this.ifValue();
    else if (t.kind === 'string') {
      this.next();
      node = {
        kind: 'string',
        value: t.value,
        raw: t.text.replace(/^'(?:'')?|(?:'')?'$/g, ''),
        holes: t.holes ?? [],
        line: t.line,
      };
    } else if (t.kind === 'number') {
      this.next();
      node = { kind: 'number', value: Number(t.text), line: t.line };
    } else if (t.kind === 'ident' && (t.text === 'true' || t.text === 'false')) {
      this.next();
      node = { kind: 'bool', value: t.text === 'true', line: t.line };
    } else if (t.kind === 'ident' && t.text === 'null') {
      this.next();
      node = { kind: 'null', line: t.line };
    }
    if (node !== undefined && this.atTerminator()) return node;
    this.i = start;
    return this.expression();
  }

  private expression(): Node {
    const start = this.i;
    let depth = 0;
    for (;;) {
      const t = this.peek();
      if (t.kind === 'eof') break;
      if (depth === 0 && this.atTerminator()) break;
      if (['(', '[', '{'].includes(t.text) && t.kind === 'punct') depth++;
      if ([')', ']', '}'].includes(t.text) && t.kind === 'punct') depth--;
      this.next();
    }
    const tokens = this.tokens.slice(start, this.i);
    const first = tokens[0];
    if (first === undefined) this.fail('expected a value');
    const text = tokens.map((t) => (t.kind === 'newline' ? ' ' : t.text)).join(' ');
    return { kind: 'expr', text, refs: refsOf(tokens), line: first.line };
  }

  private object(): Node {
    const open = this.expect('{');
    const entries: [string, Node][] = [];
    const keyRefs: string[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.peek().text === ',') {
        this.next();
        continue;
      }
      if (this.peek().text === '}') break;
      const key = this.next();
      if (key.kind === 'string') {
        for (const hole of key.holes ?? []) keyRefs.push(...refsOf(tokenize(hole)));
        entries.push([key.value ?? key.text, this.afterColon()]);
      } else if (key.kind === 'ident') entries.push([key.text, this.afterColon()]);
      else this.fail('expected a property name', key);
    }
    this.expect('}');
    return { kind: 'object', entries, keyRefs, line: open.line };
  }

  private afterColon(): Node {
    this.expect(':');
    return this.value();
  }

  private arrayOrFor(): Node {
    const open = this.expect('[');
    this.skipNewlines();
    if (this.peek().text === 'for') {
      this.next();
      const variables: string[] = [];
      if (this.peek().text === '(') {
        this.next();
        variables.push(this.ident());
        while (this.peek().text === ',') {
          this.next();
          variables.push(this.ident());
        }
        this.expect(')');
      } else variables.push(this.ident());
      this.expect('in');
      const source = this.forSource();
      this.expect(':');
      const body = this.value();
      this.skipNewlines();
      this.expect(']');
      return { kind: 'for', variables, source, body, line: open.line };
    }
    const items: Node[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.peek().text === ',') {
        this.next();
        continue;
      }
      if (this.peek().text === ']') break;
      items.push(this.value());
    }
    this.expect(']');
    return { kind: 'array', items, line: open.line };
  }

  private forSource(): Node {
    const start = this.i;
    let depth = 0;
    while (!(depth === 0 && this.peek().text === ':')) {
      const t = this.next();
      if (t.kind === 'eof') this.fail('unterminated for expression', t);
      if (['(', '[', '{'].includes(t.text)) depth++;
      if ([')', ']', '}'].includes(t.text)) depth--;
    }
    const tokens = this.tokens.slice(start, this.i);
    return {
      kind: 'expr',
      text: tokens.map((t) => t.text).join(' '),
      refs: refsOf(tokens),
      line: tokens[0]?.line ?? 0,
    };
  }

  private ifValue(): Node {
    const t = this.expect('if');
    this.expect('(');
    const start = this.i;
    let depth = 1;
    while (depth > 0) {
      const u = this.next();
      if (u.kind === 'eof') this.fail('unterminated condition', u);
      if (u.text === '(') depth++;
      if (u.text === ')') depth--;
    }
    const tokens = this.tokens.slice(start, this.i - 1);
    const condition: Node = {
      kind: 'expr',
      text: tokens.map((x) => x.text).join(' '),
      refs: refsOf(tokens),
      line: t.line,
    };
    const body = this.object();
    return { kind: 'if', condition, body, line: t.line };
  }
}

export const parseBicep = (source: string, path: string): BicepFile => new Parser(tokenize(source)).file(path);
