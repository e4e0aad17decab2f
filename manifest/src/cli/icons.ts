/* Command-line entry: regenerates the committed icons under assets/ and checks them. */
import { writeFile } from 'node:fs/promises';
import { ASSETS_DIR } from '../app-package.ts';
import { ADDIN_ICON_SIZES, checkIcons, colorIcon, outlineIcon } from '../icons.ts';
import { formatIssues } from '../issues.ts';

const color = colorIcon();
const outline = outlineIcon();
const issues = checkIcons({ color: ['color.png', color], outline: ['outline.png', outline] });
if (issues.length > 0) {
  process.stderr.write(`Generated icons break the store rules:\n${formatIssues(issues)}\n`);
  process.exit(1);
}
await writeFile(`${ASSETS_DIR}color.png`, color);
await writeFile(`${ASSETS_DIR}outline.png`, outline);
for (const size of ADDIN_ICON_SIZES) await writeFile(`${ASSETS_DIR}icon-${size}.png`, colorIcon(size));
process.stdout.write(`Wrote icons to ${ASSETS_DIR}\n`);
