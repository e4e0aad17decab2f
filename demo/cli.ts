/**
 * `npm run cli`: the scheme engine from the command line over the demo organisation, and `sync` and
 * `import` against the store and Graph of a running `npm start` (or whatever the environment names).
 */
import { runCliProcess } from '../bot/src/cli/main.ts';
import { buildDemoOrg } from './demo-org.ts';

const env: Readonly<Record<string, string | undefined>> = {
  APP_ENV: 'local',
  LOCAL_DEV_FAKES: 'true',
  LOG_LEVEL: 'silent',
  ...process.env,
};

// Cosmos, Graph and MSAL load only for the commands that use them, so the engine commands stay quick.
await runCliProcess(buildDemoOrg, async () => {
  const [{ connectFromConfig }, { LOCAL_FAKE_GRAPH_URL, LOCAL_FAKE_ISSUER_URL }, { localAppToken }] = await Promise.all(
    [import('../bot/src/cli/connect.ts'), import('../bot/src/config-env.ts'), import('./local-graph.ts')],
  );
  const local = env.MICROSOFT_APP_ID === undefined;
  // npm start's Graph answers on 127.0.0.1, and its links (stored by the first sync) name that host.
  const graph = { GRAPH_BASE_URL: LOCAL_FAKE_GRAPH_URL.replace('localhost', '127.0.0.1'), ...env };
  return connectFromConfig(
    local ? graph : env,
    local ? { appToken: localAppToken(env.ENTRA_AUTHORITY_HOST ?? LOCAL_FAKE_ISSUER_URL) } : {},
  );
});
