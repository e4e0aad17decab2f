import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { buildPackageFiles, validatePackage, zipPackage, type PackageFiles } from './app-package.ts';
import { colorIcon, outlineIcon } from './icons.ts';
import type { Issue } from './issues.ts';
import { compileSchema } from './schema.ts';
import { TemplateError } from './template.ts';

const schema = compileSchema();
const PROD_ENV = {
  TEAMS_APP_ID: '6f1c8a52-3d0e-4b7a-9c41-2e5d8f7a1b33',
  APP_ID: 'c0ffee00-1234-4abc-8def-0123456789ab',
  BOT_ID: 'c0ffee00-1234-4abc-8def-0123456789ab',
  PUBLIC_HOSTNAME: 'conversations.example.org',
  APP_VERSION: '1.4.2',
  DEVELOPER_NAME: 'People Services',
};

/** The parts of manifest.json these tests read or break. */
interface Manifest {
  id: string;
  version: string;
  name: { short: string };
  developer: { name: string };
  bots: {
    botId: string;
    scopes: string[];
    supportsCalling: boolean;
    supportsTelepathy?: boolean;
    commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[];
  }[];
  staticTabs: { contentUrl: string }[];
  configurableTabs: { context: string[]; configurationUrl: string; meetingSurfaces: string[] }[];
  authorization: { permissions: { resourceSpecific: { name: string; type: string }[] } };
  extensions: { runtimes: { code: { page: string } }[]; ribbons: { contexts: string[] }[] }[];
  webApplicationInfo: { resource: string };
}

const prodFiles = async (): Promise<PackageFiles & { manifest: Manifest }> =>
  (await buildPackageFiles('prod', PROD_ENV)) as PackageFiles & { manifest: Manifest };

const check = async (files: PackageFiles, botRegistrationId = PROD_ENV.BOT_ID): Promise<Issue[]> =>
  validatePackage(await zipPackage(files), { appEnv: 'prod', botRegistrationId }, schema);

const mutated = async (change: (m: Manifest) => void): Promise<Issue[]> => {
  const files = await prodFiles();
  change(files.manifest);
  return check(files);
};

const rules = (issues: Issue[]): string[] => issues.map((i) => i.rule);

describe('app package', () => {
  it('a prod package built from the template passes schema, store and icon rules', async () => {
    expect(await check(await prodFiles())).toEqual([]);
  });

  it('the local package builds without any environment and passes', async () => {
    const files = await buildPackageFiles('local', {});
    expect(await validatePackage(await zipPackage(files), { appEnv: 'local' }, schema)).toEqual([]);
  });

  it('the zip holds exactly manifest.json, color.png and outline.png at its root', async () => {
    const zip = await JSZip.loadAsync(await zipPackage(await prodFiles()));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
  });

  it('packaging for prod names every missing setting instead of using local defaults', async () => {
    await expect(buildPackageFiles('prod', { APP_VERSION: '1.0.0' })).rejects.toThrow(TemplateError);
    await expect(buildPackageFiles('prod', { APP_VERSION: '1.0.0' })).rejects.toThrow(
      /TEAMS_APP_ID, APP_ID, BOT_ID, PUBLIC_HOSTNAME/,
    );
  });

  it('a value with quotes cannot break out of its JSON string', async () => {
    const files = await buildPackageFiles('prod', { ...PROD_ENV, DEVELOPER_NAME: 'Ops "A" \\ Team' });
    expect((files.manifest as Manifest).developer.name).toBe('Ops "A" \\ Team');
  });
});

describe('manifest content others rely on', () => {
  it('declares the six bot commands in every scope, team starters in teams and group chats, and never calling', async () => {
    const { manifest } = await prodFiles();
    const bot = manifest.bots[0]!;
    expect(bot.supportsCalling).toBe(false);
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    const six = ['due', 'feedback', 'help', 'objectives', 'prepare', 'starter'];
    for (const list of bot.commandLists) {
      const titles = list.commands.map((c) => c.title);
      const shared = list.scopes.includes('team') || list.scopes.includes('groupChat');
      expect(titles.sort()).toEqual(shared ? [...six, 'team starters'].sort() : six);
    }
  });

  it('declares the meeting side panel and stage, and only the resource-specific permissions the app uses', async () => {
    const { manifest } = await prodFiles();
    const tab = manifest.configurableTabs[0]!;
    expect(tab.context).toEqual(expect.arrayContaining(['meetingSidePanel', 'meetingStage']));
    expect(tab.meetingSurfaces).toEqual(['sidePanel', 'stage']);
    // Meeting start and end events reach the bot only with OnlineMeeting.ReadBasic.Chat; the side panel shares the
    // team deck to the stage with MeetingStage.Write.Chat (ChannelMeetingStage.Write.Group in a channel meeting);
    // the add-in needs the mailbox one; the meeting's deck is open only to the chat's members (ChatMember.Read.Chat).
    expect(manifest.authorization.permissions.resourceSpecific.map((p) => p.name).sort()).toEqual([
      'ChannelMeetingStage.Write.Group',
      'ChatMember.Read.Chat',
      'MailboxItem.ReadWrite.User',
      'MeetingStage.Write.Chat',
      'OnlineMeeting.ReadBasic.Chat',
    ]);
  });

  it('offers the team tab in meetings and the add-in on appointment organizer and attendee surfaces', async () => {
    const { manifest } = await prodFiles();
    expect(manifest.configurableTabs[0]!.context).toEqual(
      expect.arrayContaining([
        'meetingSidePanel',
        'meetingChatTab',
        'meetingDetailsTab',
        'channelTab',
        'privateChatTab',
      ]),
    );
    expect(manifest.configurableTabs[0]!.configurationUrl).toBe('https://conversations.example.org/tab/config.html');
    const ext = manifest.extensions[0]!;
    expect(ext.runtimes[0]!.code.page).toBe('https://conversations.example.org/addin/taskpane.html');
    expect(ext.ribbons.flatMap((r) => r.contexts)).toEqual(['meetingDetailsOrganizer', 'meetingDetailsAttendee']);
    expect(manifest.webApplicationInfo.resource).toBe(`api://conversations.example.org/${PROD_ENV.APP_ID}`);
  });
});

describe('a broken manifest is rejected with a clear message', () => {
  it('a short name over 30 characters', async () => {
    const issues = await mutated((m) => (m.name.short = 'Performance Conversations for Everyone'));
    expect(issues).toContainEqual(
      expect.objectContaining({
        rule: 'length',
        path: '/name/short',
        message: expect.stringMatching(/at most 30/) as string,
      }),
    );
    expect(rules(issues)).toContain('schema');
  });

  it('an http URL', async () => {
    const issues = await mutated((m) => (m.staticTabs[0]!.contentUrl = 'http://conversations.example.org/tab/'));
    expect(issues).toContainEqual(expect.objectContaining({ rule: 'https', path: '/staticTabs/0/contentUrl' }));
  });

  it('a URL whose host is not in validDomains', async () => {
    const issues = await mutated(
      (m) => (m.extensions[0]!.runtimes[0]!.code.page = 'https://elsewhere.example.com/p.html'),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({
        rule: 'valid-domain',
        message: expect.stringContaining('elsewhere.example.com') as string,
      }),
    );
  });

  it('localhost in a production package', async () => {
    const files = await buildPackageFiles('prod', { ...PROD_ENV, PUBLIC_HOSTNAME: 'localhost:3978' });
    expect(rules(await check(files))).toContain('no-localhost');
  });

  it('a command title over 32 characters and a description over 128', async () => {
    const issues = await mutated((m) => {
      m.bots[0]!.commandLists[0]!.commands[0]!.title = 'help me with everything that is due';
      m.bots[0]!.commandLists[0]!.commands[1]!.description = 'x'.repeat(129);
    });
    expect(issues.filter((i) => i.rule === 'commands').map((i) => i.path)).toEqual([
      '/bots/0/commandLists/0/commands/0/title',
      '/bots/0/commandLists/0/commands/1/description',
    ]);
  });

  it('a bot id that is not the Azure Bot registration', async () => {
    const issues = await mutated((m) => (m.bots[0]!.botId = '11111111-2222-4333-8444-555555555555'));
    expect(issues).toContainEqual(expect.objectContaining({ rule: 'bot-registration', path: '/bots/0/botId' }));
  });

  it('an id that is not a GUID', async () => {
    const issues = await mutated((m) => (m.id = 'performance-conversations'));
    expect(issues).toContainEqual(expect.objectContaining({ rule: 'guid', path: '/id' }));
  });

  it('an SSO resource that is not api://{host}/{app id}', async () => {
    const issues = await mutated((m) => (m.webApplicationInfo.resource = 'api://conversations.example.org/other'));
    expect(issues).toContainEqual(expect.objectContaining({ rule: 'sso-resource' }));
  });

  it('a version that is not semver', async () => {
    const issues = await mutated((m) => (m.version = '1.4'));
    expect(issues).toContainEqual(expect.objectContaining({ rule: 'semver', path: '/version' }));
  });

  it('an unknown property, caught by the bundled schema', async () => {
    const issues = await mutated((m) => (m.bots[0]!.supportsTelepathy = true));
    expect(issues).toContainEqual(
      expect.objectContaining({
        rule: 'schema',
        path: '/bots/0',
        message: expect.stringContaining('supportsTelepathy') as string,
      }),
    );
  });

  it('a placeholder left unfilled', async () => {
    const issues = await mutated((m) => (m.developer.name = '${{DEVELOPER_NAME}}'));
    expect(issues).toContainEqual(expect.objectContaining({ rule: 'placeholder', path: '/developer/name' }));
  });
});

describe('package layout and icons', () => {
  const rezip = async (edit: (zip: JSZip) => void): Promise<Issue[]> => {
    const zip = await JSZip.loadAsync(await zipPackage(await prodFiles()));
    edit(zip);
    const bytes = await zip.generateAsync({ type: 'nodebuffer' });
    return validatePackage(bytes, { appEnv: 'prod', botRegistrationId: PROD_ENV.BOT_ID }, schema);
  };

  it('an extra file or a file inside a folder', async () => {
    const issues = await rezip((zip) => {
      zip.file('notes.txt', 'x');
    });
    expect(issues).toContainEqual(expect.objectContaining({ rule: 'zip', path: 'notes.txt' }));
    const nested = await rezip((zip) => {
      const manifest = zip.file('manifest.json')!;
      zip.remove('manifest.json');
      zip.file('app/manifest.json', manifest.async('nodebuffer'));
    });
    expect(nested).toEqual([expect.objectContaining({ rule: 'zip', path: 'manifest.json' })]);
  });

  it('a missing icon', async () => {
    const issues = await rezip((zip) => zip.remove('outline.png'));
    expect(issues).toContainEqual(expect.objectContaining({ rule: 'zip', path: 'outline.png' }));
  });

  it('a colour icon of the wrong size', async () => {
    const files = await prodFiles();
    expect(await check({ ...files, color: colorIcon(96) })).toContainEqual(
      expect.objectContaining({
        rule: 'icon-size',
        path: 'color.png',
        message: expect.stringContaining('96×96') as string,
      }),
    );
  });

  it('an outline icon with an opaque background or a colour', async () => {
    const files = await prodFiles();
    const opaque = await check({ ...files, outline: colorIcon(32) });
    expect(rules(opaque)).toEqual(expect.arrayContaining(['outline-transparency', 'outline-white']));
    const tinted = PNG.sync.read(outlineIcon());
    const firstVisible = tinted.data.findIndex((_, i) => i % 4 === 3 && tinted.data[i] === 255) - 3;
    tinted.data[firstVisible] = 200;
    expect(rules(await check({ ...files, outline: PNG.sync.write(tinted) }))).toEqual(['outline-white']);
  });

  it('a file that is not a PNG', async () => {
    const files = await prodFiles();
    expect(await check({ ...files, color: Buffer.from('not a png') })).toContainEqual(
      expect.objectContaining({ rule: 'icon-format', path: 'color.png' }),
    );
  });
});
