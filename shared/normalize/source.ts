/**
 * Where a lead came from: UTM parameters first, else the referrer (big sites by a friendly
 * name), else `direct`. URLs are taken apart with a regex: `URL` is not part of ES2023.
 */
import type { LeadContext } from '../lead/types.ts';

/** A lead's source, medium, campaign and the path of the page it was submitted from. */
export interface LeadSource {
  /** UTM source, else the referrer's friendly name or host, else `direct`. */
  source: string;
  /** UTM medium; for a referrer, `organic` (search engine), `social` or `referral`. */
  medium?: string;
  /** UTM campaign, as typed (trimmed). */
  campaign?: string;
  /** Path of the submitting page, e.g. `/pricing`. */
  pagePath?: string;
}

// scheme://[credentials@]host[:port]path — anything else (relative, garbage) fails to match.
const ABSOLUTE_URL = /^[a-z][a-z\d+.-]*:\/\/(?:[^@/?#]*@)?([^/?#:]*)(?::[^/?#]*)?([^?#]*)/i;
const PATH_ONLY = /^\/[^?#]*/;
const HOST_PREFIX = /^(?:www\d*|m)\./;
// Every Google country site: google.com, google.co.uk, google.com.mx, news.google.de…
const GOOGLE = /(?:^|\.)google\.(?:[a-z]{2,3})(?:\.[a-z]{2})?$/;
// Android apps send `android-app://com.google.android.googlequicksearchbox/`.
const GOOGLE_APP = /^com\.google\.android\./;

/** Registrable domain of a big site → its friendly name and medium. */
const KNOWN_REFERRERS: ReadonlyMap<string, readonly [name: string, medium: string]> = new Map([
  ['bing.com', ['bing', 'organic']],
  ['duckduckgo.com', ['duckduckgo', 'organic']],
  ['search.yahoo.com', ['yahoo', 'organic']],
  ['ecosia.org', ['ecosia', 'organic']],
  ['baidu.com', ['baidu', 'organic']],
  ['yandex.ru', ['yandex', 'organic']],
  ['yandex.com', ['yandex', 'organic']],
  ['linkedin.com', ['linkedin', 'social']],
  ['lnkd.in', ['linkedin', 'social']],
  ['facebook.com', ['facebook', 'social']],
  ['fb.com', ['facebook', 'social']],
  ['fb.me', ['facebook', 'social']],
  ['instagram.com', ['instagram', 'social']],
  ['t.co', ['twitter', 'social']],
  ['twitter.com', ['twitter', 'social']],
  ['x.com', ['twitter', 'social']],
  ['youtube.com', ['youtube', 'social']],
  ['youtu.be', ['youtube', 'social']],
  ['reddit.com', ['reddit', 'social']],
  ['chatgpt.com', ['chatgpt', 'referral']],
  ['openai.com', ['chatgpt', 'referral']],
  ['perplexity.ai', ['perplexity', 'referral']],
]);

/**
 * The lead's source from its context: UTM source (lower-cased), read from `context.utm` or,
 * failing that, the landing or submitting page's query; else the referrer, unless it is the
 * page's own host (internal navigation says nothing of the origin); else `direct`. Without a
 * UTM medium, a referrer gets the usual analytics one: `organic`, `social` or `referral`.
 */
export function leadSource(context: LeadContext | undefined): LeadSource {
  const result: LeadSource = { source: 'direct' };
  const pageUrl = context?.pageUrl?.trim() ?? '';
  const page = pageUrl === '' ? undefined : splitUrl(pageUrl);
  if (page !== undefined) result.pagePath = page.path;

  const campaign = utmValue(context, 'campaign');
  if (campaign !== undefined) result.campaign = campaign;
  const medium = utmValue(context, 'medium')?.toLowerCase();
  if (medium !== undefined) result.medium = medium;
  const utmSource = utmValue(context, 'source');
  if (utmSource !== undefined) {
    result.source = utmSource.toLowerCase();
    return result;
  }

  const referrer = context?.referrer?.trim();
  const referrerHost = referrer ? splitUrl(referrer)?.host : undefined;
  if (referrerHost === undefined || referrerHost === '') return result;
  if (page !== undefined && hostKey(page.host) === hostKey(referrerHost)) return result;

  const [name, referrerMedium] = referrerName(referrerHost);
  result.source = name;
  result.medium ??= referrerMedium;
  return result;
}

/** The friendly name and medium of a referrer host. */
function referrerName(host: string): readonly [name: string, medium: string] {
  const key = hostKey(host);
  if (GOOGLE.test(key) || GOOGLE_APP.test(key)) return ['google', 'organic'];
  // Walk up the labels: `l.facebook.com` and `uk.linkedin.com` are facebook and linkedin.
  for (let domain = key; ;) {
    const known = KNOWN_REFERRERS.get(domain);
    if (known !== undefined) return known;
    const dot = domain.indexOf('.');
    if (dot < 0) break;
    domain = domain.slice(dot + 1);
  }
  return [key, 'referral'];
}

/** Host lower-cased, without a trailing dot or a `www.` / `m.` prefix. */
function hostKey(host: string): string {
  const lower = host.toLowerCase();
  return (lower.endsWith('.') ? lower.slice(0, -1) : lower).replace(HOST_PREFIX, '');
}

/** Host and path of an absolute URL, or the path of a root-relative one (`/pricing?x=1`). */
function splitUrl(url: string): { host: string; path: string } | undefined {
  const absolute = ABSOLUTE_URL.exec(url);
  if (absolute !== null) return { host: absolute[1] ?? '', path: absolute[2] || '/' };
  const relative = PATH_ONLY.exec(url);
  return relative === null ? undefined : { host: '', path: relative[0] };
}

/**
 * A UTM parameter, trimmed: from `context.utm` (what the client collected), else from the query
 * of the visit's landing page or of the submitting page (clients that post raw URLs only).
 */
function utmValue(context: LeadContext | undefined, name: 'source' | 'medium' | 'campaign'): string | undefined {
  return trimmed(context?.utm?.[name]) ?? trimmed(queryParam(context?.landingUrl, `utm_${name}`)) ?? trimmed(queryParam(context?.pageUrl, `utm_${name}`));
}

/** The decoded value of query parameter `name` in `url`, if present. */
function queryParam(url: string | undefined, name: string): string | undefined {
  if (url === undefined) return undefined;
  const query = url.indexOf('?');
  if (query < 0) return undefined;
  const hash = url.indexOf('#', query);
  const pairs = url.slice(query + 1, hash < 0 ? undefined : hash).split('&');
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq) !== name) continue;
    const value = pair.slice(eq + 1).replaceAll('+', ' ');
    try {
      return decodeURIComponent(value);
    } catch {
      return value; // a malformed escape: better the raw text than nothing
    }
  }
  return undefined;
}

/** Trimmed text, undefined when blank. */
function trimmed(text: string | undefined): string | undefined {
  const value = text?.trim();
  return value ? value : undefined;
}
