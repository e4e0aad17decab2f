import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const ICON_SIZES = [16, 32, 80] as const;

/** The ribbon icons the manifest names (/addin/assets/icon-*.png), taken from the one set in manifest/assets. */
const ribbonIcons = (): Plugin => ({
  name: 'ribbon-icons',
  generateBundle() {
    for (const size of ICON_SIZES) {
      this.emitFile({
        type: 'asset',
        fileName: `assets/icon-${String(size)}.png`,
        source: readFileSync(fileURLToPath(new URL(`../manifest/assets/icon-${String(size)}.png`, import.meta.url))),
      });
    }
  },
});

// The server serves this build at /addin/; the manifest points Outlook at /addin/taskpane.html.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/addin/',
  plugins: [ribbonIcons()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // index.html only forwards to the task pane, so /addin/ works and the static server finds its index.
    rollupOptions: {
      input: {
        taskpane: fileURLToPath(new URL('taskpane.html', import.meta.url)),
        index: fileURLToPath(new URL('index.html', import.meta.url)),
      },
    },
  },
});
