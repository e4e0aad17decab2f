/**
 * Issue #22, share to stage: in a team meeting the side panel starts the team deck, shares it to
 * the meeting stage (only where Teams says the app may), draws the next card and ends it with a
 * summary of themes; the stage follows. The tab runs as Teams hosts it: a stand-in for the Teams
 * client answers TeamsJS's messages (the mobile bridge, `window.nativeInterface`) with the frame
 * context, the meeting's chat id and a real token, and records what the tab asks it to share.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerTeamDeck, teamDeckIdFor, type UseCaseDeps } from '@pc/core/usecases';
import { createTeamDeckStore } from '../../bot/src/cosmos/team-deck-store.ts';
import { saveScreenshot, seriousAxeViolations } from '../support/browser.ts';
import { useTabTest } from '../support/tab-test.ts';
import { api } from './api-helpers.ts';

const CHAT = '19:meeting_team-away-day-stage@thread.v2';
const ANSWER = 'We cover for each other without being asked';

interface HostSetup {
  readonly frameContext: 'sidePanel' | 'meetingStage';
  readonly chatId: string;
  readonly userId: string;
  readonly tenantId: string;
  readonly token: string;
  readonly mayShare: boolean;
}

/**
 * The Teams client's side of TeamsJS's bridge: initialize, the context, a token, the stage-sharing
 * capability and the share itself (recorded in `window.stageShares`); anything else is acknowledged.
 */
const teamsHost = (setup: HostSetup): void => {
  const w = window as unknown as {
    nativeInterface: { framelessPostMessage(message: string): void };
    onNativeMessage?: (event: { data: unknown }) => void;
    stageShares: string[];
  };
  w.stageShares = [];
  const context = {
    locale: 'en-gb',
    theme: 'default',
    entityId: '',
    frameContext: setup.frameContext,
    chatId: setup.chatId,
    meetingId: 'meeting-id',
    userObjectId: setup.userId,
    tid: setup.tenantId,
  };
  const answer = (func: string, args: unknown[]): unknown[] => {
    switch (func) {
      case 'initialize':
        return [setup.frameContext, 'web', JSON.stringify({ apiVersion: 4, supports: { meeting: {} } }), '2.0.0'];
      case 'getContext':
        return [context];
      case 'authentication.getAuthToken':
        return [true, setup.token];
      case 'meeting.getAppContentStageSharingCapabilities':
        return [null, { doesAppHaveSharePermission: setup.mayShare }];
      case 'meeting.shareAppContentToStage':
        w.stageShares.push(String(args[0]));
        return [null, true];
      default:
        return [];
    }
  };
  w.nativeInterface = {
    framelessPostMessage: (message) => {
      const request = JSON.parse(message) as { id: number; uuidAsString?: string; func: string; args?: unknown[] };
      const args = answer(request.func, request.args ?? []);
      // TeamsJS registers its callback after sending: answer on a later turn, as the real client does.
      setTimeout(() => {
        w.onNativeMessage?.({ data: { id: request.id, uuidAsString: request.uuidAsString, args } });
      }, 0);
    },
  };
};

describe('the team deck shared to a meeting’s stage, run from the side panel', () => {
  const t = useTabTest({ tenant: 1 });
  // Who is in the team's meeting, as Graph lists the meeting chat's members; person 10 is not.
  beforeAll(() => {
    t.stack.graph.setChatMembers(
      CHAT,
      [6, 7, 8, 9].map((n) => t.who(n).id),
    );
  });
  const chatPage = async (
    n: number,
    frameContext: HostSetup['frameContext'],
    url: string,
    mayShare = true,
  ): Promise<Page> => {
    const person = t.who(n);
    const page = await t.fresh();
    await page.addInitScript(teamsHost, {
      frameContext,
      chatId: CHAT,
      userId: person.id,
      tenantId: person.tenantId,
      token: await t.stack.tokenFor(person.id),
      mayShare,
    } satisfies HostSetup);
    await page.goto(url);
    return page;
  };
  const sidePanel = (n: number, mayShare = true) => chatPage(n, 'sidePanel', `${t.stack.baseUrl}/tab/`, mayShare);
  const deckNow = async (n: number): Promise<{ card: { title: string }; total: number }> =>
    (await api(t.stack, t.who(n).id, 'GET', `/api/v1/meetings/${encodeURIComponent(CHAT)}/deck`)).json as {
      card: { title: string };
      total: number;
    };

  it('the organiser starts the deck and shares it; the stage follows each card and ends with the themes, without names', async () => {
    const panel = await sidePanel(6);
    await panel.getByRole('heading', { level: 2, name: 'Team starters' }).waitFor();
    await panel.getByRole('button', { name: 'Start a deck for this meeting' }).click();
    await panel.getByText(/^Card 1 of \d+$/).waitFor();
    const first = await deckNow(6);
    expect(first.total).toBeGreaterThan(2);
    await panel.getByRole('heading', { level: 3, name: first.card.title }).waitFor();
    expect(await seriousAxeViolations(panel)).toEqual([]);

    await panel.getByRole('button', { name: 'Share to stage' }).click();
    await panel.getByText('Shared to the stage.').waitFor();
    const shares = await panel.evaluate(() => (window as unknown as { stageShares: string[] }).stageShares);
    expect(shares).toEqual([`${t.stack.baseUrl}/tab/#/meeting/stage`]);
    await saveScreenshot(panel, 'meeting-deck-side-panel-organiser');

    const stage = await chatPage(7, 'meetingStage', shares[0] ?? '');
    await stage.getByRole('heading', { level: 1, name: first.card.title }).waitFor();
    await stage.getByText(`Card 1 of ${String(first.total)}`).waitFor();
    expect(await seriousAxeViolations(stage)).toEqual([]);

    await panel.getByRole('button', { name: 'Next card' }).click();
    await panel.getByText(`Card 2 of ${String(first.total)}`).waitFor();
    const second = await deckNow(6);
    // The stage asks again every few seconds: card 2 arrives without anyone touching it.
    await stage.getByText(`Card 2 of ${String(first.total)}`).waitFor({ timeout: 15_000 });
    await stage.getByRole('heading', { level: 1, name: second.card.title }).waitFor();
    await saveScreenshot(stage, 'meeting-deck-stage-card-2');

    // Someone answers on the meeting chat's shared card, the same deck, with their name to it.
    const teammate = t.who(9);
    const deps = {
      repos: {
        tenants: t.stack.store.tenants,
        teamDecks: createTeamDeckStore((kind, partition) => t.stack.store.keyValues(kind, partition)),
      },
      clock: { now: () => new Date().toISOString(), today: () => new Date().toISOString().slice(0, 10) },
      newId: randomUUID,
    } as unknown as UseCaseDeps;
    const actor = { tenantId: teammate.tenantId, userId: teammate.id, userName: teammate.displayName, mri: '29:t' };
    const deckId = teamDeckIdFor(teammate.tenantId, CHAT);
    await answerTeamDeck(deps, actor, deckId, CHAT, { text: ANSWER, named: true }, 'activity-1');

    await panel.getByRole('button', { name: 'End and summarise' }).click();
    await panel.getByRole('heading', { name: 'Themes from this deck' }).waitFor();
    await stage.getByRole('heading', { level: 1, name: 'Themes from this deck' }).waitFor({ timeout: 15_000 });
    await stage
      .getByRole('list', { name: `What the team said on ${second.card.title}` })
      .getByText(ANSWER)
      .waitFor();
    expect(await stage.getByText(teammate.displayName).count()).toBe(0);
    expect(await seriousAxeViolations(stage)).toEqual([]);
    await saveScreenshot(stage, 'meeting-deck-stage-themes');
    await stage.close();
    await panel.close();
  }, 180_000);

  it('another participant’s side panel shows the card but no control, and the API refuses them the controls', async () => {
    const organiser = await sidePanel(6);
    await organiser.getByRole('button', { name: 'Start a new deck' }).click();
    await organiser.getByRole('button', { name: 'Next card' }).waitFor();
    await organiser.close();

    const panel = await sidePanel(8);
    await panel.getByText(/^Card 1 of \d+$/).waitFor();
    await panel.getByText('The person who started this deck draws the cards').waitFor();
    for (const name of ['Share to stage', 'Next card', 'End and summarise', 'Start a new deck']) {
      expect(await panel.getByRole('button', { name }).count()).toBe(0);
    }
    expect(await seriousAxeViolations(panel)).toEqual([]);
    await saveScreenshot(panel, 'meeting-deck-side-panel-participant');
    await panel.close();

    const base = `/api/v1/meetings/${encodeURIComponent(CHAT)}/deck`;
    const other = t.who(8).id;
    expect((await api(t.stack, other, 'POST', `${base}/next`, { body: { number: 1 } })).status).toBe(403);
    expect((await api(t.stack, other, 'POST', `${base}/end`)).status).toBe(403);
  }, 120_000);

  it('someone from the organisation who is not in the meeting sees only why: no card, no control', async () => {
    const panel = await sidePanel(10);
    await panel
      .getByRole('alert')
      .getByText('Only the people in this meeting can see or run its deck of conversation starters.')
      .waitFor();
    expect(await panel.getByText(/^Card \d+ of \d+$/).count()).toBe(0);
    for (const name of ['Start a deck for this meeting', 'Start a new deck', 'Next card', 'End and summarise']) {
      expect(await panel.getByRole('button', { name }).count()).toBe(0);
    }
    await saveScreenshot(panel, 'meeting-deck-side-panel-outsider');
    await panel.close();
  }, 60_000);

  it('where Teams does not let the app share to the stage, the organiser is not offered it', async () => {
    const panel = await sidePanel(6, false);
    await panel.getByRole('button', { name: 'Next card' }).waitFor();
    expect(await panel.getByRole('button', { name: 'Share to stage' }).count()).toBe(0);
    await panel.close();
  }, 60_000);
});
