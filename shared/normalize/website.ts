/**
 * Websites to the bare host routing compares (`https://WWW.Acme.com/about` → `acme.com`).
 */

// Scheme (`https://`, `HTTP://`) or a protocol-relative `//`.
const SCHEME = /^(?:[a-z][a-z\d+.-]*:)?\/\//;
// The authority ends at the path, query or fragment.
const AUTHORITY_END = /[/?#]/;
const WWW = /^www\d*\./;
// Labels of letters, digits and inner hyphens; an alphabetic (or punycode) top-level label.
// The ASCII pattern settles nearly every host without the slower Unicode one.
const HOST_ASCII = /^(?:[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?\.)+(?:[a-z]{2,63}|xn--[a-z\d-]{1,59})$/;
const HOST = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(?:\p{L}{2,63}|xn--[a-z\d-]{1,59})$/u;

/**
 * The host of a website address, lower-cased, without scheme, credentials, port, path or a
 * leading `www.`; undefined when what remains is not a plausible domain name (IP addresses,
 * `localhost` and words without a dot are not).
 */
export function normalizeWebsite(raw: string): string | undefined {
  let host = raw.trim().toLowerCase().replace(SCHEME, '');
  const end = host.search(AUTHORITY_END);
  if (end >= 0) host = host.slice(0, end);
  // Credentials (`user:pass@`) come before the host, the port after it.
  const at = host.lastIndexOf('@');
  if (at >= 0) host = host.slice(at + 1);
  const colon = host.indexOf(':');
  if (colon >= 0) host = host.slice(0, colon);
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (host.length > 253 || !(HOST_ASCII.test(host) || HOST.test(host))) return undefined;
  // `www.com` is itself a domain: only strip `www.` when a domain remains.
  const bare = host.replace(WWW, '');
  return bare.includes('.') ? bare : host;
}
