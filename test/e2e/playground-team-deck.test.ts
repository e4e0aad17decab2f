/**
 * Issue #22, the team channel starter in the Microsoft 365 Agents Playground: in the team's
 * channel (from .m365agentsplayground.yml) Kate mentions the app through the playground's own
 * mention picker, types "team starters", and the bot posts the team deck's shared card there;
 * "Next card" on that card draws card 2 for everyone. The playground hands a channel message to
 * the bot only when it mentions the bot, so the mention is part of what is tested.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { teamDeckIdFor } from '@pc/core/usecases';
import { DEMO_TENANT_IDS, demoPersonId } from '@pc/demo/demo-org.ts';
import { createTeamDeckStore } from '../../bot/src/cosmos/team-deck-store.ts';
import { cardWith, openChat, unexpectedOffline, usePlayground } from '../support/playground.ts';

const SCREENSHOTS = join(resolve(import.meta.dirname, '../..'), '.artifacts', 'screenshots');
const TENANT = DEMO_TENANT_IDS['assembly-secretariat'];
const KATE = demoPersonId(5, 5);
// The channel's id in .m365agentsplayground.yml.
const CHANNEL = 'channel-team-news';
const BOT_NAME = 'Performance conversations';

describe('Microsoft 365 Agents Playground: a team deck of conversation starters in a team channel', () => {
  const t = usePlayground();

  it('mentioning the app with "team starters" posts the shared card in the channel; "Next card" draws card 2', async () => {
    const page = await openChat(t.playground, t.browser);
    // Opening the channel installs the app there (the playground announces it to the bot once more).
    await page.getByText('Team news', { exact: true }).click();
    await page.getByText('installationUpdate 200').nth(1).waitFor();

    await page.locator('[contenteditable="true"][role="textbox"]').first().click();
    await page.keyboard.type('@Perf');
    // The playground's mention picker offers the app installed in the team.
    await page.getByRole('menuitem', { name: BOT_NAME }).click();
    await page.keyboard.type(' team starters');
    await page.getByRole('button', { name: 'Post' }).click();
    // The playground sent the bot the message with its mention (its log shows the text it sent).
    await page.getByText(`<at>${BOT_NAME}</at> team starters`).waitFor();

    const deck = await cardWith(page, 'Team conversation starter');
    await expect.poll(() => deck.innerText()).toMatch(/Card 1 of \d+/);
    const total = Number(/Card 1 of (\d+)/.exec(await deck.innerText())?.[1]);
    expect(total).toBeGreaterThan(1);

    await deck.getByRole('button', { name: 'Next card' }).click();
    await expect
      .poll(async () => (await cardWith(page, 'Team conversation starter')).innerText(), { timeout: 20_000 })
      .toContain(`Card 2 of ${String(total)}`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'playground-team-deck.png'), fullPage: true });

    // The deck belongs to the channel (not the thread the card sits in), started by Kate, on card 2.
    const decks = createTeamDeckStore((kind, partition) => t.store.keyValues(kind, partition));
    const stored = await decks.get(TENANT, teamDeckIdFor(TENANT, CHANNEL));
    expect(stored?.item).toMatchObject({ conversationId: CHANNEL, organiserId: KATE, position: 1, status: 'open' });
    expect(unexpectedOffline(t.offline)).toEqual([]);
  }, 180_000);
});
