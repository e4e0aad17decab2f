/*
 * `npm run validate:infra`: parses every Bicep file under infra/ and applies the
 * checks the Bicep compiler and linter would make for this code (syntax, names,
 * unused declarations, module and parameter-file wiring, secrets in outputs).
 * No registry package ships the Bicep compiler for offline use, so this is a
 * structural stand-in; `az bicep build` remains the authority before deploying.
 */
import { fileURLToPath } from 'node:url';
import { checkInfra } from './bicep/project.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const { files, findings } = checkInfra(root);
if (findings.length > 0) {
  process.stderr.write(
    `Bicep check failed:\n${findings.map((f) => `  ✗ ${f.file}:${f.line} [${f.rule}] ${f.message}`).join('\n')}\n`,
  );
  process.exit(1);
}
process.stdout.write(
  `Bicep check passed: ${files.length} files parsed; names, modules, parameter files and outputs are sound.\n`,
);
