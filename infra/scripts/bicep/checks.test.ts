import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkInfra } from './project.ts';

/** Writes a small Bicep project to a temporary folder and returns the rules it breaks. */
const findingsFor = (files: Record<string, string>): { rule: string; message: string }[] => {
  const dir = mkdtempSync(join(tmpdir(), 'bicep-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return checkInfra(dir).findings.map(({ rule, message }) => ({ rule, message }));
};

const MODULE = `param name string
param size int = 1
output id string = '\${name}-\${size}'
`;

describe('the offline Bicep check rejects broken files with a clear message', () => {
  it('accepts a sound module call and parameter file', () => {
    expect(
      findingsFor({
        'main.bicep': `param env string\nmodule m 'mod.bicep' = {\n  name: 'm'\n  params: {\n    name: env\n  }\n}\noutput id string = m.outputs.id\n`,
        'mod.bicep': MODULE,
        'p/dev.bicepparam': `using '../main.bicep'\nparam env = 'dev'\n`,
      }),
    ).toEqual([]);
  });

  it('a syntax error names its line', () => {
    expect(findingsFor({ 'main.bicep': `param a string\nvar b = {\n  x: 'unterminated\n}\n` })).toEqual([
      { rule: 'syntax', message: 'line 3: unterminated string' },
    ]);
  });

  it('a name that is not declared', () => {
    expect(findingsFor({ 'main.bicep': `output o string = missingThing.id\n` })).toEqual([
      { rule: 'undefined-symbol', message: 'missingThing is not declared' },
    ]);
  });

  it('an unused parameter or variable', () => {
    expect(findingsFor({ 'main.bicep': `param unused string\nvar spare = 1\n` }).map((f) => f.rule)).toEqual([
      'no-unused-params',
      'no-unused-vars',
    ]);
  });

  it('a module call with an unknown or a missing parameter', () => {
    const found = findingsFor({
      'main.bicep': `module m 'mod.bicep' = {\n  name: 'm'\n  params: {\n    nmae: 'x'\n  }\n}\n`,
      'mod.bicep': MODULE,
    });
    expect(found).toEqual([
      { rule: 'module-params', message: 'm: mod.bicep has no parameter nmae' },
      { rule: 'module-params', message: 'm: required parameter name is missing' },
    ]);
  });

  it('a parameters file that misses a required parameter, sets an unknown one or a disallowed value', () => {
    const found = findingsFor({
      'main.bicep': `@allowed([\n  'dev'\n  'prod'\n])\nparam env string\nparam region string\noutput o string = '\${env}\${region}'\n`,
      'prod.bicepparam': `using 'main.bicep'\nparam env = 'staging'\nparam colour = 'blue'\n`,
    });
    expect(found).toEqual([
      { rule: 'param-file', message: 'env = "staging" is not allowed' },
      { rule: 'param-file', message: 'main.bicep has no parameter colour' },
      { rule: 'param-file', message: 'required parameter region is not set' },
    ]);
  });

  it('an output that exposes a secure parameter or a listed key', () => {
    const found = findingsFor({
      'main.bicep': `@secure()\nparam password string\nresource a 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' existing = {\n  name: 'a'\n}\noutput p string = password\noutput k string = a.listKeys().primaryMasterKey\n`,
    });
    expect(found.map((f) => f.rule)).toEqual([
      'outputs-should-not-contain-secrets',
      'outputs-should-not-contain-secrets',
    ]);
  });

  it('a resource type without an API version', () => {
    expect(findingsFor({ 'main.bicep': `resource r 'Microsoft.Web/sites' = {\n  name: 'x'\n}\n` })).toEqual([
      { rule: 'resource-type', message: 'Microsoft.Web/sites is not of the form Provider/type@yyyy-mm-dd' },
    ]);
  });
});
