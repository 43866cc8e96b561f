/**
 * Disposable (throw-away) mail domains: addresses that stop working within hours.
 *
 * A curated list of the services people actually reach for, not an exhaustive feed:
 * new throw-away domains appear daily, so this catches the common case cheaply and the
 * rest falls through to `work`. Server-side only in practice; the widget needs just the free list.
 */

const DISPOSABLE_DOMAINS: ReadonlySet<string> = new Set([
  // Mailinator and its alias domains
  'mailinator.com', 'mailinator.net', 'mailinator.org', 'mailinator2.com', 'mailinater.com',
  'notmailinator.com', 'reallymymail.com', 'sogetthis.com', 'spamherelots.com',
  'spamhereplease.com', 'thisisnotmyrealemail.com', 'tradermail.info', 'veryrealemail.com',
  'suremail.info', 'binkmail.com', 'bobmail.info', 'chammy.info', 'devnullmail.com',
  'letthemeatspam.com', 'mailin8r.com', 'zippymail.info', 'safetymail.info', 'mailtothis.com',
  // Guerrilla Mail
  'guerrillamail.com', 'guerrillamail.net', 'guerrillamail.org', 'guerrillamail.biz',
  'guerrillamail.de', 'guerrillamail.info', 'guerrillamailblock.com', 'sharklasers.com',
  'grr.la', 'pokemail.net', 'spam4.me',
  // Minute mailboxes
  '10minutemail.com', '10minutemail.net', '10minutemail.co.uk', '10minmail.com',
  '20minutemail.com', '20minutemail.it', '33mail.com', 'minuteinbox.com', '10mail.org',
  // YOPmail and its alias domains
  'yopmail.com', 'yopmail.fr', 'yopmail.net', 'cool.fr.nf', 'jetable.fr.nf', 'courriel.fr.nf',
  'moncourrier.fr.nf', 'monemail.fr.nf', 'monmail.fr.nf', 'nospam.ze.tc', 'nomail.xl.cx',
  'mega.zik.dj', 'speed.1s.fr',
  // temp-mail and look-alikes
  'temp-mail.org', 'temp-mail.io', 'temp-mail.ru', 'tempmail.com', 'tempmail.net',
  'tempmail.dev', 'tempmail.plus', 'tempmailo.com', 'tempail.com',
  'tempr.email', 'tempinbox.com', 'tempemail.net', 'tempomail.fr', 'temporaryemail.net',
  'temporaryinbox.com', 'tempmailaddress.com', 'tmpmail.org', 'tmpmail.net', 'tmpbox.net',
  'tmpeml.com', 'tmail.ws', 'tmails.net', 'emltmp.com', 'mytemp.email', 'mail.tm',
  // Trash mail
  'trashmail.com', 'trashmail.net', 'trashmail.de', 'trashmail.me', 'trashmail.at',
  'trashmail.io', 'trashmail.org', 'trashmail.ws', 'trash-mail.com', 'trash-mail.at',
  'mailmetrash.com', 'kurzepost.de', 'objectmail.com', 'proxymail.eu', 'rcpt.at',
  'wegwerfmail.de', 'wegwerfmail.net', 'wegwerfmail.org', 'wegwerf-email.de', 'einmalmail.de',
  'sofort-mail.de', 'spoofmail.de', 'byom.de', '0815.ru', '0-mail.com',
  // 1secmail and its alias domains
  '1secmail.com', '1secmail.org', '1secmail.net', 'esiix.com', 'wwjmp.com', 'xojxe.com',
  'yoggm.com', 'kzccv.com', 'qiott.com', 'dpptd.com',
  // Fake Mail Generator's domains
  'fakemailgenerator.com', 'armyspy.com', 'cuvox.de', 'dayrep.com', 'einrot.com',
  'fleckens.hu', 'gustr.com', 'jourrapide.com', 'rhyta.com', 'superrito.com', 'teleworm.us',
  // Other common services
  'maildrop.cc', 'mailnesia.com', 'mailcatch.com', 'getnada.com', 'nada.email',
  'dispostable.com', 'discard.email', 'discardmail.com', 'discardmail.de', 'fakeinbox.com',
  'fakemail.net', 'emailfake.com', 'email-fake.com', 'mintemail.com', 'mohmal.com',
  'emailondeck.com', 'getairmail.com', 'dropmail.me', 'burnermail.io', 'spamgourmet.com',
  'mailnull.com', 'spambox.us', 'spamex.com', 'spamfree24.org', 'spamdecoy.net',
  'incognitomail.org', 'anonbox.net', 'mailforspam.com', 'inboxbear.com', 'throwawaymail.com',
  'throwam.com', 'mt2015.com', 'jetable.org', 'jetable.com', 'jetable.net', 'link2mail.net',
  'meltmail.com', 'mailexpire.com', 'mailzilla.com', 'spamspot.com', 'mailpoof.com',
  'harakirimail.com', 'inboxkitten.com', 'mailsac.com', 'luxusmail.org', 'mvrht.com',
  'vomoto.com', 'moakt.com', 'moakt.cc', 'disbox.net', 'fexbox.org', 'emailtemporanea.net',
  'correotemporal.org', 'mail-temporaire.fr', 'mailtemporaire.com', 'crazymailing.com',
  'spambog.com', 'spambog.de', 'mailhazard.com'
]);

/**
 * True when `domain`, or a domain it is under (`x.mailinator.com`), is a known disposable
 * mail service.
 */
export function isDisposableDomain(domain: string): boolean {
  let d = domain.trim().toLowerCase();
  // Walk up the labels: services hand out sub-domains of their domains too.
  for (;;) {
    if (DISPOSABLE_DOMAINS.has(d)) return true;
    const dot = d.indexOf('.');
    if (dot < 0) return false;
    d = d.slice(dot + 1);
  }
}
