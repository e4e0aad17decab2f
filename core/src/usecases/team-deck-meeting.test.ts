import { inMemoryRepositories } from '@pc/testing/fakes/memory/index.ts';
import { describe, expect, it } from 'vitest';
import type { Employee, Tenant } from '../domain/people.ts';
import { isAppError } from '../errors.ts';
import { fixedClock } from '../time/clock.ts';
import type { UseCaseDeps } from './deps.ts';
import { answerTeamDeck, teamDeckIdFor } from './team-deck.ts';
import { drawNextMeetingCard, endMeetingDeck, meetingDeck, startMeetingDeck } from './team-deck-meeting.ts';

const T = 'tenant-m';
const CHAT = '19:meeting_xyz@thread.v2';
const tenant: Tenant = {
  tenantId: T,
  name: 'Cumbria',
  schemeId: 'cumbria-vip',
  nation: 'england-and-wales',
  timeZone: 'Europe/London',
};
const person = (id: string, displayName: string): Employee => ({
  tenantId: T,
  id,
  displayName,
  email: `${id}@example.test`,
  startDate: '2024-04-01',
  jobs: [],
  leave: [],
  probation: { status: 'passed' },
  managerChanges: [],
  hasOwnPc: true,
  orgRoles: [],
});
const caller = (userId: string) => ({ tenantId: T, userId });

const setup = async (): Promise<UseCaseDeps> => {
  const repos = inMemoryRepositories();
  await repos.tenants.put(tenant);
  await repos.employees.create(person('lead', 'Lee Adams'));
  await repos.employees.create(person('sam', 'Sam Patel'));
  let n = 0;
  return { repos, clock: fixedClock('2027-05-10T09:00:00.000Z'), newId: () => `id-${String((n += 1))}` };
};

const refusal = async (work: Promise<unknown>): Promise<string> => {
  try {
    await work;
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
  return 'none';
};

describe('a meeting’s team deck from its side panel and stage (same deck as the meeting chat’s card)', () => {
  it('whoever starts it runs it: only they draw the next card and end it; everyone sees the same card', async () => {
    const deps = await setup();
    expect(await meetingDeck(deps, caller('sam'), CHAT)).toEqual({ kind: 'none' });
    const started = await startMeetingDeck(deps, caller('lead'), CHAT, 'key-1');
    expect(started).toMatchObject({ kind: 'deck', status: 'open', number: 1, runsIt: true, mayDrawNext: true });
    const seen = await meetingDeck(deps, caller('sam'), CHAT);
    expect(seen).toMatchObject({ kind: 'deck', number: 1, runsIt: false, mayDrawNext: false });
    if (started.kind !== 'deck' || seen.kind !== 'deck') throw new Error('no deck');
    expect(seen.card?.title).toBe(started.card?.title);

    expect(await refusal(drawNextMeetingCard(deps, caller('sam'), CHAT, 1))).toBe('forbidden');
    expect(await refusal(endMeetingDeck(deps, caller('sam'), CHAT))).toBe('forbidden');
    const next = await drawNextMeetingCard(deps, caller('lead'), CHAT, 1);
    expect(next).toMatchObject({ number: 2 });
    // A second press from the same card does not skip one.
    expect(await drawNextMeetingCard(deps, caller('lead'), CHAT, 1)).toMatchObject({ number: 2 });
    expect(await meetingDeck(deps, caller('sam'), CHAT)).toMatchObject({ number: 2 });
  });

  it('ending gives everyone the themes without names, from answers given on the shared card', async () => {
    const deps = await setup();
    await startMeetingDeck(deps, caller('lead'), CHAT, 'key-1');
    const id = teamDeckIdFor(T, CHAT);
    const sam = { ...caller('sam'), userName: 'Sam Patel', mri: '29:sam' };
    await answerTeamDeck(deps, sam, id, CHAT, { text: 'We back each other up', named: true }, 'act-1');
    const open = await meetingDeck(deps, caller('sam'), CHAT);
    expect(open).toMatchObject({ themes: [] });
    const ended = await endMeetingDeck(deps, caller('lead'), CHAT);
    expect(ended).toMatchObject({ status: 'ended', themes: [{ answers: ['We back each other up'] }] });
    expect(JSON.stringify(await meetingDeck(deps, caller('sam'), CHAT))).not.toContain('Sam Patel');
    expect(await refusal(drawNextMeetingCard(deps, caller('lead'), CHAT, 1))).toBe('validation');
    // A new deck starts after the old one ended, run by whoever starts it.
    expect(await startMeetingDeck(deps, caller('sam'), CHAT, undefined)).toMatchObject({
      status: 'open',
      runsIt: true,
      themes: [],
    });
  });

  it('someone outside the organisation’s directory is refused', async () => {
    const deps = await setup();
    expect(await refusal(meetingDeck(deps, caller('stranger'), CHAT))).toBe('forbidden');
  });
});
