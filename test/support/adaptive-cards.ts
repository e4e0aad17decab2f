import { JSDOM } from 'jsdom';

/**
 * Checks a card the way a client would: the real `adaptivecards` renderer parses
 * it (at schema 1.5, the version Teams supports everywhere), validates it and
 * renders it into a DOM. Size is measured on the JSON alone; Teams caps the whole
 * message at 28 KB, so 24 KB leaves room for the activity envelope.
 */
export const MAX_CARD_BYTES = 24 * 1024;

export interface CardCheck {
  /** Parse and validation problems, as the renderer words them. Empty when the card is good. */
  readonly issues: readonly string[];
  readonly bytes: number;
  /** Visible text of the rendered card, one piece per line, for assertions about what a person reads. */
  readonly renderedText: string;
}

type AdaptiveCardsModule = typeof import('adaptivecards');

/** The renderer needs browser globals; jsdom provides them once per test file. */
const installDom = (): void => {
  if ('document' in globalThis) return;
  const { window } = new JSDOM('<!doctype html><html><body></body></html>');
  const g = globalThis as Record<string, unknown>;
  g.window = window;
  g.document = window.document;
  g.navigator = window.navigator;
  for (const name of Object.getOwnPropertyNames(window)) {
    if (/^(HTML|SVG|Node$|Element$|Text$|Event$|KeyboardEvent$|MouseEvent$|getComputedStyle$)/.test(name)) {
      g[name] = (window as unknown as Record<string, unknown>)[name];
    }
  }
};

const escapeHtml = (value: string): string => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Teams renders a Markdown subset; bold is enough to read the rendered text back in tests. */
const renderMarkdown = (value: string): string =>
  value
    .split(/\r\n|\r|\n/)
    .map((line) => `<p>${escapeHtml(line).replace(/\*\*(.+?)\*\*/g, '<b>$1</b>')}</p>`)
    .join('');

const loadRenderer = async (): Promise<AdaptiveCardsModule> => {
  installDom();
  const ac = await import('adaptivecards');
  ac.AdaptiveCard.onProcessMarkdown = (value, result) => {
    result.outputHtml = renderMarkdown(value);
    result.didProcess = true;
  };
  return ac;
};

/** Every visible line of text in document order; inline formatting is joined into its line. */
const textLines = (root: HTMLElement): string => {
  const lines: string[] = [];
  let lastBlock: Element | null = null;
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const value = node.textContent ?? '';
    if (value.trim() === '') continue;
    const block = node.parentElement?.closest('p, div, label') ?? null;
    const previous = lines.at(-1);
    if (block !== null && block === lastBlock && previous !== undefined) lines[lines.length - 1] = previous + value;
    else lines.push(value);
    lastBlock = block;
  }
  return lines.map((line) => line.trim()).join('\n');
};

export const checkCard = async (json: unknown): Promise<CardCheck> => {
  const ac = await loadRenderer();
  const issues: string[] = [];
  const text = JSON.stringify(json);
  const bytes = Buffer.byteLength(text, 'utf8');

  const root = json as { type?: unknown; version?: unknown };
  if (root.type !== 'AdaptiveCard') issues.push('root type is not AdaptiveCard');
  if (root.version !== '1.5') issues.push(`version is ${String(root.version)}, expected 1.5`);

  const card = new ac.AdaptiveCard();
  const context = new ac.SerializationContext(ac.Versions.v1_5);
  card.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    issues.push(`parse: ${event.message}`);
  }
  for (const event of card.validateProperties().validationEvents) {
    issues.push(`validate: ${event.message}`);
  }
  const rendered = card.render();
  if (rendered === undefined) issues.push('render produced nothing');
  return { issues, bytes, renderedText: rendered === undefined ? '' : textLines(rendered) };
};

/** Every `Action.Execute`/`Action.Submit` verb found anywhere in the card, for routing assertions. */
export const verbsIn = (json: unknown): string[] => {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.type === 'Action.Execute' && typeof record.verb === 'string') found.push(record.verb);
    if (record.type === 'Action.Submit') {
      const data = record.data as Record<string, unknown> | undefined;
      if (typeof data?.verb === 'string') found.push(data.verb);
    }
    Object.values(record).forEach(walk);
  };
  walk(json);
  return found;
};

/** Ids of every input in the card. */
export const inputIdsIn = (json: unknown): string[] => {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record.type === 'string' && record.type.startsWith('Input.') && typeof record.id === 'string') {
      found.push(record.id);
    }
    Object.values(record).forEach(walk);
  };
  walk(json);
  return found;
};
