import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FeedbackEntry } from '@pc/core';
import { describe, expect, it } from 'vitest';
import { DEMO_TENANT_IDS, demoPersonId } from '@pc/demo/demo-org.ts';
import { cardWith, openChat, say, unexpectedOffline, usePlayground } from '../support/playground.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SCREENSHOTS = join(ROOT, '.artifacts', 'screenshots');
const TENANT = DEMO_TENANT_IDS['assembly-secretariat'];
// .m365agentsplayground.yml signs in as Kate Hughes (person 5), whose reports include Hassan Evans (14).
const KATE = demoPersonId(5, 5);
const HASSAN = demoPersonId(5, 14);

describe('Microsoft 365 Agents Playground against the local stack, in headless Chromium', () => {
  const t = usePlayground();

  it('"feedback" opens the form; submitting it shows the confirmation and stores the record', async () => {
    // The playground announces the install to the bot once its page is connected.
    const page = await openChat(t.playground, t.browser);
    await say(page, 'feedback');

    const form = await cardWith(page, 'In-the-moment feedback');
    await form.getByRole('combobox').first().click();
    await page.getByRole('option', { name: 'Hassan Evans' }).click();
    await form.getByRole('radio', { name: 'Work done well' }).check();
    const note = `Covered the Friday rota at short notice ${String(Date.now())}`;
    await form.getByRole('textbox', { name: /What happened/ }).fill(note);
    await form.getByRole('button', { name: 'Log feedback' }).click();

    const confirmation = await cardWith(page, 'Feedback logged');
    await expect.poll(() => confirmation.innerText()).toContain('Hassan Evans');
    expect(await confirmation.innerText()).toContain('Work done well');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'playground-feedback.png'), fullPage: true });

    const stored = (await t.store.feedback.listForSubject(TENANT, HASSAN, { pageSize: 100 })).items.filter(
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
    // for fonts and an animation script (refused, so it falls back); anything else is new.
    expect(unexpectedOffline(t.offline)).toEqual([]);
  }, 120_000);
});
