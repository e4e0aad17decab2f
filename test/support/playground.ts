/**
 * What every Microsoft 365 Agents Playground test sets up: the local stack (`npm start`'s, on free
 * ports, without the check-in scheduler), the playground against its bot endpoint, a Cosmos client
 * on the same store, and headless Chromium that refuses every request leaving this machine. Call
 * `usePlayground()` inside a describe block; it registers the beforeAll/afterAll that start and stop
 * them all. The playground signs in as the user in .m365agentsplayground.yml (Kate Hughes).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createCosmosStore, type Store } from '../../bot/src/cosmos/index.ts';
import { startPlayground, type RunningPlayground } from '@pc/demo/playground.ts';
import { startLocal, type LocalStack } from '@pc/demo/start.ts';
import { launchBrowser, type LaunchedBrowser } from './browser.ts';
import { COSMOS_EMULATOR_KEY } from './cosmos-server.ts';

export interface PlaygroundTest {
  readonly stack: LocalStack;
  readonly playground: RunningPlayground;
  readonly browser: LaunchedBrowser;
  readonly store: Store;
  /** Every request the page tried to send off this machine (all refused). */
  readonly offline: readonly string[];
}

const isLocal = (url: string): boolean => ['localhost', '127.0.0.1'].includes(new URL(url).hostname);

type Running = Omit<PlaygroundTest, 'offline'>;

/** Generous: the stack, the playground and Chromium start slowly on a busy machine. */
const START_TIMEOUT_MS = 300_000;

export const usePlayground = (): PlaygroundTest => {
  let dir: string | undefined;
  let started: { -readonly [K in keyof Running]?: Running[K] } = {};
  const offline: string[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pc-playground-'));
    // Each piece is kept as soon as it runs, so a start that fails halfway still stops what it started.
    started.stack = await startLocal({
      serverPort: 0,
      cosmosPort: 0,
      issuerPort: 0,
      graphPort: 0,
      snapshotFile: join(dir, 'cosmos.json'),
      logLevel: 'silent',
      // No proactive check-in may land in the chat halfway through a test.
      checkinScheduler: false,
    });
    started.playground = await startPlayground({
      endpoint: `${started.stack.urls.server}/api/messages`,
      port: 0,
      logFile: join(dir, 'playground', 'playground.log'),
    });
    started.store = await createCosmosStore({
      endpoint: started.stack.urls.cosmos,
      key: COSMOS_EMULATOR_KEY,
      databaseId: 'performance-conversations',
      allowSelfSigned: true,
    });
    started.browser = await launchBrowser();
    // Nothing may leave this machine: record and refuse every request that is not local.
    await started.browser.context.route(
      (url) => !isLocal(url.href),
      async (route) => {
        offline.push(route.request().url());
        await route.abort();
      },
    );
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    const { browser, store, playground, stack } = started;
    started = {};
    await browser?.close();
    store?.close();
    await playground?.stop();
    await stack?.shutdown.run('test done');
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  }, 60_000);
  const running = (): Running => {
    const { stack, playground, browser, store } = started;
    if (!stack || !playground || !browser || !store) throw new Error('usePlayground: used before beforeAll ran');
    return { stack, playground, browser, store };
  };
  return {
    get stack() {
      return running().stack;
    },
    get playground() {
      return running().playground;
    },
    get browser() {
      return running().browser;
    },
    get store() {
      return running().store;
    },
    offline,
  };
};

/** The page only tries the Office CDN for fonts and an animation script (refused, so it falls back). */
export const unexpectedOffline = (offline: readonly string[]): string[] =>
  offline.filter((url) => new URL(url).hostname !== 'res-1.cdn.office.net');

/** The playground's chat, once it has announced the install to the bot. */
export const openChat = async (playground: RunningPlayground, browser: LaunchedBrowser): Promise<Page> => {
  const page = await browser.context.newPage();
  await page.goto(playground.url);
  await page.getByText('installationUpdate 200').waitFor();
  return page;
};

/** Types a message into the chat and waits for the bot to take it. */
export const say = async (page: Page, text: string): Promise<void> => {
  const before = await page.getByText('message 200').count();
  await page.locator('[contenteditable="true"][role="textbox"]').first().click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await page.getByText('message 200').nth(before).waitFor();
};

/** The latest Adaptive Card in the chat that shows this text. */
export const cardWith = async (page: Page, text: string | RegExp): Promise<Locator> => {
  const card = page.locator('.ac-adaptiveCard').filter({ hasText: text }).last();
  await card.waitFor();
  return card;
};
