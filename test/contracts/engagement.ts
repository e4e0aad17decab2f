import type { NudgeSettingsStore, StarterState, StarterStore, StoredNudgeSettings } from '@pc/core/usecases';
import { describe, expect, it } from 'vitest';
import { minute, newTenantId } from './fixtures.ts';
import { rejectionCode } from './shared.ts';

const starter = (tenantId: string, id: string, overrides: Partial<StarterState> = {}): StarterState => ({
  tenantId,
  id,
  audience: 'pair',
  topicIds: ['wellbeing'],
  participantIds: ['emp-1', 'mgr-1'],
  answers: [],
  createdAt: minute(0),
  ...overrides,
});

const answered = (state: StarterState, text: string): StarterState => ({
  ...state,
  answers: [...state.answers, { topicId: 'wellbeing', authorId: 'emp-1', authorName: 'Sam', text, activityId: text }],
});

export const starterStoreContract = (open: () => StarterStore): void => {
  describe('StarterStore', () => {
    it('creates once: a second create of the same starter says false and changes nothing', async () => {
      const store = open();
      const tenantId = newTenantId();
      expect(await store.create(starter(tenantId, 's1'))).toBe(true);
      expect(await store.create(starter(tenantId, 's1', { audience: 'team' }))).toBe(false);
      expect((await store.get(tenantId, 's1'))?.item).toEqual(starter(tenantId, 's1'));
      expect(await store.get(tenantId, 'never-posted')).toBeUndefined();
    });

    it('replaces with the current version and refuses a stale one as a conflict', async () => {
      const store = open();
      const tenantId = newTenantId();
      await store.create(starter(tenantId, 's1'));
      const first = await store.get(tenantId, 's1');
      if (first === undefined) throw new Error('the starter was not stored');
      await store.replace(answered(first.item, 'first answer'), first.etag);
      expect(await rejectionCode(store.replace(answered(first.item, 'late answer'), first.etag))).toBe('conflict');
      expect((await store.get(tenantId, 's1'))?.item.answers.map((a) => a.text)).toEqual(['first answer']);
    });

    it('keeps tenants apart when starter ids are equal', async () => {
      const store = open();
      const [a, b] = [newTenantId(), newTenantId()];
      expect(await store.create(starter(a, 's1'))).toBe(true);
      expect(await store.create(starter(b, 's1', { audience: 'team' }))).toBe(true);
      expect((await store.get(a, 's1'))?.item.audience).toBe('pair');
      expect((await store.get(b, 's1'))?.item.audience).toBe('team');
    });
  });
};

const settings = (tenantId: string, id: string, overrides: Partial<StoredNudgeSettings> = {}): StoredNudgeSettings => ({
  tenantId,
  id,
  optedOut: false,
  updatedAt: minute(0),
  ...overrides,
});

export const nudgeSettingsStoreContract = (open: () => NudgeSettingsStore): void => {
  describe('NudgeSettingsStore', () => {
    it('reads back the last settings put, and nothing for someone who never chose', async () => {
      const store = open();
      const tenantId = newTenantId();
      await store.put(settings(tenantId, 'emp-1'));
      await store.put(settings(tenantId, 'emp-1', { optedOut: true, quietHours: { start: '18:00', end: '08:00' } }));
      expect(await store.get(tenantId, 'emp-1')).toEqual(
        settings(tenantId, 'emp-1', { optedOut: true, quietHours: { start: '18:00', end: '08:00' } }),
      );
      expect(await store.get(tenantId, 'emp-2')).toBeUndefined();
    });

    it('reads many people at once: those with settings, only in the tenant asked, past one hundred', async () => {
      const store = open();
      const [a, b] = [newTenantId(), newTenantId()];
      const ids = Array.from({ length: 130 }, (_, i) => `emp-${String(i)}`);
      await Promise.all(ids.filter((_, i) => i % 2 === 0).map((id) => store.put(settings(a, id))));
      await store.put(settings(b, 'emp-1'));
      const found = (await store.getMany?.(a, ids)) ?? [];
      expect(found.map((s) => s.id).sort()).toEqual(ids.filter((_, i) => i % 2 === 0).sort());
      expect(found.every((s) => s.tenantId === a)).toBe(true);
    });

    it('keeps tenants apart when person ids are equal', async () => {
      const store = open();
      const [a, b] = [newTenantId(), newTenantId()];
      await store.put(settings(a, 'emp-1', { optedOut: true }));
      await store.put(settings(b, 'emp-1'));
      expect((await store.get(a, 'emp-1'))?.optedOut).toBe(true);
      expect((await store.get(b, 'emp-1'))?.optedOut).toBe(false);
    });

    it('saves against the version read: a stale version or a second first save is a conflict', async () => {
      const store = open();
      const tenantId = newTenantId();
      const first = await store.save(settings(tenantId, 'emp-1', { mutedNudges: ['digest'] }), undefined);
      expect(await rejectionCode(store.save(settings(tenantId, 'emp-1'), undefined))).toBe('conflict');
      const read = await store.read(tenantId, 'emp-1');
      expect(read?.etag).toBe(first.etag);
      await store.save(settings(tenantId, 'emp-1', { channel: 'activity-feed' }), first.etag);
      expect(await rejectionCode(store.save(settings(tenantId, 'emp-1', { optedOut: true }), first.etag))).toBe(
        'conflict',
      );
      expect((await store.get(tenantId, 'emp-1'))?.channel).toBe('activity-feed');
      expect(await store.read(tenantId, 'emp-2')).toBeUndefined();
    });
  });
};
