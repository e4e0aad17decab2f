import type { Issue } from './issues.ts';
import type { AppEnv } from './template.ts';

/** Checks the store applies that a JSON schema cannot express. */
export interface RuleContext {
  readonly appEnv: AppEnv;
  /** The Azure Bot registration's app id; the manifest's bot must be that bot. */
  readonly botRegistrationId?: string;
}

export const LIMITS = {
  shortName: 30,
  fullName: 100,
  shortDescription: 80,
  fullDescription: 4000,
  commandTitle: 32,
  commandDescription: 128,
} as const;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const LOCAL_HOSTS = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/i;
const PLACEHOLDER = /\$\{\{[A-Z0-9_]+\}\}/;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Every string leaf with its JSON pointer, so URL and placeholder rules see the whole document. */
const strings = (value: unknown, path = ''): [string, string][] => {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}/${i}`));
  if (isObject(value)) return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}/${k}`));
  return [];
};

const hostMatches = (host: string, domain: string): boolean => {
  const h = host.toLowerCase();
  const d = domain.toLowerCase();
  if (d.startsWith('*.')) return h.endsWith(d.slice(1)) && h.length > d.length - 1;
  return h === d;
};

const idRules = (m: Record<string, unknown>, ctx: RuleContext): Issue[] => {
  const issues: Issue[] = [];
  const guid = (path: string, value: unknown): void => {
    if (typeof value !== 'string' || !GUID.test(value)) issues.push({ rule: 'guid', path, message: 'must be a GUID' });
  };
  guid('/id', m.id);
  const bots = asArray(m.bots);
  bots.forEach((b, i) => {
    if (!isObject(b)) return;
    guid(`/bots/${i}/botId`, b.botId);
    if (ctx.botRegistrationId !== undefined && str(b.botId)?.toLowerCase() !== ctx.botRegistrationId.toLowerCase())
      issues.push({
        rule: 'bot-registration',
        path: `/bots/${i}/botId`,
        message: 'must be the app id of the Azure Bot registration (BOT_ID)',
      });
  });
  const wai = m.webApplicationInfo;
  if (isObject(wai)) {
    guid('/webApplicationInfo/id', wai.id);
    const resource = str(wai.resource);
    const id = str(wai.id) ?? '';
    const ok =
      resource !== undefined && new RegExp(`^api://[^/]+/(botid-)?${id.replace(/-/g, '\\-')}$`, 'i').test(resource);
    if (!ok)
      issues.push({
        rule: 'sso-resource',
        path: '/webApplicationInfo/resource',
        message: 'must be the Application ID URI api://{host}/{webApplicationInfo.id}',
      });
  } else if (bots.length > 0 || asArray(m.staticTabs).length > 0) {
    issues.push({ rule: 'sso-resource', path: '/webApplicationInfo', message: 'is needed for single sign-on' });
  }
  if (ctx.appEnv === 'prod' && str(m.id) === str(isObject(wai) ? wai.id : undefined))
    issues.push({
      rule: 'guid',
      path: '/id',
      message: 'the Teams app id must differ from the Entra app registration id',
    });
  return issues;
};

const urlRules = (m: Record<string, unknown>, ctx: RuleContext): Issue[] => {
  const issues: Issue[] = [];
  const domains = asArray(m.validDomains).filter((d): d is string => typeof d === 'string');
  for (const d of domains) {
    if (ctx.appEnv === 'prod' && LOCAL_HOSTS.test(d))
      issues.push({ rule: 'no-localhost', path: '/validDomains', message: `${d} is not allowed in production` });
  }
  for (const [path, value] of strings(m)) {
    if (path === '/$schema') continue;
    if (PLACEHOLDER.test(value))
      issues.push({ rule: 'placeholder', path, message: `still holds a template placeholder: ${value}` });
    const resourceHost = /^api:\/\/([^/]+)\//.exec(value)?.[1];
    if (resourceHost !== undefined && !domains.some((d) => hostMatches(resourceHost, d)))
      issues.push({ rule: 'valid-domain', path, message: `host ${resourceHost} is not listed in validDomains` });
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || value.startsWith('api://')) continue;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      issues.push({ rule: 'https', path, message: `is not a valid URL: ${value}` });
      continue;
    }
    if (url.protocol !== 'https:') issues.push({ rule: 'https', path, message: `must use https: ${value}` });
    if (!domains.some((d) => hostMatches(url.host, d)))
      issues.push({ rule: 'valid-domain', path, message: `host ${url.host} is not listed in validDomains` });
    if (ctx.appEnv === 'prod' && LOCAL_HOSTS.test(url.host))
      issues.push({ rule: 'no-localhost', path, message: `${url.host} is not allowed in production` });
  }
  return issues;
};

const textRules = (m: Record<string, unknown>): Issue[] => {
  const issues: Issue[] = [];
  const max = (path: string, value: unknown, limit: number, what: string): void => {
    if (typeof value === 'string' && value.length > limit)
      issues.push({ rule: 'length', path, message: `${what} must be at most ${limit} characters, is ${value.length}` });
  };
  const name = isObject(m.name) ? m.name : {};
  const description = isObject(m.description) ? m.description : {};
  max('/name/short', name.short, LIMITS.shortName, 'the short name');
  max('/name/full', name.full, LIMITS.fullName, 'the full name');
  max('/description/short', description.short, LIMITS.shortDescription, 'the short description');
  max('/description/full', description.full, LIMITS.fullDescription, 'the full description');
  if (typeof description.short === 'string' && description.short === description.full)
    issues.push({
      rule: 'description',
      path: '/description/full',
      message: 'must say more than the short description',
    });
  if (typeof m.version !== 'string' || !SEMVER.test(m.version))
    issues.push({ rule: 'semver', path: '/version', message: 'must be a version like 1.2.3' });
  return issues;
};

const commandRules = (m: Record<string, unknown>): Issue[] => {
  const issues: Issue[] = [];
  asArray(m.bots).forEach((bot, b) => {
    if (!isObject(bot)) return;
    const lists = asArray(bot.commandLists).filter(isObject);
    for (const scope of asArray(bot.scopes)) {
      if (!lists.some((l) => asArray(l.scopes).includes(scope)))
        issues.push({
          rule: 'commands',
          path: `/bots/${b}/commandLists`,
          message: `has no command list for ${String(scope)}`,
        });
    }
    lists.forEach((list, l) => {
      const seen = new Set<string>();
      asArray(list.commands).forEach((c, i) => {
        if (!isObject(c)) return;
        const path = `/bots/${b}/commandLists/${l}/commands/${i}`;
        const title = str(c.title) ?? '';
        const desc = str(c.description) ?? '';
        if (title.length > LIMITS.commandTitle)
          issues.push({
            rule: 'commands',
            path: `${path}/title`,
            message: `must be at most ${LIMITS.commandTitle} characters`,
          });
        if (desc.length > LIMITS.commandDescription)
          issues.push({
            rule: 'commands',
            path: `${path}/description`,
            message: `must be at most ${LIMITS.commandDescription} characters`,
          });
        if (seen.has(title.toLowerCase()))
          issues.push({ rule: 'commands', path: `${path}/title`, message: `repeats the command "${title}"` });
        seen.add(title.toLowerCase());
      });
    });
  });
  const entityIds = asArray(m.staticTabs)
    .filter(isObject)
    .map((t) => str(t.entityId));
  entityIds.forEach((id, i) => {
    if (id !== undefined && entityIds.indexOf(id) !== i)
      issues.push({ rule: 'tabs', path: `/staticTabs/${i}/entityId`, message: `repeats the tab id "${id}"` });
  });
  return issues;
};

/** Store rules that a schema cannot express; an empty list means the manifest passes them. */
export const checkStoreRules = (manifest: unknown, ctx: RuleContext): Issue[] => {
  if (!isObject(manifest)) return [{ rule: 'json', path: '/', message: 'manifest.json must hold a JSON object' }];
  return [...idRules(manifest, ctx), ...urlRules(manifest, ctx), ...textRules(manifest), ...commandRules(manifest)];
};
