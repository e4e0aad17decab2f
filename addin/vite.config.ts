import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The server serves this build at /addin/; the manifest points Outlook at /addin/taskpane.html.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/addin/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: { input: { taskpane: fileURLToPath(new URL('taskpane.html', import.meta.url)) } },
  },
});
