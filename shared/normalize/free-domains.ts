/**
 * Free (consumer) mail providers: an address there says nothing about the sender's company.
 *
 * Kept compact and apart from the disposable list because the widget ships it for its
 * "use your work email" hint.
 */

/** Providers whose brand is a mail brand in every country: `yahoo.<tld>`, `hotmail.co.uk`… */
const FREE_BRANDS: ReadonlySet<string> = new Set(['yahoo', 'hotmail', 'outlook', 'gmx', 'yandex']);

/** Exact free-mail domains (the brands above match on any country suffix on top of these). */
const FREE_DOMAINS: ReadonlySet<string> = new Set([
  // Google, Microsoft, Yahoo, AOL, Apple
  'gmail.com',
  'googlemail.com',
  'live.com',
  'live.co.uk',
  'live.ca',
  'live.fr',
  'live.de',
  'live.it',
  'live.nl',
  'live.com.mx',
  'live.com.au',
  'msn.com',
  'passport.com',
  'windowslive.com',
  'ymail.com',
  'rocketmail.com',
  'aol.com',
  'aol.co.uk',
  'aol.fr',
  'aol.de',
  'aim.com',
  'aol.it',
  'icloud.com',
  'me.com',
  'mac.com',
  // Privacy-minded and independent providers
  'proton.me',
  'protonmail.com',
  'protonmail.ch',
  'pm.me',
  'tutanota.com',
  'tutanota.de',
  'tuta.io',
  'tuta.com',
  'fastmail.com',
  'fastmail.fm',
  'hey.com',
  'hushmail.com',
  'zoho.com',
  'zohomail.com',
  'mail.com',
  'email.com',
  'inbox.com',
  'usa.com',
  // Europe
  'web.de',
  't-online.de',
  'freenet.de',
  'posteo.de',
  'mailbox.org',
  'arcor.de',
  'orange.fr',
  'wanadoo.fr',
  'free.fr',
  'laposte.net',
  'sfr.fr',
  'neuf.fr',
  'libero.it',
  'virgilio.it',
  'tiscali.it',
  'alice.it',
  'tin.it',
  'btinternet.com',
  'sky.com',
  'virginmedia.com',
  'ntlworld.com',
  'talktalk.net',
  'telefonica.net',
  'terra.es',
  'ziggo.nl',
  'kpnmail.nl',
  'planet.nl',
  'home.nl',
  'seznam.cz',
  'centrum.cz',
  'wp.pl',
  'o2.pl',
  'onet.pl',
  'interia.pl',
  'mail.ru',
  'inbox.ru',
  'list.ru',
  'bk.ru',
  'rambler.ru',
  'ya.ru',
  'ukr.net',
  // Asia
  'qq.com',
  'foxmail.com',
  '163.com',
  '126.com',
  'yeah.net',
  'sina.com',
  'sina.cn',
  'sohu.com',
  'aliyun.com',
  'naver.com',
  'daum.net',
  'hanmail.net',
  'rediffmail.com',
  // The Americas and Oceania
  'comcast.net',
  'verizon.net',
  'att.net',
  'sbcglobal.net',
  'bellsouth.net',
  'cox.net',
  'charter.net',
  'earthlink.net',
  'optonline.net',
  'frontier.com',
  'juno.com',
  'shaw.ca',
  'rogers.com',
  'sympatico.ca',
  'videotron.ca',
  'bigpond.com',
  'optusnet.com.au',
  'uol.com.br',
  'bol.com.br',
  'terra.com.br',
  'ig.com.br',
  'prodigy.net.mx',
]);

// A brand's country suffix: `com`, `fr`, `co.uk`, `com.mx`…, never a longer or odd tail,
// and never a mistyped `.com` (`yahoo.con`), which the typo check must still get to correct.
const COUNTRY_SUFFIX = /^[a-z]{2,3}(?:\.[a-z]{2,3})?$/;
const MISTYPED_COM = /^(?:con|cmo|ocm|vom|xom|cpm|cim|coom|om|cm|co)$/;

/** True when `domain` belongs to a free mail provider (Gmail, Yahoo, Outlook, GMX…). */
export function isFreeMailDomain(domain: string): boolean {
  const d = domain.trim().toLowerCase();
  if (FREE_DOMAINS.has(d)) return true;
  const dot = d.indexOf('.');
  if (dot <= 0 || !FREE_BRANDS.has(d.slice(0, dot))) return false;
  const suffix = d.slice(dot + 1);
  return COUNTRY_SUFFIX.test(suffix) && !MISTYPED_COM.test(suffix);
}
