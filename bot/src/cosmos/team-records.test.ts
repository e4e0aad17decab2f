import { AppError } from '@pc/core';
import type { HandoverNote, TeamThemes } from '@pc/core/usecases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, minute, TENANT_A, TENANT_B, type StoreHarness } from './fixtures.test-support.ts';
import { CosmosHandoverRepository } from './handover-repository.ts';
import { CosmosTeamThemesRepository } from './team-themes-repository.ts';

let harness: StoreHarness;
beforeAll(async () => {
  harness = await openStore();
});
afterAll(async () => {
  await harness.close();
});

const themes = (overrides: Partial<TeamThemes> = {}): TeamThemes => ({
  tenantId: TENANT_A,
  managerId: 'mgr-1',
  period: '2027-Q1',
  trainingNeeds: ['Safeguarding refresher'],
  systemNeeds: [],
  resourcingNeeds: [],
  otherThemes: [],
  summary: 'Team reviews done.',
  updatedAt: minute(1),
  ...overrides,
});

const note = (id: string, at: number): HandoverNote => ({
  tenantId: TENANT_A,
  id,
  employeeId: 'emp-1',
  jobId: 'job-1',
  fromManagerId: 'mgr-old',
  toManagerId: 'mgr-1',
  strengths: 'Calm under pressure',
  development: '',
  personalGoals: '',
  other: '',
  createdAt: minute(at),
  createdBy: 'mgr-old',
});

describe('Team Themes and handovers in Cosmos', () => {
  it('000 Team Themes: creates once, updates only with the current ETag, never across tenants', async () => {
    const repo = new CosmosTeamThemesRepository(harness.store);
    const first = await repo.put(themes());
    expect(first.item).toEqual(themes());
    await expect(repo.put(themes())).rejects.toMatchObject({ code: 'conflict' });
    const second = await repo.put(themes({ summary: 'Updated' }), first.etag);
    expect((await repo.get(TENANT_A, 'mgr-1'))?.item.summary).toBe('Updated');
    const stale = await repo.put(themes({ summary: 'Stale' }), first.etag).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(AppError);
    expect((stale as AppError).code).toBe('conflict');
    expect((await repo.get(TENANT_A, 'mgr-1'))?.etag).toBe(second.etag);
    expect(await repo.get(TENANT_B, 'mgr-1')).toBeUndefined();
  });

  it('000 Internal Transfers: lists an employee’s handover notes newest first', async () => {
    const repo = new CosmosHandoverRepository(harness.store);
    await repo.create(note('h-1', 1));
    await repo.create(note('h-2', 5));
    const listed = await repo.listForEmployee(TENANT_A, 'emp-1');
    expect(listed.map((n) => n.id)).toEqual(['h-2', 'h-1']);
    expect(await repo.listForEmployee(TENANT_B, 'emp-1')).toEqual([]);
  });
});
