import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkInfra, fileNamed } from './bicep/project.ts';

/**
 * The Agents Toolkit project in infra/toolkit: checked against the toolkit's own YAML schema (from the
 * CLI that scripts/install-tools.sh installs), and against main.bicep and the manifest template it drives.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const folder = join(root, 'infra', 'toolkit');
const ymlText = readFileSync(join(folder, 'm365agents.yml'), 'utf8');
const yml = parse(ymlText) as { version: string; environmentFolderPath: string } & Record<string, unknown>;
const parametersText = readFileSync(join(folder, 'azure.parameters.json'), 'utf8');
const parameters = JSON.parse(parametersText) as { parameters: Record<string, unknown> };
const project = checkInfra(join(root, 'infra'));
const main = fileNamed(project, 'infra/main.bicep')!;
const ENVIRONMENTS = ['dev', 'prod'];

const envFile = (name: string): Map<string, string> =>
  new Map(
    readFileSync(join(folder, yml.environmentFolderPath, `.env.${name}`), 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z0-9_]+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as const),
  );
const placeholders = (text: string): string[] => [...text.matchAll(/\$\{\{([A-Z0-9_]+)\}\}/g)].map((m) => m[1]!);
const upperSnake = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
const actions = (): Record<string, unknown>[] =>
  ['provision', 'deploy', 'publish'].flatMap((stage) => (yml[stage] as Record<string, unknown>[] | undefined) ?? []);

describe('the Microsoft 365 Agents Toolkit project (infra/toolkit)', () => {
  it("is valid against the toolkit's own schema for its version", () => {
    const schemaPath = join(
      root,
      'tools/atk/node_modules/@microsoft/m365agentstoolkit-cli/resource/yaml-schema',
      yml.version,
      'yaml.schema.json',
    );
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
    expect(validate(yml) ? [] : validate.errors).toEqual([]);
  });

  it('deploys main.bicep with parameters main.bicep declares, and every one it requires', () => {
    const params = main.declarations.flatMap((d) => (d.kind === 'param' ? [d] : []));
    const declared = new Set(params.map((d) => d.name));
    for (const name of Object.keys(parameters.parameters)) expect(declared, name).toContain(name);
    const required = params.filter((d) => d.value === undefined).map((d) => d.name);
    for (const name of required) expect(Object.keys(parameters.parameters)).toContain(name);
  });

  it('names only files that exist', () => {
    const arm = actions().find((a) => a.uses === 'arm/deploy') as {
      with: { templates: { path: string; parameters: string }[] };
    };
    for (const t of arm.with.templates) {
      expect(existsSync(join(folder, t.path)), t.path).toBe(true);
      expect(existsSync(join(folder, t.parameters)), t.parameters).toBe(true);
    }
    const deploy = actions().find((a) => a.uses === 'azureAppService/zipDeploy') as {
      with: { workingDirectory: string; ignoreFile: string };
    };
    expect(existsSync(join(folder, deploy.with.workingDirectory, deploy.with.ignoreFile))).toBe(true);
    expect(existsSync(join(folder, '../../manifest/template/manifest.template.json'))).toBe(true);
  });

  it('every variable it and the manifest template read is set in each environment, written by an action or a Bicep output, or a secret', () => {
    const written = new Set(
      actions().flatMap((a) => Object.values((a.writeToEnvironmentFile as Record<string, string> | undefined) ?? {})),
    );
    const outputs = new Set(
      main.declarations.filter((d) => d.kind === 'output').map((d) => upperSnake('name' in d ? d.name : '')),
    );
    const template = readFileSync(join(root, 'manifest/template/manifest.template.json'), 'utf8');
    const used = new Set([...placeholders(ymlText), ...placeholders(parametersText), ...placeholders(template)]);
    for (const env of ENVIRONMENTS) {
      const defined = envFile(env);
      expect(defined.get('TEAMSFX_ENV')).toBe(env);
      const missing = [...used].filter(
        (v) => !defined.has(v) && !written.has(v) && !outputs.has(v) && !v.startsWith('SECRET_'),
      );
      expect(missing, `.env.${env}`).toEqual([]);
    }
    // What the toolkit writes back from Bicep must be an output main.bicep really has.
    for (const v of ['PUBLIC_HOSTNAME', 'BOT_ID', 'WEB_APP_RESOURCE_ID']) expect(outputs).toContain(v);
  });

  it('keeps secrets out of the committed environment files', () => {
    for (const env of ENVIRONMENTS) {
      for (const [name, value] of envFile(env)) if (/SECRET|PASSWORD/.test(name)) expect(value, name).toBe('');
      expect([...envFile(env).keys()].some((k) => k.startsWith('SECRET_'))).toBe(false);
    }
    // The toolkit writes SECRET_ values to .env.<name>.user beside them: git must never take those.
    expect(readFileSync(join(root, '.gitignore'), 'utf8')).toContain('infra/toolkit/env/.env.*.user');
  });
});
