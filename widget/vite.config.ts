/**
 * Builds the widget into `dist/public/` (served by the Worker as static assets): `widget.js`
 * from `src/index.ts`, and each lazy chunk (`src/lazy.ts`) as `widget-<name>.js`. Every file is
 * one minified classic script (IIFE): the page loads widget.js with a plain `<script>` tag, and
 * widget.js loads a chunk the same way, so the page's CSP treats them alike. There is no
 * code splitting between them (IIFE has none): a chunk must not import what widget.js has.
 *
 * `npm run build:widget` (widget/build.ts) builds them all; `vite build --config
 * widget/vite.config.ts` builds widget.js alone.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type InlineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The lazy chunks: name → entry. Each becomes `widget-<name>.js` next to widget.js. */
export const CHUNKS = {
  es: 'widget/src/chunks/es.ts',
  email: 'widget/src/chunks/email.ts',
  phone: 'widget/src/chunks/phone.ts',
} as const;

/** A lazy chunk's name. */
export type ChunkName = keyof typeof CHUNKS;

/**
 * widget.js gets the shared validator without the shared free-mail list: its import of
 * `shared/normalize/free-domains.ts` resolves to `widget/src/free-mail.ts`, which asks the
 * `email` chunk. Used by the build and by the widget tests, so both run the same modules.
 */
export function freeMailFromChunk(): Plugin {
  return {
    name: 'free-mail-from-chunk',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === '../normalize/free-domains.ts' && importer?.replaceAll('\\', '/').endsWith('shared/lead/validate.ts')) {
        return fileURLToPath(new URL('src/free-mail.ts', import.meta.url));
      }
    },
  };
}

/**
 * libphonenumber-js's `core` entry points at its ES5 output (classes compiled to functions,
 * Babel helpers); its ES2015+ output, `es6-modern/`, is the same code 3 KB gzip smaller.
 */
function modernLibphonenumber(): Plugin {
  return {
    name: 'modern-libphonenumber',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer?.includes('libphonenumber-js')) return;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && { ...resolved, id: resolved.id.replace(/([\\/]libphonenumber-js[\\/])es6([\\/])/, '$1es6-modern$2') };
    },
  };
}

/** The build of widget.js (no argument) or of one lazy chunk. */
export function widgetConfig(chunk?: ChunkName): InlineConfig {
  return {
    root,
    configFile: false,
    publicDir: false,
    plugins: [
      {
        // The form renders with dom.ts (0.5 KB gzip): Preact (4.5 KB) slipping back in fails the build.
        name: 'no-preact',
        resolveId(id) {
          if (/^preact(\/|$)/.test(id)) this.error(`${id} must not be in the widget: it renders with widget/src/dom.ts`);
        },
      },
      freeMailFromChunk(),
      modernLibphonenumber(),
    ],
    // form.tsx asks for classic `h()` JSX from dom.ts itself (pragma); no other widget file has JSX.
    oxc: { jsx: { runtime: 'classic', development: false } },
    // Production output whatever NODE_ENV says (the widget tests build it under NODE_ENV=test).
    mode: 'production',
    // Nothing in the bundle may branch on the environment into development code.
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir: 'dist/public',
      // The folder holds the Worker's other static assets: replace only our files.
      emptyOutDir: false,
      copyPublicDir: false,
      sourcemap: false,
      minify: true,
      lib: chunk
        ? {
            entry: CHUNKS[chunk],
            formats: ['iife'],
            // `this.__leadRouterChunks.<name> = <the entry's exports>`, as lazy.ts expects.
            name: `__leadRouterChunks.${chunk}`,
            fileName: () => `widget-${chunk}.js`,
          }
        : { entry: 'widget/src/index.ts', formats: ['iife'], name: 'LeadRouterWidget', fileName: () => 'widget.js' },
      // Exports are plain objects to their reader: no `Symbol.toStringTag` on them.
      rolldownOptions: { output: { generatedCode: { symbols: false } } },
    },
  };
}

export default defineConfig(widgetConfig());
