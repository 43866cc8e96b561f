/**
 * Misspellings of popular mail domains, and the domains they were meant to be.
 *
 * Two layers: an explicit table for the typos seen most (including ones two edits away, or
 * on short domains where a generic rule would misfire), and the short list of popular domains
 * that `email.ts` checks every domain against at edit distance one.
 */

/** Explicit typo → intended domain. */
export const DOMAIN_TYPOS: ReadonlyMap<string, string> = new Map([
  // gmail.com
  ['gmial.com', 'gmail.com'],
  ['gmai.com', 'gmail.com'],
  ['gamil.com', 'gmail.com'],
  ['gnail.com', 'gmail.com'],
  ['gmail.co', 'gmail.com'],
  ['gmail.con', 'gmail.com'],
  ['gmal.com', 'gmail.com'],
  ['gmil.com', 'gmail.com'],
  ['gimal.com', 'gmail.com'],
  ['gmaill.com', 'gmail.com'],
  ['gmail.cm', 'gmail.com'],
  ['gmail.om', 'gmail.com'],
  ['gmail.comm', 'gmail.com'],
  ['gmail.cmo', 'gmail.com'],
  ['gmail.vom', 'gmail.com'],
  ['gmail.xom', 'gmail.com'],
  ['gmsil.com', 'gmail.com'],
  ['gmaik.com', 'gmail.com'],
  ['gmaul.com', 'gmail.com'],
  ['gmali.com', 'gmail.com'],
  ['gmail.cim', 'gmail.com'],
  ['gmaiil.com', 'gmail.com'],
  ['ggmail.com', 'gmail.com'],
  ['gmail.net', 'gmail.com'],
  ['gemail.com', 'gmail.com'],
  ['gmeil.com', 'gmail.com'],
  // hotmail.com
  ['hotmial.com', 'hotmail.com'],
  ['hotmal.com', 'hotmail.com'],
  ['hotmai.com', 'hotmail.com'],
  ['hotamil.com', 'hotmail.com'],
  ['hotmil.com', 'hotmail.com'],
  ['homail.com', 'hotmail.com'],
  ['hotmaill.com', 'hotmail.com'],
  ['hotnail.com', 'hotmail.com'],
  ['htomail.com', 'hotmail.com'],
  ['hotmail.co', 'hotmail.com'],
  ['hotmail.con', 'hotmail.com'],
  ['hormail.com', 'hotmail.com'],
  ['hotmsil.com', 'hotmail.com'],
  ['hitmail.com', 'hotmail.com'],
  ['hotmali.com', 'hotmail.com'],
  ['hotmial.co.uk', 'hotmail.co.uk'],
  ['hotmal.co.uk', 'hotmail.co.uk'],
  // yahoo.com
  ['yaho.com', 'yahoo.com'],
  ['yahooo.com', 'yahoo.com'],
  ['yahho.com', 'yahoo.com'],
  ['yhoo.com', 'yahoo.com'],
  ['yhaoo.com', 'yahoo.com'],
  ['yaoo.com', 'yahoo.com'],
  ['yahoo.co', 'yahoo.com'],
  ['yahoo.con', 'yahoo.com'],
  ['yahou.com', 'yahoo.com'],
  ['yahooo.co.uk', 'yahoo.co.uk'],
  ['yaho.co.uk', 'yahoo.co.uk'],
  ['yaho.com.mx', 'yahoo.com.mx'],
  // outlook.com
  ['outlok.com', 'outlook.com'],
  ['outloo.com', 'outlook.com'],
  ['outllok.com', 'outlook.com'],
  ['otlook.com', 'outlook.com'],
  ['oulook.com', 'outlook.com'],
  ['outlook.co', 'outlook.com'],
  ['outlook.con', 'outlook.com'],
  ['outlool.com', 'outlook.com'],
  ['putlook.com', 'outlook.com'],
  ['outook.com', 'outlook.com'],
  ['outlookk.com', 'outlook.com'],
  // icloud.com
  ['iclod.com', 'icloud.com'],
  ['icoud.com', 'icloud.com'],
  ['iclould.com', 'icloud.com'],
  ['icloud.co', 'icloud.com'],
  ['icluod.com', 'icloud.com'],
  ['icloud.con', 'icloud.com'],
  ['iclud.com', 'icloud.com'],
  ['icolud.com', 'icloud.com'],
  // aol.com: too short for the edit-distance rule (aon.com, bol.com are real companies)
  ['aol.co', 'aol.com'],
  ['aol.con', 'aol.com'],
  ['aoll.com', 'aol.com'],
  ['aol.cm', 'aol.com'],
  ['aool.com', 'aol.com'],
  // Others (`<free>.con` and the like are caught by the mistyped-`.com` rule in `email.ts`)
  ['protonmial.com', 'protonmail.com'],
  ['googlemial.com', 'googlemail.com'],
  ['live.con', 'live.com'],
  ['msn.con', 'msn.com'],
  ['me.con', 'me.com'],
]);

/**
 * Mistyped `.com`s that are not real top-level domains, so `<free name>.con` can be corrected
 * for any free provider. (`.co`, `.cm`, `.om` are real country domains: only the edit-distance
 * check against the popular few corrects those.)
 */
export const COM_TYPOS: ReadonlySet<string> = new Set(['con', 'cmo', 'ocm', 'vom', 'xom', 'cpm', 'cim', 'comm', 'coom', 'comn', 'cok']);

/**
 * The most popular free domains, checked at edit distance one so unknown typos (`gmaill.com`,
 * `yahoo.cm`) are caught too. Only long names: on short ones one edit lands on real companies.
 */
export const POPULAR_DOMAINS: readonly string[] = ['gmail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'icloud.com'];

/**
 * Real domains one edit from a popular one, which must never be "corrected"
 * (free and disposable domains are excluded already).
 */
export const NOT_TYPOS: ReadonlySet<string> = new Set([
  'cloud.com', // Citrix
  'wahoo.com', // Wahoo Fitness
]);
