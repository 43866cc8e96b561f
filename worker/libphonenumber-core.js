/**
 * What the Worker uses of `libphonenumber-js/core` (shared/normalize/phone.ts and
 * phone-plans.ts), from the library's ES2015+ output (`es6-modern/`) rather than the ES5 one
 * its `core` entry points at (classes compiled to functions, Babel helpers): the same code,
 * 2.4 KiB gzip less of the Worker's 100 KiB. wrangler.toml aliases `libphonenumber-js/core`
 * here for the deployed bundle and `wrangler dev`; the widget's phone chunk does the same
 * (widget/vite.config.ts). Plain JS: the library's files have no types of their own; the
 * shared code takes its types from `libphonenumber-js/core`.
 */
export { default as parsePhoneNumberFromString } from '../node_modules/libphonenumber-js/es6-modern/parsePhoneNumber.js';
export { default as Metadata } from '../node_modules/libphonenumber-js/es6-modern/metadata.js';
