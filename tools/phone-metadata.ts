/**
 * Writes `shared/normalize/phone-metadata.json`: libphonenumber-js's "min" metadata for every
 * country, without what only formatting reads (the national and international number formats,
 * the national-prefix formatting rule). The Worker parses, validates and writes E.164, and never
 * formats a number for display; the formats were 8.8 KB of its 100 KB gzip budget.
 *
 * `npm run phone-metadata` after upgrading libphonenumber-js; a unit test fails while the
 * committed file differs from what this writes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { helpRequested } from './cli.ts';

/** Where the server's phone metadata is written. */
export const SERVER_METADATA_FILE = fileURLToPath(new URL('../shared/normalize/phone-metadata.json', import.meta.url));

// Positions in a country's entry of the compressed metadata that only formatting reads.
const FORMATS = 4;
const NATIONAL_PREFIX_FORMATTING_RULE = 6;
const NATIONAL_PREFIX_OPTIONAL_WHEN_FORMATTING = 9;
const FORMATTING_ONLY = [FORMATS, NATIONAL_PREFIX_FORMATTING_RULE, NATIONAL_PREFIX_OPTIONAL_WHEN_FORMATTING];

interface CompressedMetadata {
  version: number;
  country_calling_codes: Record<string, string[]>;
  countries: Record<string, unknown[]>;
  nonGeographic: Record<string, unknown[]>;
}

/** The metadata with the formatting-only fields of every country and non-geographic code blanked. */
export function withoutFormats(full: CompressedMetadata): CompressedMetadata {
  const strip = (entries: Record<string, unknown[]>) =>
    Object.fromEntries(
      Object.entries(entries).map(([key, entry]) => {
        const kept = [...entry];
        for (const index of FORMATTING_ONLY) if (index < kept.length) kept[index] = 0;
        // Trailing empty fields read the same as absent ones.
        while (kept.length && !kept.at(-1)) kept.pop();
        return [key, kept];
      }),
    );
  return { ...full, countries: strip(full.countries), nonGeographic: strip(full.nonGeographic) };
}

/** The JSON the file should hold, from the installed libphonenumber-js. */
export function serverMetadataJson(): string {
  const require = createRequire(import.meta.url);
  const full = JSON.parse(readFileSync(require.resolve('libphonenumber-js/metadata.min.json'), 'utf8')) as CompressedMetadata;
  return `${JSON.stringify(withoutFormats(full))}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  helpRequested(`
Usage: npm run phone-metadata

Writes shared/normalize/phone-metadata.json (libphonenumber-js "min" metadata without what
only formatting reads). Run it after upgrading libphonenumber-js.
`);
  writeFileSync(SERVER_METADATA_FILE, serverMetadataJson());
  console.log(`wrote ${SERVER_METADATA_FILE}`);
}
