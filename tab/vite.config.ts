import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const BASE = '/tab/';

/**
 * The entry (main.tsx) is a few lines that start the first screen's call and then import the app
 * (app.tsx). Listing the app's chunks in the page's head lets the browser fetch them while the
 * entry runs, rather than only once the entry asks for them.
 */
const preloadApp = (): Plugin => ({
  name: 'pc-preload-app',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler: (html, ctx) => {
      const app = Object.values(ctx.bundle ?? {}).find(
        (c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/src/app.tsx') === true,
      );
      if (app?.type !== 'chunk') throw new Error('The build has no chunk for src/app.tsx.');
      return [app.fileName, ...app.imports]
        .filter((file) => !html.includes(`${BASE}${file}"`))
        .map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `${BASE}${file}` },
          injectTo: 'head' as const,
        }));
    },
  },
});

/** The server serves the production build statically under /tab/. */
export default defineConfig({
  root: import.meta.dirname,
  base: BASE,
  plugins: [react(), preloadApp()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    manifest: true,
    chunkSizeWarningLimit: 700,
  },
  server: { port: 5173, strictPort: false },
});
