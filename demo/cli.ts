/**
 * `npm run cli`: the scheme engine from the command line over the demo organisation, and `sync` and
 * `import` against the store and Graph of a running `npm start` (or whatever the environment names).
 */
import { runCliProcess } from '../bot/src/cli/main.ts';
import { LOCAL_FAKE_ISSUER_URL } from '../bot/src/config-env.ts';
import { buildDemoOrg } from './demo-org.ts';
import { localAppToken } from './local-graph.ts';

const env: Readonly<Record<string, string | undefined>> = {
  APP_ENV: 'local',
  LOCAL_DEV_FAKES: 'true',
  LOG_LEVEL: 'silent',
  ...process.env,
};
const local = env.MICROSOFT_APP_ID === undefined;

// Cosmos and Graph clients load only for the commands that use them, so the engine commands stay quick.
await runCliProcess(buildDemoOrg, async () => {
  const { connectFromConfig } = await import('../bot/src/cli/connect.ts');
  return connectFromConfig(
    env,
    local ? { appToken: localAppToken(env.ENTRA_AUTHORITY_HOST ?? LOCAL_FAKE_ISSUER_URL) } : {},
  );
});
