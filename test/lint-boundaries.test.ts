// The import boundaries in eslint.config.js, exercised with small snippets placed at real
// paths: each forbidden import must fail `npm run lint`, and the allowed ones must pass.
import { join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

// The snippet files do not exist on disk, so type-aware rules are switched off; the
// boundary rule is a syntactic one and runs exactly as in `npm run lint`.
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT, overrideConfig: [tseslint.configs.disableTypeChecked] });
});

const boundaryErrors = async (path: string, specifier: string): Promise<string[]> => {
  const code = `import * as m from '${specifier}';\nexport const used = m;\n`;
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  expect(result?.messages.filter((m) => m.fatal === true)).toEqual([]);
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
};

describe('lint boundaries: forbidden imports fail', () => {
  it.each([
    // botbuilder only in bot/src/teams/
    ['bot/src/http/api/probe.ts', 'botbuilder', /only in bot\/src\/teams/],
    ['bot/src/proactive/probe.ts', 'botbuilder', /only in bot\/src\/teams/],
    ['bot/src/compose.ts', 'botframework-connector', /only in bot\/src\/teams/],
    ['tab/src/pages/probe.tsx', 'botbuilder', /only in bot\/src\/teams/],
    // http/ and teams/ never reach the adapters
    ['bot/src/http/api/probe.ts', '../../cosmos/index.ts', /through core ports/],
    ['bot/src/http/probe.ts', '../graph/index.ts', /through core ports/],
    ['bot/src/teams/probe.ts', '../cosmos/store.ts', /through core ports/],
    ['bot/src/teams/probe.ts', '../graph/gateway.ts', /through core ports/],
    ['bot/src/teams/probe.ts', '@azure/cosmos', /through core ports/],
    // core: no SDK, no I/O, nothing above it
    ['core/src/usecases/probe.ts', 'node:fs', /core is pure/],
    ['core/src/usecases/probe.ts', 'node:fs/promises', /core is pure/],
    ['core/src/usecases/probe.ts', 'node:http', /core is pure/],
    ['core/src/domain/probe.ts', 'net', /core is pure/],
    ['core/src/ports/probe.ts', '@azure/cosmos', /core is pure/],
    ['core/src/cards/probe.ts', 'botbuilder', /core is pure/],
    ['core/src/api/probe.ts', 'restify', /core is pure/],
    ['core/src/api/probe.ts', '@microsoft/microsoft-graph-client', /core is pure/],
    ['core/src/usecases/probe.ts', '../../../bot/src/cosmos/index.ts', /nothing above it/],
    // shipped code never imports test code or the demo workspace
    ['bot/src/cli/probe.ts', '@pc/testing/fakes/org.ts', /never imports test code/],
    ['bot/src/cli/probe.ts', '../../../demo/demo-org.ts', /never imports test code/],
    ['bot/src/main.ts', '@pc/demo/start.ts', /never imports test code/],
    ['core/src/cards/probe.ts', '@pc/testing/support/adaptive-cards.ts', /never imports test code/],
    ['tab/src/probe.ts', '../../test/support/tab-api-stub.ts', /never imports test code/],
    ['addin/src/office/probe.ts', '../../../test/support/office-fake.ts', /never imports test code/],
    ['manifest/src/probe.ts', '@pc/testing/fakes/org.ts', /never imports test code/],
  ])('%s importing %s', async (path, specifier, message) => {
    const errors = await boundaryErrors(path, specifier);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });
});

describe('lint boundaries: allowed imports pass', () => {
  it.each([
    ['bot/src/teams/probe.ts', 'botbuilder'],
    ['bot/src/teams/probe.ts', '@pc/core/usecases'],
    ['bot/src/http/api/probe.ts', '@pc/core'],
    ['bot/src/http/probe.ts', '../auth/index.ts'],
    ['bot/src/compose.ts', './cosmos/index.ts'],
    ['bot/src/compose.ts', './graph/index.ts'],
    ['bot/src/cosmos/probe.ts', '@azure/cosmos'],
    ['core/src/usecases/probe.ts', 'zod'],
    ['core/src/usecases/probe.ts', '../ports/index.ts'],
    // tests and the demo may use fakes and Node I/O
    ['core/src/cards/cards.test.ts', '@pc/testing/support/adaptive-cards.ts'],
    ['core/src/usecases/probe.test.ts', 'node:fs'],
    ['bot/src/http/probe.test.ts', '../cosmos/index.ts'],
    ['demo/probe.ts', '../bot/src/cosmos/index.ts'],
    ['demo/probe.ts', '@pc/testing/fakes/oidc-issuer.ts'],
    ['bench/probe.ts', 'botbuilder'],
  ])('%s importing %s', async (path, specifier) => {
    expect(await boundaryErrors(path, specifier)).toEqual([]);
  });
});
