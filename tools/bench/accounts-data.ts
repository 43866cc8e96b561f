/**
 * Synthetic accounts for `npm run bench:accounts`: 100,000 company names shaped like a CRM's
 * (a made-up brand, often an industry word and a legal form; some with common words such as
 * "American", "General", "Delta" that the test set's real names share), each with a domain and
 * an owner. Deterministic: the same seed gives the same accounts.
 */
import type { IndexedAccount } from '../../shared/accounts/types.ts';

const ONSETS = [
  'b',
  'br',
  'c',
  'cr',
  'd',
  'dr',
  'f',
  'g',
  'gr',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'pr',
  'qu',
  'r',
  's',
  'st',
  't',
  'tr',
  'v',
  'w',
  'z',
  'th',
  'sh',
  'ch',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'ou', 'y'];
const CODAS = ['', '', 'n', 'r', 'l', 'x', 'm', 'ck', 'nd', 'st', 'rk', 'nt', 'ss'];
const INDUSTRIES = [
  'Logistics',
  'Holdings',
  'Group',
  'Partners',
  'Capital',
  'Systems',
  'Software',
  'Labs',
  'Foods',
  'Energy',
  'Health',
  'Bank',
  'Insurance',
  'Manufacturing',
  'Consulting',
  'Media',
  'Motors',
  'Airlines',
  'Pharmaceuticals',
  'Construction',
  'Realty',
  'Analytics',
  'Robotics',
  'Retail',
  'Apparel',
  'Brewing',
  'Dental',
  'Medical',
  'Telecom',
  'Networks',
  'Solutions',
  'Services',
  'Technologies',
  'Industries',
  'Ventures',
  'Trust',
  'Mining',
  'Steel',
  'Chemicals',
  'Electric',
  'Airways',
  'Hotels',
  'Studios',
  'Games',
  'Publishing',
  'Farms',
  'Supply',
  'Trading',
  'Freight',
  'Marine',
];
const COMMON = [
  'American',
  'General',
  'United',
  'National',
  'First',
  'Pacific',
  'Atlantic',
  'Summit',
  'Pioneer',
  'Delta',
  'Apex',
  'Global',
  'Blue',
  'Green',
  'North',
  'South',
  'Eagle',
  'Liberty',
  'Star',
  'Northern',
  'Western',
  'Royal',
  'Golden',
  'Silver',
  'Union',
  'Premier',
  'Allied',
  'Metro',
];
const LEGAL = ['Inc.', 'LLC', 'Ltd', 'Corp.', 'GmbH', 'S.A.', 'plc', 'Co.', 'AG', 'B.V.', '', '', '', ''];

/** A deterministic pseudo-random sequence. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

const pick = <T>(items: readonly T[], r: number): T => items[Math.floor(r * items.length)]!;

function word(rnd: () => number): string {
  const syllables = 2 + Math.floor(rnd() * 2);
  let w = '';
  for (let i = 0; i < syllables; i++) w += pick(ONSETS, rnd()) + pick(VOWELS, rnd()) + (i === syllables - 1 ? pick(CODAS, rnd()) : '');
  return w[0]!.toUpperCase() + w.slice(1);
}

/** `count` synthetic accounts; `owners` rep ids are spread over them. */
export function syntheticAccounts(count: number, owners: readonly string[], seed = 7): IndexedAccount[] {
  const rnd = random(seed);
  const out: IndexedAccount[] = [];
  const seen = new Set<string>();
  while (out.length < count) {
    const brand = word(rnd);
    const roll = rnd();
    const name =
      roll < 0.55
        ? `${brand} ${pick(INDUSTRIES, rnd())}`
        : roll < 0.75
          ? `${pick(COMMON, rnd())} ${brand} ${pick(INDUSTRIES, rnd())}`
          : roll < 0.85
            ? `${brand} & ${word(rnd)}`
            : roll < 0.92
              ? `${pick(COMMON, rnd())} ${pick(INDUSTRIES, rnd())} of ${brand}`
              : brand;
    const full = `${name} ${pick(LEGAL, rnd())}`.trim();
    const domain = `${brand.toLowerCase()}${out.length.toString(36)}.example`;
    if (seen.has(full)) continue;
    seen.add(full);
    const i = out.length;
    out.push({
      id: `bench:${i}`,
      source: 'csv',
      name: full,
      domains: [domain],
      owner: pick(owners, rnd()),
      ...(rnd() < 0.2 ? { tier: pick(['tier_1', 'tier_2', 'tier_3'], rnd()) } : {}),
      ...(rnd() < 0.3 ? { customer: true, customerSince: `20${10 + Math.floor(rnd() * 15)}-0${1 + Math.floor(rnd() * 9)}-15` } : {}),
    });
  }
  return out;
}
