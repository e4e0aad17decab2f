import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, type LaunchedBrowser } from './browser.ts';

/**
 * Checks a card the way a client shows it: the real `adaptivecards` renderer, in headless
 * Chromium, parses it (at schema 1.5, the version Teams supports everywhere), validates it and
 * renders it; the text is what the browser lays out (`innerText`), so input labels and choices
 * read as a person sees them, and each card leaves a screenshot under
 * .artifacts/screenshots/cards/. Size is measured on the JSON alone; Teams caps the whole message
 * at 28 KB, so 24 KB leaves room for the activity envelope.
 */
export const MAX_CARD_BYTES = 24 * 1024;

export interface ChoiceSetView {
  /** The input's visible label. */
  readonly label: string;
  /** Every choice, in the order offered. */
  readonly choices: readonly string[];
  /** What the closed drop-down shows, or the ticked choices of an expanded set. */
  readonly shown: readonly string[];
}

export interface CardCheck {
  /** Parse and validation problems, as the renderer words them. Empty when the card is good. */
  readonly issues: readonly string[];
  readonly bytes: number;
  /** Visible text of the rendered card, one line per laid-out line, blank lines dropped. */
  readonly renderedText: string;
  /** Each choice set as a person meets it: its label, the choices and what is selected. */
  readonly choiceSets: readonly ChoiceSetView[];
  /** Where the card's screenshot was written. */
  readonly screenshot: string;
}

const require = createRequire(import.meta.url);
const ADAPTIVE_CARDS_DIST = join(dirname(require.resolve('adaptivecards/package.json')), 'dist');
const SCREENSHOTS = join(import.meta.dirname, '..', '..', '.artifacts', 'screenshots', 'cards');

/**
 * Teams renders a Markdown subset in TextBlocks (bold, italic, bulleted and numbered lists,
 * links); markdown-it is not a dependency, so this renders that subset and nothing more.
 */
const installMarkdownSubset = (): void => {
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  // Backslash escapes (`\*`) stand for the character itself, as in CommonMark; held aside meanwhile.
  const held: string[] = [];
  const hold = (s: string): string =>
    s.replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, (_m, c: string) => `\uE000${String(held.push(c) - 1)}\uE000`);
  const restore = (s: string): string => s.replace(/\uE000(\d+)\uE000/g, (_m, i: string) => held[Number(i)] ?? '');
  const inline = (s: string): string =>
    hold(esc(s))
      .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
      .replace(/(^|[^*])\*([^*]+)\*/g, '$1<em>$2</em>')
      .replace(/(^|\W)_([^_]+)_(?=\W|$)/g, '$1<em>$2</em>')
      .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<a href="$2">$1</a>');
  const inlineRestored = (s: string): string => restore(inline(s));
  const AC = (window as unknown as { AdaptiveCards: typeof import('adaptivecards') }).AdaptiveCards;
  AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
    const out: string[] = [];
    let list: 'ul' | 'ol' | null = null;
    for (const line of text.split(/\r\n|\r|\n/)) {
      const item = /^\s*(?:([-*])|\d+\.)\s+(.*)$/.exec(line);
      const kind = item === null ? null : item[1] === undefined ? 'ol' : 'ul';
      if (list !== kind) {
        if (list !== null) out.push(`</${list}>`);
        if (kind !== null) out.push(`<${kind}>`);
        list = kind;
      }
      if (item !== null) out.push(`<li>${inlineRestored(item[2] ?? '')}</li>`);
      else if (line.trim() !== '') out.push(`<p>${inlineRestored(line)}</p>`);
    }
    if (list !== null) out.push(`</${list}>`);
    result.outputHtml = out.join('');
    result.didProcess = true;
  };
};

interface RenderResult {
  readonly issues: string[];
  readonly text: string;
  readonly choiceSets: ChoiceSetView[];
}

/** The page-side check; runs in Chromium, where `AdaptiveCards` is the renderer's browser build. */
const renderInPage = (json: unknown): RenderResult => {
  const AC = (window as unknown as { AdaptiveCards: typeof import('adaptivecards') }).AdaptiveCards;
  const issues: string[] = [];
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) issues.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of card.validateProperties().validationEvents) issues.push(`validate: ${event.message}`);
  const host = document.getElementById('card') as HTMLElement;
  host.replaceChildren();
  const rendered = card.render();
  if (rendered === undefined) return { issues: [...issues, 'render produced nothing'], text: '', choiceSets: [] };
  host.appendChild(rendered);
  const labelFor = (el: Element): string =>
    (el.id === '' ? '' : (host.querySelector<HTMLElement>(`label[for="${el.id}"]`)?.innerText ?? '')).trim();
  const compact = [...host.querySelectorAll<HTMLSelectElement>('select.ac-choiceSetInput-compact')].map((select) => ({
    label: labelFor(select),
    choices: [...select.options].filter((o) => o.value !== '').map((o) => o.text),
    shown: [...select.selectedOptions].filter((o) => o.value !== '').map((o) => o.text),
  }));
  const filtered = [...host.querySelectorAll<HTMLInputElement>('input.ac-choiceSetInput-filtered')].map((input) => ({
    label: labelFor(input.parentElement ?? input),
    choices: [...(input.list?.options ?? [])].map((o) => o.value),
    shown: input.value === '' ? [] : [input.value],
  }));
  const expanded = [...host.querySelectorAll('.ac-choiceSetInput-expanded, .ac-choiceSetInput-multiSelect')].map(
    (group) => {
      const options = [...group.querySelectorAll('input')];
      return {
        label: labelFor(group),
        choices: options.map(labelFor),
        shown: options.filter((o) => o.checked).map(labelFor),
      };
    },
  );
  // A closed drop-down shows its selection only, though innerText would list every option.
  const standIns = [...host.querySelectorAll('select')].map((select) => {
    const span = document.createElement('span');
    span.textContent = [...select.selectedOptions].map((o) => o.text).join(', ');
    select.style.display = 'none';
    select.after(span);
    return { select, span };
  });
  const text = rendered.innerText;
  for (const { select, span } of standIns) {
    span.remove();
    select.style.display = '';
  }
  return { issues, text, choiceSets: [...compact, ...filtered, ...expanded] };
};

interface CardSession {
  readonly browser: LaunchedBrowser;
  readonly page: Page;
}

// One browser for every card a test file checks; closeCardRenderer() ends it.
let session: Promise<CardSession> | undefined;

const openSession = async (): Promise<CardSession> => {
  const browser = await launchBrowser({ viewport: { width: 520, height: 900 } });
  const page = await browser.context.newPage();
  await page.setContent(
    '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>card</title>' +
      '<style>body{margin:0;padding:16px;background:#fff;font-family:"Segoe UI",system-ui,sans-serif}' +
      '#card{width:456px;border:1px solid #e0e0e0;border-radius:4px}</style></head>' +
      '<body><div id="card"></div></body></html>',
  );
  await page.addStyleTag({ path: join(ADAPTIVE_CARDS_DIST, 'adaptivecards.css') });
  await page.addScriptTag({ path: join(ADAPTIVE_CARDS_DIST, 'adaptivecards.min.js') });
  await page.evaluate(installMarkdownSubset);
  return { browser, page };
};

/** Closes the browser checkCard opened; call it from afterAll. */
export const closeCardRenderer = async (): Promise<void> => {
  const open = session;
  session = undefined;
  if (open !== undefined) await (await open).browser.close();
};

const fileName = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 100) || 'card';

/** Renders the card in Chromium; `name` names its screenshot. */
export const checkCard = async (json: unknown, name = 'card'): Promise<CardCheck> => {
  const issues: string[] = [];
  const bytes = Buffer.byteLength(JSON.stringify(json), 'utf8');
  const root = json as { type?: unknown; version?: unknown };
  if (root.type !== 'AdaptiveCard') issues.push('root type is not AdaptiveCard');
  if (root.version !== '1.5') issues.push(`version is ${String(root.version)}, expected 1.5`);

  session ??= openSession();
  const { page } = await session;
  const result = await page.evaluate(renderInPage, json);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const screenshot = join(SCREENSHOTS, `${fileName(name)}.png`);
  await page.locator('#card').screenshot({ path: screenshot });
  const renderedText = result.text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
  return { issues: [...issues, ...result.issues], bytes, renderedText, choiceSets: result.choiceSets, screenshot };
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
