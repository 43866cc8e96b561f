/**
 * Company names as matching sees them: "The U.S. Bancorp, Inc." and "us bank" are the same
 * tokens, `us bank`. Case, accents, punctuation ("U.S." / "US"), "&" / "and", legal suffixes
 * (Inc, LLC, Ltd, GmbH, S.A.…), a leading "The", common abbreviations and plurals are folded
 * away, so that what is left is the part of a name that tells companies apart.
 */
import { stripAccents } from '../normalize/text.ts';

// A web address used as a name: "Salesforce.com" is Salesforce.
const WEB_SUFFIX = /\.(?:com|net|org|io|ai|co|biz|app)(?![a-z])/g;
const APOSTROPHES = /['’`´]/g;
const SINGLE_LETTER_AND = /\b([a-z])\s*&\s*([a-z])\b/g;
// Dots join ("U.S." → "us", "J.P." → "jp"); other punctuation separates.
const DOTS = /\./g;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;
const PARENTHETICAL = /\([^)]*\)|\[[^\]]*\]/g;
// Country names written out, folded to the initials people also type.
const COUNTRY_PHRASES = /\bunited states(?: of america)?\b|\bunited kingdom\b/g;
const COUNTRY_INITIALS: Readonly<Record<string, string>> = { 'united kingdom': 'uk' };

/** Words that carry no identity ("Bank of the West" is "bank west"). */
const STOPWORDS: ReadonlySet<string> = new Set([
  'the',
  'and',
  'of',
  'for',
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'el',
  'los',
  'las',
  'der',
  'die',
  'das',
  'und',
  'et',
  'y',
  'e',
]);

/**
 * Legal forms, as token sequences, stripped from the end of a name (repeatedly: "Co., Ltd.").
 * Longest first, so "s de rl de cv" goes before "cv".
 */
const LEGAL_SUFFIXES: readonly (readonly string[])[] = [
  ['s', 'de', 'rl', 'de', 'cv'],
  ['sab', 'de', 'cv'],
  ['gmbh', 'and', 'co', 'kg'],
  ['gmbh', 'co', 'kg'],
  ['sa', 'de', 'cv'],
  ['sp', 'z', 'oo'],
  ['private', 'limited'],
  ['national', 'association'],
  ['pvt', 'ltd'],
  ['pty', 'ltd'],
  ['pte', 'ltd'],
  ['co', 'ltd'],
  ['sdn', 'bhd'],
  ['and', 'co'],
  ['s', 'r', 'o'],
  ...[
    'inc',
    'incorporated',
    'corp',
    'corporation',
    'co',
    'cos',
    'company',
    'llc',
    'llp',
    'lllp',
    'lp',
    'ltd',
    'limited',
    'plc',
    'gmbh',
    'ag',
    'kg',
    'kgaa',
    'mbh',
    'sa',
    'sas',
    'sasu',
    'sarl',
    'srl',
    'spa',
    'bv',
    'nv',
    'ab',
    'as',
    'asa',
    'aps',
    'oy',
    'oyj',
    'kk',
    'kft',
    'zrt',
    'sro',
    'doo',
    'ooo',
    'pjsc',
    'jsc',
    'oao',
    'zao',
    'tbk',
    'se',
    'ulc',
    'pllc',
    'pc',
    'lc',
    'sl',
    'slu',
    'sau',
    'sca',
    'cv',
    'bhd',
    'pte',
    'pty',
    'ltda',
    'sapi',
    'eirl',
    'gbr',
    'ug',
    'ev',
    'na',
  ].map((s) => [s]),
];

/** Abbreviations and variants folded to one spelling (after plurals are folded). */
const CANONICAL: Readonly<Record<string, string>> = {
  intl: 'international',
  int: 'international',
  natl: 'national',
  mfg: 'manufacturing',
  mfrs: 'manufacturer',
  svc: 'service',
  svcs: 'service',
  tech: 'technology',
  techs: 'technology',
  technologie: 'technology',
  sys: 'system',
  sol: 'solution',
  solns: 'solution',
  grp: 'group',
  hldgs: 'holding',
  hldg: 'holding',
  mgmt: 'management',
  assoc: 'associate',
  assn: 'association',
  bros: 'brother',
  univ: 'university',
  dept: 'department',
  ctr: 'center',
  centre: 'center',
  labs: 'lab',
  laboratory: 'lab',
  laboratorie: 'lab',
  comm: 'communication',
  bancorp: 'bank',
  bancorporation: 'bank',
  bankcorp: 'bank',
  bancshare: 'bank',
  bankshare: 'bank',
  banco: 'bank',
  banque: 'bank',
  bank: 'bank',
  st: 'saint',
  ste: 'saint',
  mt: 'mount',
  ft: 'fort',
  grupo: 'group',
  groupe: 'group',
  gruppo: 'group',
  gruppe: 'group',
  cie: 'compagnie',
};

/**
 * Words common to many company names: they count for little when names are compared and are
 * not looked up on their own (a lead typed "Global Services" must not fetch every "Global").
 */
export const WEAK_WORDS: ReadonlySet<string> = new Set([
  'group',
  'holding',
  'international',
  'global',
  'worldwide',
  'service',
  'solution',
  'system',
  'technology',
  'enterprise',
  'industry',
  'partner',
  'associate',
  'consulting',
  'management',
  'network',
  'corporate',
  'consolidated',
  'america',
  'american',
  'usa',
  'us',
  'north',
  'south',
  'east',
  'west',
  'national',
  'united',
  'general',
  'new',
  'first',
  'capital',
  'digital',
  'software',
  'product',
  'resource',
  'company',
  'compagnie',
  'business',
  'center',
  'communication',
  'lab',
  'media',
  'health',
  'care',
  'financial',
  'bank',
]);

/** Folds a plural: `systems` → `system`, `industries` → `industry`; short words and `-ss`/`-us`/`-is`/`-ys` endings stay. */
function singular(token: string): string {
  if (token.length < 5 || !token.endsWith('s')) return token;
  if (token.endsWith('ies')) return `${token.slice(0, -3)}y`;
  if (token.endsWith('ss') || token.endsWith('us') || token.endsWith('is') || token.endsWith('ys')) return token;
  return token.slice(0, -1);
}

/**
 * The identifying tokens of a company name, in order.
 * @example companyTokens('The U.S. Bancorp, Inc.') // ['us', 'bank']
 * @example companyTokens('Société Générale S.A.') // ['societe', 'generale']
 */
export function companyTokens(raw: string): string[] {
  const text = stripAccents(raw.toLowerCase())
    .replace(PARENTHETICAL, ' ')
    .replace(COUNTRY_PHRASES, (m) => COUNTRY_INITIALS[m] ?? 'us')
    .replace(WEB_SUFFIX, ' ')
    // "P&G", "H&M": initials joined by "&" are one word; otherwise "&" is "and".
    .replace(SINGLE_LETTER_AND, '$1$2')
    .replace(/&|\+/g, ' and ')
    .replace(APOSTROPHES, '')
    .replace(DOTS, '')
    .replace(NOT_WORD, ' ');
  const words = text.split(' ').filter((w) => w !== '');
  // Runs of single letters are one word: "u s bank" → "us bank", "a b c supply" → "abc supply".
  const tokens: string[] = [];
  let run = false;
  for (const word of words) {
    const letter = word.length === 1 && word >= 'a' && word <= 'z';
    if (letter && run) tokens[tokens.length - 1] += word;
    else tokens.push(word);
    run = letter;
  }
  if (tokens.length > 1 && tokens[0] === 'the') tokens.shift();
  stripLegal(tokens);
  const kept = tokens.filter((t) => !STOPWORDS.has(t));
  return (kept.length > 0 ? kept : tokens).map((t) => CANONICAL[singular(t)] ?? singular(t));
}

/** Removes legal forms from the end, keeping at least one token. */
function stripLegal(tokens: string[]): void {
  for (let changed = true; changed;) {
    changed = false;
    for (const suffix of LEGAL_SUFFIXES) {
      if (tokens.length <= suffix.length) continue;
      const start = tokens.length - suffix.length;
      if (suffix.every((s, i) => tokens[start + i] === s)) {
        tokens.length = start;
        changed = true;
        break;
      }
    }
  }
}

/** The tokens joined without spaces: "Jet Blue" and "JetBlue" are one name. */
export function squash(tokens: readonly string[]): string {
  return tokens.join('');
}

/** The initials of a name of three words or more ("International Business Machines" → `ibm`), else undefined. */
export function acronym(tokens: readonly string[]): string | undefined {
  return tokens.length >= 3 ? tokens.map((t) => t[0]).join('') : undefined;
}

/**
 * The lookup keys of a name, for the accounts index: the squashed name (`s:`), its acronym
 * (`s:` too, so "IBM" and "International Business Machines" meet), each distinctive word
 * (`t:`), and the first and last four letters of long words (`p:`, `q:`), so that one typo in a
 * long word still finds the account.
 */
export function nameKeys(tokens: readonly string[]): string[] {
  if (tokens.length === 0) return [];
  const whole = squash(tokens);
  const keys = new Set<string>([`s:${whole}`]);
  // The whole name's ends too: "Sales Force" finds "Salesforce", "wellsfargo" finds "Wells Fargo".
  if (whole.length >= 6) {
    keys.add(`p:${whole.slice(0, 4)}`);
    keys.add(`q:${whole.slice(-4)}`);
  }
  const initials = acronym(tokens);
  if (initials) keys.add(`s:${initials}`);
  for (const token of tokens) {
    if (WEAK_WORDS.has(token) || token.length < 2) continue;
    keys.add(`t:${token}`);
    if (token.length >= 5) {
      keys.add(`p:${token.slice(0, 4)}`);
      keys.add(`q:${token.slice(-4)}`);
    }
  }
  return [...keys];
}
