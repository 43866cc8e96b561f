/**
 * Writes `widget/src/chunks/phone-metadata.json`, the phone chunk's data: libphonenumber-js's
 * "min" metadata cut to the countries the routing config names (and `phone-alpha3.json`, their
 * alpha-3 codes, so a typed "USA" is read). The full "min" set is 29 KB
 * gzip; the chunk has a 15 KB budget for the library and its data together.
 *
 * Which countries: every `country` / `defaultCountry` in the config (form types' default
 * countries, territories, route conditions), plus, for a country that shares its calling code
 * (CA under +1), that code's main country (US), which holds the formats of all of them. The
 * config is `shared/config/examples/routing.json`, or the file named by `WIDGET_ROUTING_CONFIG`;
 * `WIDGET_PHONE_COUNTRIES=US,MX,…` names the countries outright. A number from elsewhere is
 * sent as typed, and the Worker (full metadata) normalises it.
 *
 * Per-type patterns (fixed line, mobile…) are dropped for a calling code that only one kept
 * country uses: "min" keeps them only to tell countries of one calling code apart, and without
 * them `isValid()` checks the country's whole number pattern instead, as for most countries.
 *
 * Run by `npm run build:widget` (widget/build.ts); the file is committed, so the widget's
 * source, its type check and its tests need no build. `node widget/phone-metadata.ts`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { MetadataJson } from 'libphonenumber-js/core';
import { ISO_CODE_PAIRS } from '../shared/normalize/country-data.ts';

/** Where the chunk's metadata is written. */
export const METADATA_FILE = new URL('src/chunks/phone-metadata.json', import.meta.url);
/** Where the alpha-3 codes of its countries are written. */
export const ALPHA3_FILE = new URL('src/chunks/phone-alpha3.json', import.meta.url);

const ISO2 = /^[A-Z]{2}$/;
/** Index of the per-type patterns in a country's entry of libphonenumber's compressed metadata. */
const TYPES = 11;

/** Every ISO alpha-2 code under a `country` or `defaultCountry` key of a routing config, sorted. */
export function configCountries(config: unknown): string[] {
  const found = new Set<string>();
  const codes = (value: unknown): void => {
    if (typeof value === 'string' && ISO2.test(value)) found.add(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(codes);
  };
  const walk = (value: unknown): void => {
    if (!value || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if (key === 'country' || key === 'defaultCountry') codes(child);
      else walk(child);
    }
  };
  walk(config);
  return [...found].sort();
}

/**
 * libphonenumber metadata with only `countries` (those it knows) and the main country of each
 * of their calling codes; per-type patterns dropped where a calling code keeps one country.
 */
export function reduceMetadata(full: MetadataJson, countries: readonly string[]): MetadataJson {
  const byCode: Record<string, string[]> = {};
  for (const [code, members] of Object.entries(full.country_calling_codes)) {
    const kept = members.filter((country) => countries.includes(country));
    // The first country of a calling code holds the formats the others use.
    if (kept.length) byCode[code] = [...new Set([members[0]!, ...kept])];
  }
  const entries: Record<string, unknown[]> = {};
  for (const members of Object.values(byCode)) {
    for (const country of members) {
      const entry = [...(full.countries[country as keyof typeof full.countries] as unknown as unknown[])];
      if (members.length === 1 && entry.length > TYPES) entry[TYPES] = 0;
      // Trailing empty fields read the same as absent ones.
      while (entry.length && !entry.at(-1)) entry.pop();
      entries[country] = entry;
    }
  }
  return { version: full.version, country_calling_codes: byCode, countries: entries, nonGeographic: {} } as unknown as MetadataJson;
}

/** The countries to keep: `WIDGET_PHONE_COUNTRIES`, else the routing config's. */
function wantedCountries(): string[] {
  const listed = process.env.WIDGET_PHONE_COUNTRIES;
  if (listed)
    return listed
      .split(',')
      .map((code) => code.trim().toUpperCase())
      .filter((code) => ISO2.test(code));
  const file = process.env.WIDGET_ROUTING_CONFIG ?? fileURLToPath(new URL('../shared/config/examples/routing.json', import.meta.url));
  return configCountries(JSON.parse(readFileSync(file, 'utf8')));
}

/**
 * The ISO alpha-2 + alpha-3 pairs (`USUSA MXMEX`) of `countries`, from the shared country data:
 * the chunk reads a typed "USA" or "MEX" with them (names come from `Intl.DisplayNames`).
 */
export function alpha3Pairs(countries: readonly string[]): string {
  return ISO_CODE_PAIRS.split(' ')
    .filter((pair) => countries.includes(pair.slice(0, 2)))
    .join(' ');
}

/** Writes `text` to `file` unless it holds it already (the widget tests rebuild when a source is newer than the build). */
function writeIfChanged(file: URL, text: string): void {
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
}

/** Writes the metadata file and the countries' alpha-3 codes; returns the countries it holds. */
export function writePhoneMetadata(): string[] {
  const full = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('libphonenumber-js/metadata.min.json'), 'utf8')) as MetadataJson;
  const reduced = reduceMetadata(full, wantedCountries());
  const countries = Object.keys(reduced.countries);
  writeIfChanged(METADATA_FILE, `${JSON.stringify(reduced)}\n`);
  writeIfChanged(ALPHA3_FILE, `${JSON.stringify(alpha3Pairs(countries))}\n`);
  return countries;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(`phone metadata: ${writePhoneMetadata().join(' ')}`);
