/**
 * What every tab browser test sets up: the full local stack on the reference date, one headless
 * Chromium, and the small helpers to reach a demo person and a tab page. Call `useTabTest()` inside
 * a describe block; it registers the beforeAll/afterAll that start and stop both.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { demoPersonId } from '@pc/demo/demo-org.ts';
import { launchBrowser, type LaunchedBrowser } from './browser.ts';
import { startStack, type Stack } from './stack.ts';

/** The demo data's "today" that every tab test works on (as test/e2e/api-helpers.ts). */
const REFERENCE_DATE = '2027-05-03';

export const TAB_THEMES = ['default', 'dark', 'contrast'] as const;

type DemoPerson = Stack['demo']['employees'][number];

export interface TabTest {
  readonly stack: Stack;
  readonly browser: LaunchedBrowser;
  /** Demo person `n` of the tenant (1 Cumbria … 5 Assembly; see demo/demo-org/people.ts). */
  readonly who: (n: number, tenant?: 1 | 2 | 3 | 4 | 5) => DemoPerson;
  /** The tab's URL for a page hash, e.g. tab('notes') or tab('team', 'dark'). */
  readonly tab: (hash: string, theme?: string) => string;
  /** A new page in the shared browser context. */
  readonly fresh: (timeoutMs?: number) => Promise<Page>;
}

export interface TabTestOptions {
  readonly tenant?: 1 | 2 | 3 | 4 | 5;
  readonly referenceDate?: string;
  readonly viewport?: { readonly width: number; readonly height: number };
}

export const useTabTest = (options: TabTestOptions = {}): TabTest => {
  let stack: Stack | undefined;
  let browser: LaunchedBrowser | undefined;
  beforeAll(async () => {
    stack = await startStack({ referenceDate: options.referenceDate ?? REFERENCE_DATE });
    browser = await launchBrowser(options.viewport === undefined ? undefined : { viewport: options.viewport });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });
  const started = (): { stack: Stack; browser: LaunchedBrowser } => {
    if (stack === undefined || browser === undefined) throw new Error('useTabTest: used before beforeAll ran');
    return { stack, browser };
  };
  return {
    get stack() {
      return started().stack;
    },
    get browser() {
      return started().browser;
    },
    who: (n, tenant = options.tenant ?? 1) => {
      const id = demoPersonId(tenant, n);
      const person = started().stack.demo.employees.find((e) => e.id === id);
      if (person === undefined) throw new Error(`demo person ${String(n)} of tenant ${String(tenant)} missing`);
      return person;
    },
    tab: (hash, theme) => `${started().stack.baseUrl}/tab/${theme === undefined ? '' : `?theme=${theme}`}#/${hash}`,
    fresh: async (timeoutMs = 30_000) => {
      const page = await started().browser.context.newPage();
      page.setDefaultTimeout(timeoutMs);
      return page;
    },
  };
};
