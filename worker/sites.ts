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

let cache: { raw: string; sites: Record<string, Site> } | undefined;

/** The sites of the `SITES` variable (JSON: site key → site), parsed once per isolate. */
export function sitesOf(raw: string): Record<string, Site> {
  if (cache?.raw === raw) return cache.sites;
  const parsed = JSON.parse(raw) as Record<string, Partial<Site>>;
  const sites: Record<string, Site> = {};
  for (const [key, site] of Object.entries(parsed)) {
    sites[key] = { name: site.name ?? key, origins: Array.isArray(site.origins) ? site.origins.map(String) : [] };
  }
  cache = { raw, sites };
  return sites;
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
