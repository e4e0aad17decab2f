import { UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { checkGraphPermissions, rolesOf } from './permission-check.ts';

/** An app-only token as Entra shapes it; unsigned, as the check reads claims only. */
const appToken = (roles?: readonly string[]): string =>
  new UnsecuredJWT({ idtyp: 'app', aud: 'https://graph.microsoft.com', ...(roles === undefined ? {} : { roles }) })
    .setIssuedAt()
    .encode();

const recorder = () => {
  const lines: { level: 'info' | 'warn'; details: Record<string, unknown>; message: string }[] = [];
  return {
    lines,
    log: {
      info: (details: object, message: string) => lines.push({ level: 'info', details: { ...details }, message }),
      warn: (details: object, message: string) => lines.push({ level: 'warn', details: { ...details }, message }),
    },
  };
};

describe('#17.12 start-up check of the Microsoft Graph application permissions', () => {
  it('reads the roles claim of an app token', () => {
    expect(rolesOf(appToken(['User.Read.All', 'Mail.Send']))).toEqual(['User.Read.All', 'Mail.Send']);
    expect(rolesOf(appToken())).toEqual([]);
  });

  it('logs one line naming each missing permission and what it is for', async () => {
    const { lines, log } = recorder();
    const reports = await checkGraphPermissions(
      { appToken: () => Promise.resolve(appToken(['User.Read.All'])) },
      ['tenant-a'],
      log,
    );
    expect(reports).toEqual([
      {
        tenantId: 'tenant-a',
        granted: ['User.Read.All'],
        missing: ['Calendars.ReadWrite', 'Application.Read.All', 'TeamsActivity.Send'],
      },
    ]);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.level).toBe('warn');
    expect(lines[0]?.message).toContain('Calendars.ReadWrite (application, for coordinator bookings');
    expect(lines[0]?.message).not.toContain('User.Read.All');
  });

  it('says all is granted when it is, and stays quiet about roles the product does not use', async () => {
    const { lines, log } = recorder();
    await checkGraphPermissions(
      {
        appToken: () =>
          Promise.resolve(
            appToken([
              'Calendars.ReadWrite',
              'User.Read.All',
              'Application.Read.All',
              'TeamsActivity.Send',
              'Sites.Read.All',
            ]),
          ),
      },
      ['tenant-a'],
      log,
    );
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'info',
        details: {
          tenantId: 'tenant-a',
          granted: ['Calendars.ReadWrite', 'User.Read.All', 'Application.Read.All', 'TeamsActivity.Send'],
        },
      }),
    ]);
  });

  it('an app token with no roles at all names every permission; a failed sign-in is one clear line, never a crash', async () => {
    const { lines, log } = recorder();
    await checkGraphPermissions(
      {
        appToken: (tenantId) =>
          tenantId === 'tenant-b' ? Promise.reject(new Error('AADSTS7000215 secret')) : Promise.resolve(appToken()),
      },
      ['tenant-a', 'tenant-b'],
      log,
    );
    expect(lines.map((l) => l.details.missing ?? 'unknown')).toEqual([
      ['Calendars.ReadWrite', 'User.Read.All', 'Application.Read.All', 'TeamsActivity.Send'],
      'unknown',
    ]);
    expect(lines[1]?.message).toMatch(/could not get its own token/);
    expect(JSON.stringify(lines)).not.toContain('AADSTS7000215');
  });
});
