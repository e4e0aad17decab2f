/* Command-line entry: validates a built package, or builds one in memory for --env and validates it. */
import { readFile } from 'node:fs/promises';
import { buildPackageFiles, validatePackage, zipPackage } from '../app-package.ts';
import { formatIssues } from '../issues.ts';
import { SCHEMA_VERSION } from '../schema.ts';
import { parseCliArgs, ruleContext, runCli } from './args.ts';

await runCli(async () => {
  const { appEnv, file } = parseCliArgs(process.argv.slice(2), process.env);
  const zip =
    file === undefined ? await zipPackage(await buildPackageFiles(appEnv, process.env)) : await readFile(file);
  const issues = await validatePackage(zip, ruleContext(appEnv, process.env));
  const what = file ?? `the ${appEnv} package built from the template`;
  if (issues.length > 0) {
    process.stderr.write(`${what} is not valid:\n${formatIssues(issues)}\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write(
    `${what}: valid against manifest schema v${SCHEMA_VERSION} (bundled), store rules and icon rules.\n`,
  );
});
