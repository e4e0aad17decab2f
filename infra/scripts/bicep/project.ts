import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BicepFile, Declaration } from './ast.ts';
import { checkFile, checkModules, checkParamFile, isFinding, loadBicep, type Finding } from './checks.ts';

export type Resource = Extract<Declaration, { kind: 'resource' }>;

export interface InfraProject {
  readonly files: readonly BicepFile[];
  readonly findings: readonly Finding[];
}

const bicepFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : bicepFiles(path);
    return /\.bicep(param)?$/.test(e.name) ? [path] : [];
  });

/** Parses and checks every .bicep and .bicepparam file under a folder. */
export const checkInfra = (root: string): InfraProject => {
  const cache = new Map<string, ReturnType<typeof loadBicep>>();
  const load = (path: string): ReturnType<typeof loadBicep> => {
    const hit = cache.get(path) ?? loadBicep(path);
    cache.set(path, hit);
    return hit;
  };
  const files: BicepFile[] = [];
  const findings: Finding[] = [];
  for (const path of bicepFiles(root).sort()) {
    const file = load(path);
    if (isFinding(file)) {
      findings.push(file);
      continue;
    }
    files.push(file);
    findings.push(...checkFile(file));
    findings.push(...(path.endsWith('.bicepparam') ? checkParamFile(file, load) : checkModules(file, load)));
  }
  return {
    files,
    findings: findings.map((f) => ({ ...f, file: relative(process.cwd(), f.file) })),
  };
};

/** Every resource of a type (ignoring the API version) across the project. */
export const resourcesOfType = (project: InfraProject, type: string): Resource[] =>
  project.files.flatMap((f) =>
    f.declarations.filter(
      (d): d is Resource => d.kind === 'resource' && d.type.toLowerCase().startsWith(`${type.toLowerCase()}@`),
    ),
  );

export const fileNamed = (project: InfraProject, suffix: string): BicepFile | undefined =>
  project.files.find((f) => f.path.endsWith(suffix));
