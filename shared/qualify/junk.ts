/**
 * Junk detection: the signals that a lead came from a bot or from someone not really asking.
 * Each finding carries a sentence for the reviewer, since junk is queued for review, not dropped.
 */
import type { NormalizedLead } from '../lead/types.ts';
import { foldText } from './fold.ts';
import { foldedGibberishReason } from './gibberish.ts';
import type { GibberishMode } from './gibberish.ts';
import { countLinks, hasLink } from './links.ts';
import type { JunkFinding, QualifyRules } from './types.ts';

/** The free-text fields a person types a name into, with the words a reviewer reads. */
const NAME_FIELDS = [
  ['firstName', 'first name'],
  ['lastName', 'last name'],
  ['company', 'company'],
] as const;

/** Longest excerpt of a field quoted in a finding: a reviewer needs a glimpse, not the essay. */
const MAX_QUOTE = 40;

function quote(value: string): string {
  const text = value.trim();
  return `'${text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE)}…` : text}'`;
}

function gibberish(findings: JunkFinding[], label: string, value: string, folded: string, mode: GibberishMode): void {
  const reason = foldedGibberishReason(folded, mode);
  if (reason !== undefined) {
    findings.push({ signal: 'gibberish', detail: `${label} ${quote(value)} ${reason}` });
  }
}

/**
 * Every junk finding for `lead`, in a fixed order: honeypot, disposable email, gibberish
 * (names, company, message), links. Fill speed is no junk signal: see suspect.ts. `foldedMessage` is the message through
 * `foldText`, when the caller already has it.
 */
export function junkFindings(
  lead: NormalizedLead,
  rules: Readonly<QualifyRules>,
  foldedMessage: string | undefined = lead.message === undefined ? undefined : foldText(lead.message),
): JunkFinding[] {
  const findings: JunkFinding[] = [];
  if (lead.honeypot) {
    findings.push({ signal: 'honeypot', detail: 'the hidden honeypot field was filled in' });
  }
  if (rules.disposableIsJunk && lead.emailKind === 'disposable') {
    const where = lead.emailDomain ?? lead.email ?? 'the email address';
    findings.push({
      signal: 'disposable_email',
      detail: `email domain '${where}' is a disposable address service`,
    });
  }
  for (const [field, label] of NAME_FIELDS) {
    const value = lead[field];
    if (value !== undefined) gibberish(findings, label, value, foldText(value), 'name');
  }
  if (lead.message !== undefined && foldedMessage !== undefined) {
    gibberish(findings, 'message', lead.message, foldedMessage, 'text');
  }
  for (const [field, label] of NAME_FIELDS) {
    const value = lead[field];
    if (value !== undefined && hasLink(value)) {
      findings.push({ signal: 'link_spam', detail: `${label} ${quote(value)} contains a link` });
    }
  }
  if (lead.message !== undefined) {
    const links = countLinks(lead.message);
    if (links > rules.maxLinks) {
      findings.push({
        signal: 'link_spam',
        detail: `message has ${links} links (maximum ${rules.maxLinks})`,
      });
    }
  }
  return findings;
}
