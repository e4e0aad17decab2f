import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** The environments a package is built for; only `prod` refuses local defaults. */
export const APP_ENVS = ['local', 'dev', 'prod'] as const;
export type AppEnv = (typeof APP_ENVS)[number];

export const TEMPLATE_PATH = fileURLToPath(new URL('../template/manifest.template.json', import.meta.url));

/**
 * Every placeholder the template may use. A local default lets `npm run package`
 * work on a fresh clone; production must set each one, so a package never ships
 * with a made-up id or host.
 */
export const PLACEHOLDER_DEFAULTS = {
  TEAMS_APP_ID: '2b8c2f47-6a8e-4d0c-9a57-3f1f0c6d9a10',
  APP_ID: '00000000-0000-4000-8000-00000000a11d',
  BOT_ID: '00000000-0000-4000-8000-00000000a11d',
  PUBLIC_HOSTNAME: 'localhost:3978',
  APP_VERSION: '0.1.0',
  APP_NAME_SUFFIX: ' (local)',
  DEVELOPER_NAME: 'People Services',
} as const satisfies Record<string, string>;
export type PlaceholderName = keyof typeof PLACEHOLDER_DEFAULTS;

/** Placeholders production may leave unset, because an empty value is meaningful. */
const OPTIONAL_IN_PROD: ReadonlySet<PlaceholderName> = new Set<PlaceholderName>(['APP_NAME_SUFFIX']);

const PLACEHOLDER = /\$\{\{([A-Z0-9_]+)\}\}/g;

export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}

const isPlaceholderName = (name: string): name is PlaceholderName => Object.hasOwn(PLACEHOLDER_DEFAULTS, name);

/** Values for every placeholder, from the environment with local defaults where the environment allows. */
export const resolvePlaceholders = (
  appEnv: AppEnv,
  env: Readonly<Record<string, string | undefined>>,
): Record<PlaceholderName, string> => {
  const missing: string[] = [];
  const entries = (Object.keys(PLACEHOLDER_DEFAULTS) as PlaceholderName[]).map((name) => {
    const given = env[name];
    if (given !== undefined && (given.trim() !== '' || OPTIONAL_IN_PROD.has(name))) return [name, given.trim()];
    if (appEnv === 'prod' && !OPTIONAL_IN_PROD.has(name)) missing.push(name);
    return [name, appEnv === 'prod' ? '' : PLACEHOLDER_DEFAULTS[name]];
  });
  if (missing.length > 0) {
    throw new TemplateError(`Set these environment variables to package for prod: ${missing.join(', ')}`);
  }
  return Object.fromEntries(entries) as Record<PlaceholderName, string>;
};

/** Fills ${{NAME}} placeholders; values are JSON-escaped so a value can never change the document's shape. */
export const fillTemplate = (template: string, values: Readonly<Record<string, string>>): unknown => {
  const unknown = new Set<string>();
  const filled = template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = isPlaceholderName(name) ? values[name] : undefined;
    if (value === undefined) {
      unknown.add(name);
      return whole;
    }
    return JSON.stringify(value).slice(1, -1);
  });
  if (unknown.size > 0) throw new TemplateError(`The template uses unknown placeholders: ${[...unknown].join(', ')}`);
  return JSON.parse(filled) as unknown;
};

export const readTemplate = async (path: string = TEMPLATE_PATH): Promise<string> => readFile(path, 'utf8');

export const isAppEnv = (value: string): value is AppEnv => (APP_ENVS as readonly string[]).includes(value);
