/**
 * Builds the RevOps dashboard: `dashboard/index.html` and its bundle into `dist/public/dashboard/`,
 * served by the Worker as static assets at `/dashboard/`. The page holds no data: everything it
 * shows comes from `/v1/admin/*` with the admin token the person logs in with.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/dashboard/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  define: { 'process.env.NODE_ENV': '"production"' },
  build: {
    outDir: fileURLToPath(new URL('../dist/public/dashboard', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    minify: true,
  },
});
