/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call -- responses are read as loose JSON */
/**
 * Issue #22, the 1:1 in the meeting: a booked conversation's Teams meeting side panel finds its
 * record from the meeting's chat id and shows the agenda, the starters and the record to the pair
 * only; anyone else in the meeting is told, politely, that the panel is for the two of them. The
 * API over the full local stack, then the tab in headless Chromium with the side panel's frame
 * context and chat id given as Teams would.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, saveScreenshot, signInLocally, type LaunchedBrowser } from '../support/browser.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { api, bookTeamsMeeting, REFERENCE_DATE, who } from './api-helpers.ts';

// Assembly Secretariat (tenant 5, policy 004): manager 6 has 18–21.
const manager = who(5, 6);
const colleague = who(5, 19);
const teammate = who(5, 20);
const AGENDA_ITEM = 'How the new casework system is landing';

describe('the side panel of a booked conversation’s Teams meeting', () => {
  let stack: Stack;
  let browser: LaunchedBrowser;
  let chatId = '';
  let conversationId = '';
  const panel = (as: string, chat = chatId) =>
    api(stack, as, 'GET', `/api/v1/meetings/${encodeURIComponent(chat)}/panel`);
  const person = (id: string) => {
    const found = stack.demo.employees.find((e) => e.id === id);
    if (found === undefined) throw new Error(`demo person ${id} missing`);
    return found;
  };
  const sidePanel = async (as: string): Promise<Page> => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(20_000);
    const url = `${stack.baseUrl}/tab/?frameContext=sidePanel&chatId=${encodeURIComponent(chatId)}#/`;
    await signInLocally(page, url, person(as));
    return page;
  };

  beforeAll(async () => {
    stack = await startStack({ referenceDate: REFERENCE_DATE });
    browser = await launchBrowser();
    ({ chatId, conversationId } = await bookTeamsMeeting(stack, manager, {
      employeeId: colleague,
      start: '2027-05-05T09:00:00.000Z',
      end: '2027-05-05T10:00:00.000Z',
      agenda: [AGENDA_ITEM],
    }));
  }, 120_000);
  afterAll(async () => {
    await browser.close();
    await stack.close();
  });

  it('the API resolves the meeting to its record for each of the pair, and tells a third participant nothing of it', async () => {
    expect(chatId).toMatch(/^19:meeting_.+@thread\.v2$/);
    const mine = await panel(colleague);
    expect(mine.status).toBe(200);
    expect(mine.json).toMatchObject({ kind: 'pair', role: 'employee', employeeId: colleague, conversationId });
    expect(mine.json.agenda.map((a: { text: string }) => a.text)).toContain(AGENDA_ITEM);
    expect(mine.json.starters.length).toBeGreaterThan(0);
    expect(mine.json.otherName).toBe(person(manager).displayName);
    expect((await panel(manager)).json).toMatchObject({ kind: 'pair', role: 'manager', conversationId });

    const other = await panel(teammate);
    expect(other.status).toBe(200);
    expect(other.json).toEqual({ kind: 'not-for-you' });
    expect(other.text).not.toContain(AGENDA_ITEM);
    expect((await panel(colleague, '19:meeting_unknown@thread.v2')).json).toEqual({ kind: 'no-conversation' });
    expect((await panel(colleague, '19:general@thread.tacv2')).status).toBe(400);
  });

  it('in the side panel the colleague sees the agenda, the starters and the way to the record', async () => {
    const page = await sidePanel(colleague);
    await page.getByRole('heading', { level: 1, name: new RegExp(` with ${person(manager).displayName}$`) }).waitFor();
    await page.getByRole('list', { name: 'Agenda' }).getByText(AGENDA_ITEM).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Conversation starters' }).waitFor();
    const link = page.getByRole('link', { name: 'Open the record form' });
    expect(await link.getAttribute('href')).toBe(
      `${stack.baseUrl}/tab/#/conversations/${encodeURIComponent(colleague)}/${encodeURIComponent(conversationId)}`,
    );
    await saveScreenshot(page, 'meeting-side-panel-pair');
    await page.close();
  });

  it('a third participant in the same meeting is told politely that the panel is for the two of them', async () => {
    const page = await sidePanel(teammate);
    await page.getByText('This panel is for the two people in this conversation').waitFor();
    expect(await page.getByText(AGENDA_ITEM).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Open the record form' }).count()).toBe(0);
    await saveScreenshot(page, 'meeting-side-panel-third-participant');
    await page.close();
  });
});
