import { AppError } from '@pc/core';
import { describe, expect, it } from 'vitest';
import { cachedMeetingMembers } from './meeting-members.ts';

describe('a meeting chat’s members, reused for a short while', () => {
  const setup = () => {
    let clock = 0;
    let reads = 0;
    let members = ['mgr', 'sam'];
    let fail = false;
    const cached = cachedMeetingMembers(
      {
        membersOf: () => {
          reads += 1;
          return fail ? Promise.reject(new AppError('unavailable', 'Graph is down')) : Promise.resolve(members);
        },
      },
      { ttlMs: 30_000, now: () => clock },
    );
    return {
      cached,
      reads: () => reads,
      tick: (ms: number) => (clock += ms),
      set: (next: string[]) => (members = next),
      failing: (on: boolean) => (fail = on),
    };
  };

  it('a stage asking every few seconds reaches Graph once per 30 seconds, and then sees who left', async () => {
    const s = setup();
    for (let i = 0; i < 9; i += 1) {
      expect(await s.cached.membersOf('t', 'chat')).toEqual(['mgr', 'sam']);
      s.tick(3_000);
    }
    expect(s.reads()).toBe(1);
    s.set(['mgr']);
    s.tick(3_000);
    expect(await s.cached.membersOf('t', 'chat')).toEqual(['mgr']);
    expect(s.reads()).toBe(2);
    expect(await s.cached.membersOf('t', 'other-chat')).toEqual(['mgr']);
    expect(s.reads()).toBe(3);
  });

  it('a fresh read (a change to the deck) asks Graph every time and renews what the stage sees', async () => {
    const s = setup();
    expect(await s.cached.membersOf('t', 'chat')).toEqual(['mgr', 'sam']);
    s.set(['mgr']);
    expect(await s.cached.membersOf('t', 'chat', { fresh: true })).toEqual(['mgr']);
    expect(await s.cached.membersOf('t', 'chat', { fresh: true })).toEqual(['mgr']);
    expect(s.reads()).toBe(3);
    expect(await s.cached.membersOf('t', 'chat')).toEqual(['mgr']);
    expect(s.reads()).toBe(3);
  });

  it('a failed read is not remembered: the next one asks Graph again', async () => {
    const s = setup();
    s.failing(true);
    await expect(s.cached.membersOf('t', 'chat')).rejects.toThrow('Graph is down');
    s.failing(false);
    expect(await s.cached.membersOf('t', 'chat')).toEqual(['mgr', 'sam']);
    expect(s.reads()).toBe(2);
  });
});
