import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The server serves the production build statically under /tab/. */
export default defineConfig({
  root: import.meta.dirname,
  base: '/tab/',
  plugins: [react()],
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
