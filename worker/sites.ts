/**
 * Sites: which pages may post leads. Each site key lists the origins its form may be embedded
 * on, so a key copied onto another site is refused.
 */

/** One site: a name and its allowed origins. */
export interface Site {
  name: string;
  /** `https://example.com`, `http://localhost:*` (any port) or `*` (any origin). */
  origins: string[];
}

/** The sites by key (a null-prototype record: `__proto__` or `constructor` is no site), or why `SITES` cannot be read. */
export interface ParsedSites {
  sites: Record<string, Site>;
  problem?: string;
}

let cache: { raw: string; parsed: ParsedSites } | undefined;

/**
 * The sites of the `SITES` variable (JSON: site key → site), parsed once per isolate. Never
 * throws: a `SITES` that is not a JSON object gives no sites and a `problem` (shown by /health).
 */
export function parseSites(raw: string | undefined): ParsedSites {
  if (cache !== undefined && cache.raw === raw) return cache.parsed;
  const sites: Record<string, Site> = Object.create(null);
  let parsed: ParsedSites = { sites };
  let json: unknown;
  try {
    json = JSON.parse(raw ?? '');
  } catch {
    json = undefined;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    parsed = { sites, problem: 'SITES must be a JSON object of site key → { name, origins }' };
  } else {
    for (const [key, value] of Object.entries(json)) {
      const site = (typeof value === 'object' && value !== null ? value : {}) as Partial<Site>;
      sites[key] = { name: typeof site.name === 'string' ? site.name : key, origins: Array.isArray(site.origins) ? site.origins.map(String) : [] };
    }
  }
  cache = { raw: raw ?? '', parsed };
  return parsed;
}

/** The sites of the `SITES` variable (see {@link parseSites}); look one up with {@link siteOf}. */
export function sitesOf(raw: string): Record<string, Site> {
  return parseSites(raw).sites;
}

/** The site of `key`, by own property only: no key names a site it merely inherits. */
export function siteOf(sites: Record<string, Site>, key: string | undefined): Site | undefined {
  return key !== undefined && Object.hasOwn(sites, key) ? sites[key] : undefined;
}

/** True when `origin` may post for `site`. Requests without an Origin (server to server) are allowed. */
export function originAllowed(site: Site, origin: string | undefined): boolean {
  if (origin === undefined) return true;
  return site.origins.some((pattern) => {
    if (pattern === '*') return true;
    if (pattern.endsWith(':*')) {
      const base = pattern.slice(0, -2);
      return origin === base || (origin.startsWith(`${base}:`) && /^\d+$/.test(origin.slice(base.length + 1)));
    }
    return origin === pattern;
  });
}
