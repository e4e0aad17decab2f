/** `npm run cli`: the scheme engine from the command line, over the demo organisation. */
import { runCliProcess } from '../bot/src/cli/main.ts';
import { buildDemoOrg } from './demo-org.ts';

await runCliProcess(buildDemoOrg);
