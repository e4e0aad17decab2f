import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { BicepFile, Declaration, Node } from './ast.ts';
import { literal } from './ast.ts';
import { BicepSyntaxError, tokenize } from './lexer.ts';
import { parseBicep, refsOf } from './parser.ts';

export interface Finding {
  readonly file: string;
  readonly line: number;
  readonly rule: string;
  readonly message: string;
}

/** Names a Bicep file may use without declaring them. */
const BUILTIN_NAMESPACES = new Set(['az', 'sys']);
const RESOURCE_TYPE = /^[A-Za-z0-9.]+\/[A-Za-z0-9/]+@\d{4}-\d{2}-\d{2}(-preview)?$/;
const SECRET_FUNCTIONS =
  /\blist[A-Za-z]*\s*\(|primaryMasterKey|secondaryMasterKey|connectionStrings|primaryKey\b|ConnectionString\b/;

type Param = Extract<Declaration, { kind: 'param' }>;

export const loadBicep = (path: string): BicepFile | Finding => {
  try {
    return parseBicep(readFileSync(path, 'utf8'), path);
  } catch (error) {
    if (error instanceof BicepSyntaxError)
      return { file: path, line: error.line, rule: 'syntax', message: error.message };
    throw error;
  }
};
export const isFinding = (x: BicepFile | Finding): x is Finding => 'rule' in x;

/** Every symbol reference in a node, with the loop variables in scope removed. */
const refs = (node: Node | undefined, scope: ReadonlySet<string> = new Set()): { name: string; line: number }[] => {
  if (node === undefined) return [];
  switch (node.kind) {
    case 'expr':
      return node.refs.filter((r) => !scope.has(r)).map((name) => ({ name, line: node.line }));
    case 'string':
      return node.holes.length === 0
        ? []
        : refs({ kind: 'expr', text: node.raw, refs: holeRefs(node.holes), line: node.line }, scope);
    case 'object':
      return [
        ...node.keyRefs.filter((r) => !scope.has(r)).map((name) => ({ name, line: node.line })),
        ...node.entries.flatMap(([, v]) => refs(v, scope)),
      ];
    case 'array':
      return node.items.flatMap((v) => refs(v, scope));
    case 'for': {
      const inner = new Set([...scope, ...node.variables]);
      return [...refs(node.source, scope), ...refs(node.body, inner)];
    }
    case 'if':
      return [...refs(node.condition, scope), ...refs(node.body, scope)];
    default:
      return [];
  }
};
const holeRefs = (holes: readonly string[]): string[] => holes.flatMap((h) => refsOf(tokenize(h)));

const valueOf = (d: Declaration): Node | undefined => ('value' in d ? d.value : undefined);

/** Checks within one file: names resolve, nothing declared goes unused, no secret leaves through an output. */
export const checkFile = (file: BicepFile): Finding[] => {
  const findings: Finding[] = [];
  const add = (line: number, rule: string, message: string): void => {
    findings.push({ file: file.path, line, rule, message });
  };
  const declared = new Map<string, Declaration>();
  for (const d of file.declarations) {
    if (!('name' in d)) continue;
    if (d.kind !== 'output' && declared.has(d.name)) add(d.line, 'duplicate', `${d.name} is declared twice`);
    if (d.kind !== 'output') declared.set(d.name, d);
  }
  const used = new Set<string>();
  const isParamFile = file.declarations.some((d) => d.kind === 'using');
  for (const d of file.declarations) {
    for (const r of refs(valueOf(d))) {
      used.add(r.name);
      if (!declared.has(r.name) && !BUILTIN_NAMESPACES.has(r.name))
        add(r.line, 'undefined-symbol', `${r.name} is not declared`);
    }
    if (d.kind === 'resource' && !RESOURCE_TYPE.test(d.type))
      add(d.line, 'resource-type', `${d.type} is not of the form Provider/type@yyyy-mm-dd`);
  }
  if (!isParamFile) {
    for (const d of declared.values()) {
      if ((d.kind === 'param' || d.kind === 'var') && !used.has(d.name))
        add(d.line, `no-unused-${d.kind === 'param' ? 'params' : 'vars'}`, `${d.name} is declared but never used`);
    }
  }
  const secure = new Set(
    file.declarations
      .filter((d): d is Param => d.kind === 'param' && d.decorators.some((x) => x.name === 'secure'))
      .map((d) => d.name),
  );
  for (const d of file.declarations) {
    if (d.kind === 'param' && d.value !== undefined) {
      const allowed = d.decorators.find((x) => x.name === 'allowed')?.args[0];
      const options = literal(allowed);
      if (Array.isArray(options) && !options.includes(literal(d.value)))
        add(d.line, 'allowed-default', `the default of ${d.name} is not one of its allowed values`);
    }
    if (d.kind !== 'output') continue;
    const text = JSON.stringify(d.value);
    if (refs(d.value).some((r) => secure.has(r.name)) || SECRET_FUNCTIONS.test(text))
      add(d.line, 'outputs-should-not-contain-secrets', `output ${d.name} may expose a secret`);
    if (/secret|password|key$/i.test(d.name) && !/uri$|name$/i.test(d.name))
      add(d.line, 'outputs-should-not-contain-secrets', `output ${d.name} is named like a secret`);
  }
  return findings;
};

const paramsOf = (file: BicepFile): Param[] => file.declarations.filter((d): d is Param => d.kind === 'param');

/** Module calls pass exactly the parameters the module declares, and every required one. */
export const checkModules = (file: BicepFile, load: (path: string) => BicepFile | Finding): Finding[] => {
  const findings: Finding[] = [];
  for (const d of file.declarations) {
    if (d.kind !== 'module') continue;
    const target = resolve(dirname(file.path), d.path);
    if (!existsSync(target)) {
      findings.push({ file: file.path, line: d.line, rule: 'module-path', message: `${d.path} does not exist` });
      continue;
    }
    const module = load(target);
    if (isFinding(module)) continue;
    const given = d.value.kind === 'object' ? d.value.entries.find(([k]) => k === 'params')?.[1] : undefined;
    const names = new Set(given?.kind === 'object' ? given.entries.map(([k]) => k) : []);
    const declaredParams = paramsOf(module);
    for (const n of names)
      if (!declaredParams.some((p) => p.name === n))
        findings.push({
          file: file.path,
          line: d.line,
          rule: 'module-params',
          message: `${d.name}: ${d.path} has no parameter ${n}`,
        });
    for (const p of declaredParams)
      if (p.value === undefined && !names.has(p.name))
        findings.push({
          file: file.path,
          line: d.line,
          rule: 'module-params',
          message: `${d.name}: required parameter ${p.name} is missing`,
        });
  }
  return findings;
};

/** A parameters file names its template, sets only parameters it declares, and every required one. */
export const checkParamFile = (file: BicepFile, load: (path: string) => BicepFile | Finding): Finding[] => {
  const using = file.declarations.find((d) => d.kind === 'using');
  if (using?.kind !== 'using')
    return [{ file: file.path, line: 1, rule: 'using', message: 'a .bicepparam file must start with using' }];
  const target = resolve(dirname(file.path), using.path);
  if (!existsSync(target))
    return [{ file: file.path, line: using.line, rule: 'using', message: `${using.path} does not exist` }];
  const template = load(target);
  if (isFinding(template)) return [];
  const findings: Finding[] = [];
  const declaredParams = paramsOf(template);
  const set = paramsOf(file);
  for (const p of set) {
    const decl = declaredParams.find((q) => q.name === p.name);
    if (decl === undefined) {
      findings.push({
        file: file.path,
        line: p.line,
        rule: 'param-file',
        message: `${using.path} has no parameter ${p.name}`,
      });
      continue;
    }
    const options = literal(decl.decorators.find((x) => x.name === 'allowed')?.args[0]);
    const value = literal(p.value);
    if (Array.isArray(options) && value !== undefined && !options.includes(value))
      findings.push({
        file: file.path,
        line: p.line,
        rule: 'param-file',
        message: `${p.name} = ${JSON.stringify(value)} is not allowed`,
      });
  }
  for (const p of declaredParams)
    if (p.value === undefined && !set.some((q) => q.name === p.name))
      findings.push({
        file: file.path,
        line: using.line,
        rule: 'param-file',
        message: `required parameter ${p.name} is not set`,
      });
  return findings;
};
