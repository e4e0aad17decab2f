import { describe, expect, it } from 'vitest';
import { SCHEME_IDS } from '../domain/people.ts';
import { capabilityReferral, objectiveRecordingRequirement } from './objective-recording.ts';

const settled = { probation: { status: 'passed' as const }, jobs: [{}] };

describe('004 recording objectives', () => {
  it('004: recording is optional and the line manager has the final say', () => {
    const r = objectiveRecordingRequirement('assembly-secretariat', settled);
    expect(r).toMatchObject({ required: false, decidedBy: 'manager', because: [] });
    expect(r.reason).toMatch(/final decision/);
  });
  it('004: objectives must be recorded during probation', () => {
    const r = objectiveRecordingRequirement('assembly-secretariat', {
      ...settled,
      probation: { status: 'in-probation' },
    });
    expect(r).toMatchObject({ required: true, because: ['probation'] });
    expect(r.reason).toMatch(/probation/);
  });
  it('004: an extended probation still requires recording', () => {
    expect(
      objectiveRecordingRequirement('assembly-secretariat', { ...settled, probation: { status: 'extended' } }).required,
    ).toBe(true);
  });
  it('004: objectives must be recorded when deputising or temporarily promoted', () => {
    const r = objectiveRecordingRequirement('assembly-secretariat', { ...settled, jobs: [{}, { actingUp: true }] });
    expect(r).toMatchObject({ required: true, because: ['acting-up'] });
  });
  it('004: both reasons are given when both apply', () => {
    const r = objectiveRecordingRequirement('assembly-secretariat', {
      probation: { status: 'in-probation' },
      jobs: [{ actingUp: true }],
    });
    expect(r.because).toEqual(['probation', 'acting-up']);
  });
  it('002: other schemes always record objectives', () => {
    expect(objectiveRecordingRequirement('bexley-pms', settled)).toMatchObject({ required: true, decidedBy: 'pair' });
  });
});

describe('capability concerns', () => {
  it.each(SCHEME_IDS)('%s refers capability concerns out of the conversation tooling', (scheme) => {
    expect(capabilityReferral(scheme)).toMatchObject({
      refer: true,
      message: expect.stringMatching(/capability/i) as unknown,
    });
  });
});
