import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { checkIcons } from './icons.ts';
import type { Issue } from './issues.ts';
import { checkStoreRules, type RuleContext } from './rules.ts';
import { compileSchema, type SchemaCheck } from './schema.ts';
import { fillTemplate, readTemplate, resolvePlaceholders, type AppEnv } from './template.ts';

export const ASSETS_DIR = fileURLToPath(new URL('../assets/', import.meta.url));
export const BUILD_DIR = fileURLToPath(new URL('../build/', import.meta.url));
export const packageFileName = (appEnv: AppEnv): string => `appPackage.${appEnv}.zip`;

const MANIFEST = 'manifest.json';
// A fixed timestamp keeps the zip byte-identical for identical inputs.
const ZIP_DATE = new Date(Date.UTC(2024, 0, 1));

export interface PackageFiles {
  readonly manifest: unknown;
  readonly color: Buffer;
  readonly outline: Buffer;
}

/** The manifest filled for an environment, with the icons committed under assets/. */
export const buildPackageFiles = async (
  appEnv: AppEnv,
  env: Readonly<Record<string, string | undefined>>,
): Promise<PackageFiles> => {
  const manifest = fillTemplate(await readTemplate(), resolvePlaceholders(appEnv, env));
  const [color, outline] = await Promise.all([
    readFile(`${ASSETS_DIR}color.png`),
    readFile(`${ASSETS_DIR}outline.png`),
  ]);
  return { manifest, color, outline };
};

export const zipPackage = async (files: PackageFiles): Promise<Buffer> => {
  const zip = new JSZip();
  const options = { date: ZIP_DATE };
  zip.file(MANIFEST, `${JSON.stringify(files.manifest, null, 2)}\n`, options);
  zip.file('color.png', files.color, options);
  zip.file('outline.png', files.outline, options);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
};

const iconName = (manifest: unknown, key: 'color' | 'outline'): string => {
  const icons = (manifest as { icons?: Record<string, unknown> } | null)?.icons;
  const name = icons?.[key];
  return typeof name === 'string' ? name : `${key}.png`;
};

/**
 * Everything the Teams admin centre and store check before accepting an upload,
 * done offline: the zip's layout, the bundled JSON schema, store rules and the icons.
 */
export const validatePackage = async (
  zipBytes: Buffer,
  ctx: RuleContext,
  schemaCheck: SchemaCheck = compileSchema(),
): Promise<Issue[]> => {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(zipBytes);
  } catch (cause) {
    return [{ rule: 'zip', path: '/', message: `is not a readable zip file (${String(cause)})` }];
  }
  const entries = Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => f.name);
  const manifestFile = zip.file(MANIFEST);
  if (manifestFile === null) return [{ rule: 'zip', path: MANIFEST, message: 'must be at the root of the package' }];
  let manifest: unknown;
  try {
    manifest = JSON.parse(await manifestFile.async('string')) as unknown;
  } catch (cause) {
    return [{ rule: 'json', path: MANIFEST, message: `is not valid JSON (${String(cause)})` }];
  }
  const expected = [MANIFEST, iconName(manifest, 'color'), iconName(manifest, 'outline')];
  const issues: Issue[] = [];
  for (const name of entries)
    if (!expected.includes(name))
      issues.push({
        rule: 'zip',
        path: name,
        message: 'must not be in the package (only manifest.json and the two icons, at the root)',
      });
  const icon = async (name: string): Promise<Buffer | undefined> => zip.file(name)?.async('nodebuffer');
  const [color, outline] = await Promise.all([icon(expected[1] ?? ''), icon(expected[2] ?? '')]);
  for (const [name, bytes] of [
    [expected[1], color],
    [expected[2], outline],
  ] as const)
    if (bytes === undefined)
      issues.push({
        rule: 'zip',
        path: name ?? '',
        message: 'is named in manifest.icons but missing from the package',
      });
  issues.push(...schemaCheck(manifest), ...checkStoreRules(manifest, ctx));
  if (color !== undefined && outline !== undefined)
    issues.push(...checkIcons({ color: [expected[1] ?? '', color], outline: [expected[2] ?? '', outline] }));
  return issues;
};
