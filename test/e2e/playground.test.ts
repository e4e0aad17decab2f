import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FeedbackEntry } from '@pc/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCosmosStore, type Store } from '../../bot/src/cosmos/index.ts';
import { DEMO_TENANT_IDS, demoPersonId } from '@pc/demo/demo-org.ts';
import { startPlayground, type RunningPlayground } from '@pc/demo/playground.ts';
import { startLocal, type LocalStack } from '@pc/demo/start.ts';
import { launchBrowser, type LaunchedBrowser } from '../support/browser.ts';
import { COSMOS_EMULATOR_KEY } from '../support/cosmos-server.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SCREENSHOTS = join(ROOT, '.artifacts', 'screenshots');
const TENANT = DEMO_TENANT_IDS['assembly-secretariat'];
// .m365agentsplayground.yml signs in as Kate Hughes (person 5), whose reports include Hassan Evans (14).
const KATE = demoPersonId(5, 5);
const HASSAN = demoPersonId(5, 14);

const isLocal = (url: string): boolean => ['localhost', '127.0.0.1'].includes(new URL(url).hostname);

describe('Microsoft 365 Agents Playground against the local stack, in headless Chromium', () => {
  let dir: string;
  let stack: LocalStack;
  let playground: RunningPlayground;
  let browser: LaunchedBrowser;
  let store: Store;
  const offline: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pc-playground-'));
    stack = await startLocal({
      serverPort: 0,
      cosmosPort: 0,
      issuerPort: 0,
      graphPort: 0,
      snapshotFile: join(dir, 'cosmos.json'),
      logLevel: 'silent',
      // No proactive check-in may land in the chat halfway through the test.
      checkinScheduler: false,
    });
    playground = await startPlayground({
      endpoint: `${stack.urls.server}/api/messages`,
      port: 0,
      logFile: join(dir, 'playground', 'playground.log'),
    });
    store = await createCosmosStore({
      endpoint: stack.urls.cosmos,
      key: COSMOS_EMULATOR_KEY,
      databaseId: 'performance-conversations',
      allowSelfSigned: true,
    });
    browser = await launchBrowser();
    // Nothing may leave this machine: record and refuse every request that is not local.
    await browser.context.route(
      (url) => !isLocal(url.href),
      async (route) => {
        offline.push(route.request().url());
        await route.abort();
      },
    );
  }, 120_000);

  afterAll(async () => {
    await browser.close();
    store.close();
    await playground.stop();
    await stack.shutdown.run('test done');
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  const chatInput = (page: Page) => page.locator('[contenteditable="true"][role="textbox"]').first();

  it('"feedback" opens the form; submitting it shows the confirmation and stores the record', async () => {
    const page = await browser.context.newPage();
    await page.goto(playground.url);
    // The playground announces the install to the bot once its page is connected.
    await page.getByText('installationUpdate 200').waitFor();
    await chatInput(page).click();
    await page.keyboard.type('feedback');
    await page.keyboard.press('Enter');
    await page.getByText('message 200').first().waitFor();

    const form = page.locator('.ac-adaptiveCard').filter({ hasText: 'In-the-moment feedback' }).last();
    await form.waitFor();
    await form.getByRole('combobox').first().click();
    await page.getByRole('option', { name: 'Hassan Evans' }).click();
    await form.getByRole('radio', { name: 'Work done well' }).check();
    const note = `Covered the Friday rota at short notice ${String(Date.now())}`;
    await form.getByRole('textbox', { name: /What happened/ }).fill(note);
    await form.getByRole('button', { name: 'Log feedback' }).click();

    const confirmation = page.locator('.ac-adaptiveCard').filter({ hasText: 'Feedback logged' }).last();
    await confirmation.waitFor();
    await expect.poll(() => confirmation.innerText()).toContain('Hassan Evans');
    expect(await confirmation.innerText()).toContain('Work done well');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'playground-feedback.png'), fullPage: true });

    const stored = (await store.feedback.listForSubject(TENANT, HASSAN, { pageSize: 100 })).items.filter(
      (f: FeedbackEntry) => f.text === note,
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      authorId: KATE,
      subjectId: HASSAN,
      kind: 'work-acknowledged',
      visibility: 'pair',
    });

    // All of that worked with every outside request refused. The page only tries the Office CDN
    // for fonts and an animation script (refused above, so it falls back); anything else is new.
    expect(offline.filter((url) => new URL(url).hostname !== 'res-1.cdn.office.net')).toEqual([]);
  }, 120_000);
});
