import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import type { Issue } from './issues.ts';

/** The newest schema version bundled in @microsoft/app-manifest (pinned in package.json), read from disk, never fetched. */
export const SCHEMA_VERSION = '1.30';

const require = createRequire(import.meta.url);

export const schemaPath = (version: string = SCHEMA_VERSION): string =>
  join(
    dirname(require.resolve('@microsoft/app-manifest/package.json')),
    'build',
    'json-schemas',
    'teams',
    `v${version}`,
    'MicrosoftTeams.schema.json',
  );

export type SchemaCheck = (manifest: unknown) => Issue[];

/** Compiles the bundled draft-04 schema once; the returned function reports every violation. */
export const compileSchema = (version: string = SCHEMA_VERSION): SchemaCheck => {
  const schema = JSON.parse(readFileSync(schemaPath(version), 'utf8')) as Record<string, unknown>;
  // Both packages are CommonJS with the class on `.default`; NodeNext exposes module.exports as the default import.
  const ajv = new ajvDraft04.default({ allErrors: true, strict: false });
  ajvFormats.default(ajv);
  const validate = ajv.compile(schema);
  return (manifest) => {
    if (validate(manifest)) return [];
    return (validate.errors ?? []).map((e) => ({
      rule: 'schema',
      path: e.instancePath === '' ? '/' : e.instancePath,
      message: `${e.message ?? 'is invalid'}${'additionalProperty' in e.params ? `: ${String(e.params.additionalProperty)}` : ''}`,
    }));
  };
};
