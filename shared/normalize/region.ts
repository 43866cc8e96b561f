/**
 * Regions (state, province): US states and Canadian provinces to their two-letter codes;
 * other countries' regions are kept as typed, tidied.
 */
import { CA_REGIONS, US_REGIONS, type RegionEntry } from './region-data.ts';
import { foldKey, tidy } from './text.ts';

/** The lookups of one country's regions. */
interface RegionTable {
  /** Code → English name. */
  readonly names: ReadonlyMap<string, string>;
  /** Folded name or alias → code. */
  readonly byKey: ReadonlyMap<string, string>;
}

const SPACES = / /g;

// Built on first use: the widget may never need them.
let usTable: RegionTable | undefined;
let caTable: RegionTable | undefined;

/** The US table, built on first use. */
function us(): RegionTable {
  return (usTable ??= buildTable(US_REGIONS));
}

/** The Canadian table, built on first use. */
function ca(): RegionTable {
  return (caTable ??= buildTable(CA_REGIONS));
}

/** Indexes a country's regions by code and by folded name and alias. */
function buildTable(entries: readonly RegionEntry[]): RegionTable {
  const names = new Map<string, string>();
  const byKey = new Map<string, string>();
  for (const [code, name, ...aliases] of entries) {
    names.set(code, name);
    byKey.set(foldKey(name), code);
    for (const alias of aliases) byKey.set(foldKey(alias), code);
  }
  return { names, byKey };
}

/**
 * The region's canonical form: for the US (`California`, `calif.`, `ca` → `CA`) and Canada
 * (`Québec`, `Quebec` → `QC`) the two-letter code; anything else trimmed with single spaces.
 * With no country, US names and codes are tried before Canadian ones, so `CA` is California.
 */
export function normalizeRegion(raw: string, country?: string): string {
  const tidied = tidy(raw);
  if (tidied === '') return tidied;
  const countryCode = country === undefined ? '' : country.trim().toUpperCase();
  if (countryCode !== '' && countryCode !== 'US' && countryCode !== 'CA') return tidied;

  const key = foldKey(tidied);
  // `N. Y.` and `n y` are `NY`: codes are compared without spaces.
  const compact = key.includes(' ') ? key.replace(SPACES, '') : key;
  if (countryCode !== 'CA') {
    const code = lookUp(us(), key, compact);
    if (code !== undefined || countryCode === 'US') return code ?? tidied;
  }
  return lookUp(ca(), key, compact) ?? tidied;
}

/** The code for a folded region name or code in `table`, if any. */
function lookUp(table: RegionTable, key: string, compact: string): string | undefined {
  if (compact.length === 2) {
    const code = compact.toUpperCase();
    if (table.names.has(code)) return code;
  }
  return table.byKey.get(key) ?? table.byKey.get(compact);
}

/** The English name of a US or Canadian region code (`US`, `CA` → `California`), else undefined. */
export function regionName(country: string, code: string): string | undefined {
  const countryCode = country.trim().toUpperCase();
  const table = countryCode === 'US' ? us() : countryCode === 'CA' ? ca() : undefined;
  return table?.names.get(code.trim().toUpperCase());
}
