/* Command-line entry: builds build/appPackage.<env>.zip from the template and validates it. */
import { mkdir, writeFile } from 'node:fs/promises';
import { BUILD_DIR, buildPackageFiles, packageFileName, validatePackage, zipPackage } from '../app-package.ts';
import { formatIssues } from '../issues.ts';
import { parseCliArgs, ruleContext, runCli } from './args.ts';

await runCli(async () => {
  const { appEnv } = parseCliArgs(process.argv.slice(2), process.env);
  const zip = await zipPackage(await buildPackageFiles(appEnv, process.env));
  const issues = await validatePackage(zip, ruleContext(appEnv, process.env));
  if (issues.length > 0) {
    process.stderr.write(`The ${appEnv} app package is not valid:\n${formatIssues(issues)}\n`);
    process.exitCode = 1;
    return;
  }
  await mkdir(BUILD_DIR, { recursive: true });
  const out = `${BUILD_DIR}${packageFileName(appEnv)}`;
  await writeFile(out, zip);
  process.stdout.write(`Wrote ${out} (${zip.length} bytes); manifest, schema, store rules and icons valid.\n`);
});
