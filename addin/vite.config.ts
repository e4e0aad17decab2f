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
    // index.html only forwards to the task pane, so /addin/ works and the static server finds its index.
    rollupOptions: {
      input: {
        taskpane: fileURLToPath(new URL('taskpane.html', import.meta.url)),
        index: fileURLToPath(new URL('index.html', import.meta.url)),
      },
    },
  },
});
