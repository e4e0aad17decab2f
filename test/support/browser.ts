/**
 * Headless Debian Chromium for page tests, driven by playwright-core. Never downloads a browser:
 * the system package is installed by scripts/install-system-deps.sh.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchedBrowser {
  /** A persistent context with a fresh, temporary profile. */
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export const launchBrowser = async (
  opts: { viewport?: { width: number; height: number } } = {},
): Promise<LaunchedBrowser> => {
  const userDataDir = mkdtempSync(join(tmpdir(), 'pc-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
    viewport: opts.viewport ?? { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
};

/** axe-core findings at WCAG 2.2 A/AA that would block someone: serious and critical only. */
export const seriousAxeViolations = async (
  page: Page,
): Promise<{ id: string; impact: string; help: string; targets: string[] }[]> => {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      ...v,
      // Fluent's focus manager (Tabster) adds aria-hidden focus sentinels that only pass focus on;
      // axe reports them under aria-hidden-focus, a false positive accessibility scanners suppress.
      nodes: v.id === 'aria-hidden-focus' ? v.nodes.filter((n) => !n.html.includes('data-tabster-dummy')) : v.nodes,
    }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
};

const SCREENSHOTS = join(import.meta.dirname, '..', '..', '.artifacts', 'screenshots');

/** Full-page screenshot under .artifacts/screenshots/ (git-ignored) for a reviewer to look at. */
export const saveScreenshot = async (page: Page, name: string): Promise<string> => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name.replace(/[^a-z0-9-]+/gi, '-')}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
};

/** The tab's plain-browser sign-in: choose the person's organisation, then sign in as them. */
export const signInLocally = async (
  page: Page,
  tabUrl: string,
  person: { displayName: string; email: string },
): Promise<void> => {
  await page.goto(tabUrl);
  const organisation = person.email.split('@')[1] ?? '';
  await page.getByLabel('Organisation').selectOption(organisation);
  await page.getByRole('button', { name: `Sign in as ${person.displayName}`, exact: true }).click();
  await page.getByRole('banner').getByText(person.displayName).waitFor();
};
