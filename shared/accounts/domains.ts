/**
 * Domains as account matching sees them: an account's domains from whatever the CRM or a CSV
 * holds (`https://www.acme.com/`, `acme.com; acme.io`), and the domains a lead can match at any
 * sub-domain depth (`mail.eu.acme.co.uk` → `eu.acme.co.uk` → `acme.co.uk`).
 */
import { isFreeMailDomain } from '../normalize/free-domains.ts';
import { normalizeWebsite } from '../normalize/website.ts';

/**
 * Hosts shared by many unrelated companies: `acme.myshopify.com` says nothing about Shopify,
 * so a lead's domain never climbs to these (an address at the host itself still matches).
 */
const SHARED_HOSTS: ReadonlySet<string> = new Set([
  'myshopify.com',
  'wixsite.com',
  'wordpress.com',
  'blogspot.com',
  'squarespace.com',
  'webflow.io',
  'github.io',
  'herokuapp.com',
  'vercel.app',
  'netlify.app',
  'pages.dev',
  'workers.dev',
  'azurewebsites.net',
  'cloudfront.net',
  'appspot.com',
  'web.app',
  'firebaseapp.com',
  'sites.google.com',
  'notion.site',
  'carrd.co',
  'godaddysites.com',
  'weebly.com',
  'jimdo.com',
  'business.site',
  'amazonaws.com',
]);

/** Profile pages people type as their website: the host is the network's, not their company's. */
const PROFILE_HOSTS: ReadonlySet<string> = new Set([
  'linkedin.com',
  'facebook.com',
  'instagram.com',
  'twitter.com',
  'x.com',
  'medium.com',
  'substack.com',
  'youtube.com',
  'github.com',
  'google.com',
]);

/** The domains of an account, from any mix of hosts, URLs and separators; invalid ones are dropped. */
export function accountDomains(raw: string | readonly string[] | undefined): string[] {
  if (raw === undefined) return [];
  const parts = typeof raw === 'string' ? raw.split(/[\s;,|]+/) : raw.flatMap((r) => r.split(/[\s;,|]+/));
  const out = new Set<string>();
  for (const part of parts) {
    if (part === '') continue;
    const domain = normalizeWebsite(part);
    if (domain !== undefined && !isFreeMailDomain(domain)) out.add(domain);
  }
  return [...out];
}

/** What a lead offers for matching by domain. */
export interface LeadDomains {
  /** The email's domain, when it is a work address. */
  emailDomain?: string;
  emailKind?: string;
  /** The website's host. */
  website?: string;
}

/**
 * The domains a lead can match, most specific first: the work email's domain and each parent
 * of it, then the website's. Free-mail and disposable domains never match; parents stop before
 * a country's second level (`co.uk` is nobody's) and at hosts many companies share.
 * @example leadDomainCandidates({ emailDomain: 'mail.eu.acme.co.uk', emailKind: 'work' })
 * // ['mail.eu.acme.co.uk', 'eu.acme.co.uk', 'acme.co.uk']
 */
export function leadDomainCandidates(lead: LeadDomains): string[] {
  const out: string[] = [];
  if (lead.emailDomain !== undefined && lead.emailKind === 'work') climb(lead.emailDomain, out);
  if (lead.website !== undefined && !isFreeMailDomain(lead.website) && !PROFILE_HOSTS.has(lead.website)) climb(lead.website, out);
  return out;
}

// Second-level labels under which country codes sell names: `acme.co.uk`, `acme.com.au`.
const SECOND_LEVEL = /^(?:co|com|net|org|gov|ac|edu|ltd|plc|or|ne|go)\.[a-z]{2}$/;

function climb(domain: string, out: string[]): void {
  let d = domain.toLowerCase();
  for (;;) {
    if (!out.includes(d)) out.push(d);
    const rest = d.slice(d.indexOf('.') + 1);
    if (!rest.includes('.') || SHARED_HOSTS.has(rest) || SECOND_LEVEL.test(rest)) return;
    d = rest;
  }
}
