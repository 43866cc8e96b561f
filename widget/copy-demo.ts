/** Puts the demo host page next to the built bundle, so `npm run dev` serves it at /demo.html. */
import { copyFileSync } from 'node:fs';

copyFileSync(new URL('demo.html', import.meta.url), new URL('../dist/public/demo.html', import.meta.url));
