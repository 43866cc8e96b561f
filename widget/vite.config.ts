/**
 * Builds `widget.js`: `src/index.ts` as one minified IIFE in `dist/public/` (served by the
 * Worker as a static asset), no code splitting, Preact's JSX. `npx vite build --config widget/vite.config.ts`.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  publicDir: false,
  plugins: [
    {
      // Preact's devtools and debug hooks are opt-in imports: one slipping in fails the build.
      name: 'no-preact-devtools',
      resolveId(id) {
        if (/^preact\/(debug|devtools)/.test(id)) this.error(`${id} must not be in widget.js`);
      },
    },
  ],
  // form.tsx asks for classic `h()` JSX itself (pragma); anything else gets Preact's automatic runtime.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  // Nothing in the bundle may branch on the environment into development code.
  define: { 'process.env.NODE_ENV': '"production"' },
  build: {
    outDir: 'dist/public',
    // The folder holds the Worker's other static assets: replace only widget.js.
    emptyOutDir: false,
    copyPublicDir: false,
    sourcemap: false,
    minify: true,
    lib: {
      entry: 'widget/src/index.ts',
      formats: ['iife'],
      name: 'LeadRouterWidget',
      fileName: () => 'widget.js',
    },
  },
});
