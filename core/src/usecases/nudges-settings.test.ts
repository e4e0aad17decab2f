import { inMemoryRepositories, RecordingNoticeQueue } from '@pc/testing/fakes/memory/index.ts';
import { describe, expect, it } from 'vitest';
import type { Employee } from '../domain/people.ts';
import { employee, job, tenantFor, TENANT_ID } from '../engine/fixtures.test-support.ts';
import { fixedClock } from '../time/clock.ts';
import type { UseCaseDeps } from './deps.ts';
import { queueTimelyNudges } from './nudges.ts';
import {
  getMyNudgeSettings,
  NO_NUDGE_SETTINGS_ETAG,
  saveMyNudgeSettings,
  type MyNudgeSettingsInput,
} from './nudges-settings.ts';
import { logFeedback } from './feedback.ts';
import { checkinsEvery } from './checkins.test-support.ts';

const T = TENANT_ID;
const tenant = tenantFor('assembly-secretariat');
const person = (id: string, name: string, managerIds: string[]): Employee =>
  employee({ id, displayName: name, email: `${id}@example.test`, jobs: [job({ managerIds })] });
const sam = { tenantId: T, userId: 'sam' };
// Thursday 13 May 2027, London on BST (UTC+1).
const MORNING = '2027-05-13T09:00:00.000Z';

const NOTE_ABOUT_SAM = {
  subjectId: 'sam',
  kind: 'advice' as const,
  text: 'Nice',
  visibility: 'pair' as const,
  addToAgenda: false,
};

const setup = async () => {
  const repos = inMemoryRepositories();
  await repos.tenants.put(tenant);
  await repos.employees.create(person('mgr', 'Morgan Lee', []));
  await repos.employees.create(person('sam', 'Sam Patel', ['mgr']));
  const notices = new RecordingNoticeQueue();
  const at = (now: string): UseCaseDeps => ({ repos, clock: fixedClock(now), newId: () => 'note-1', notices });
  return { repos, queued: notices.queued, at };
};

const choices = (overrides: Partial<MyNudgeSettingsInput> = {}): MyNudgeSettingsInput => ({
  nudges: { preparation: true, 'note-told': true, digest: true, deadline: true },
  channel: 'chat',
  quietHours: null,
  namedAnswers: false,
  ...overrides,
});

const code = async (p: Promise<unknown>): Promise<string | undefined> =>
  p.then(
    () => undefined,
    (e: unknown) => (e as { code?: string }).code,
  );

describe('my settings', () => {
  it('starts from every nudge in the chat, the organisation’s quiet hours and unnamed deck answers', async () => {
    const { at } = await setup();
    expect(await getMyNudgeSettings(at(MORNING), sam)).toEqual({
      nudges: { preparation: true, 'note-told': true, digest: true, deadline: true },
      channel: 'chat',
      activityFeedAvailable: false,
      quietHours: null,
      organisationQuietHours: { start: '18:00', end: '08:00', days: [6, 7] },
      namedAnswers: false,
      checkinCadence: 'organisation',
      organisationCheckinEveryWeeks: 1,
      etag: NO_NUDGE_SETTINGS_ETAG,
    });
  });

  it('keeps a chosen check-in cadence until changed, and follows the organisation’s again when asked', async () => {
    const { repos, at } = await setup();
    await repos.tenants.put(checkinsEvery(2)(tenant));
    expect((await getMyNudgeSettings(at(MORNING), sam)).organisationCheckinEveryWeeks).toBe(2);
    const first = await saveMyNudgeSettings(
      at(MORNING),
      sam,
      choices({ checkinCadence: 'monthly' }),
      NO_NUDGE_SETTINGS_ETAG,
    );
    expect(first.checkinCadence).toBe('monthly');
    // A save from a page that does not send the cadence leaves it as it was.
    const second = await saveMyNudgeSettings(at(MORNING), sam, choices({ namedAnswers: true }), first.etag);
    expect(second.checkinCadence).toBe('monthly');
    const third = await saveMyNudgeSettings(at(MORNING), sam, choices({ checkinCadence: 'organisation' }), second.etag);
    expect(third.checkinCadence).toBe('organisation');
    expect((await repos.nudges.get(T, 'sam'))?.checkinCadence).toBeUndefined();
  });

  it('saves against the version loaded, keeps a snooze, and refuses a stale save with a message saying what to do', async () => {
    const { repos, at } = await setup();
    await repos.nudges.put({ tenantId: T, id: 'sam', optedOut: false, snoozedUntil: '2027-05-20', updatedAt: MORNING });
    const loaded = await getMyNudgeSettings(at(MORNING), sam);
    const saved = await saveMyNudgeSettings(
      at(MORNING),
      sam,
      choices({ namedAnswers: true, quietHours: { start: '12:00', end: '13:00' } }),
      loaded.etag,
    );
    expect(saved.namedAnswers).toBe(true);
    expect(saved.quietHours).toEqual({ start: '12:00', end: '13:00' });
    expect((await repos.nudges.get(T, 'sam'))?.snoozedUntil).toBe('2027-05-20');
    const stale = saveMyNudgeSettings(at(MORNING), sam, choices(), loaded.etag);
    await expect(stale).rejects.toThrow(/changed somewhere else since this page loaded.*Reload/);
    expect(await code(saveMyNudgeSettings(at(MORNING), sam, choices(), NO_NUDGE_SETTINGS_ETAG))).toBe('conflict');
    expect((await getMyNudgeSettings(at(MORNING), sam)).namedAnswers).toBe(true);
  });

  it('refuses the activity feed where it is not available, and quiet hours that start when they end', async () => {
    const { at } = await setup();
    const deps = at(MORNING);
    expect(
      await code(saveMyNudgeSettings(deps, sam, choices({ channel: 'activity-feed' }), NO_NUDGE_SETTINGS_ETAG)),
    ).toBe('validation');
    const empty = choices({ quietHours: { start: '09:00', end: '09:00' } });
    expect(await code(saveMyNudgeSettings(deps, sam, empty, NO_NUDGE_SETTINGS_ETAG))).toBe('validation');
  });

  it('where the feed is available a person may choose it, and the run marks their nudges for the feed', async () => {
    const { queued, at } = await setup();
    const withFeed = (now: string): UseCaseDeps => ({ ...at(now), activityFeed: { notify: () => Promise.resolve() } });
    expect((await getMyNudgeSettings(withFeed(MORNING), sam)).activityFeedAvailable).toBe(true);
    await saveMyNudgeSettings(withFeed(MORNING), sam, choices({ channel: 'activity-feed' }), NO_NUDGE_SETTINGS_ETAG);
    await logFeedback(at(MORNING), { tenantId: T, userId: 'mgr' }, NOTE_ABOUT_SAM, 'n1');
    await queueTimelyNudges(withFeed(MORNING), T);
    const toSam = queued.filter((n) => n.personId === 'sam');
    expect(toSam).toHaveLength(1);
    expect(toSam[0]?.id.startsWith('feed-')).toBe(true);
  });

  it('the nudge run honours the choices: a turned-off nudge is not sent; own quiet hours add to the organisation’s', async () => {
    const { queued, at } = await setup();
    await logFeedback(at(MORNING), { tenantId: T, userId: 'mgr' }, NOTE_ABOUT_SAM, 'n1');
    await saveMyNudgeSettings(
      at(MORNING),
      sam,
      choices({ quietHours: { start: '20:00', end: '07:00' } }),
      NO_NUDGE_SETTINGS_ETAG,
    );
    // 19:30 in London: the organisation's quiet hours still hold though Sam's own start at 20:00.
    await queueTimelyNudges(at('2027-05-13T18:30:00.000Z'), T);
    expect(queued).toEqual([]);
    const loaded = await getMyNudgeSettings(at(MORNING), sam);
    await saveMyNudgeSettings(
      at(MORNING),
      sam,
      choices({ nudges: { preparation: true, 'note-told': false, digest: true, deadline: true } }),
      loaded.etag,
    );
    await queueTimelyNudges(at(MORNING), T);
    expect(queued.filter((n) => JSON.stringify(n.card).includes('A note about you'))).toEqual([]);
  });
});
