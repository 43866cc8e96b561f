/**
 * A lead described for the people who act on it: a title, and the facts every internal
 * notification shows (form, source, location, urgency, contact, company). Plain text; the
 * card renderers escape it.
 */
import type { Qualification } from '../qualify/types.ts';
import type { RoutableLead } from '../routing/types.ts';
import type { Fact } from './card.ts';
import { telHref } from './escape.ts';
import { oneLine } from './text.ts';

/** Shown for a fact the lead did not give, so every notification has the same rows. */
export const NOT_GIVEN = 'not given';

/**
 * Names a lead in one line: who, and their company when known.
 * @example leadTitle({ ...lead, fullName: 'Ana García', company: 'Acme' }) // 'Ana García, Acme'
 */
export function leadTitle(lead: RoutableLead): string {
  const who = lead.fullName ?? lead.firstName ?? lead.email ?? lead.phone ?? 'Unnamed lead';
  return oneLine(lead.company ? `${who}, ${lead.company}` : who);
}

/** Where the lead is: city, region and postal code, country. */
export function locationText(lead: RoutableLead): string {
  const regional = [lead.region, lead.postalCode].filter(Boolean).join(' ');
  const parts = [lead.city, regional, lead.country].filter((p): p is string => Boolean(p));
  return parts.length ? oneLine(parts.join(', ')) : NOT_GIVEN;
}

/** Where the visit came from: source, medium, campaign and page. */
export function sourceText(lead: RoutableLead): string {
  let text = lead.medium ? `${lead.source} / ${lead.medium}` : lead.source;
  if (lead.campaign) text += `, campaign ${lead.campaign}`;
  if (lead.pagePath) text += `, on ${lead.pagePath}`;
  return oneLine(text);
}

/** Urgency, with the phrases that raised it ("urgent (same-day, asap)"). */
export function urgencyText(lead: RoutableLead, qualification?: Qualification): string {
  const signals = qualification?.urgencySignals ?? [];
  return signals.length ? `${lead.urgency} (${signals.join(', ')})` : lead.urgency;
}

/** Company, size and domain, as far as known. */
export function companyText(lead: RoutableLead): string {
  const size =
    lead.employees === undefined
      ? undefined
      : `${lead.employeesMax !== undefined && lead.employeesMax !== lead.employees ? `${lead.employees}–${lead.employeesMax}` : lead.employees} employees`;
  const name = lead.company ?? lead.domain;
  const parts = [name ?? (size ? NOT_GIVEN : undefined), size].filter((p): p is string => Boolean(p));
  return parts.length ? oneLine(parts.join(' · ')) : NOT_GIVEN;
}

/** What the facts need beside the lead. */
export interface LeadFactsInput {
  lead: RoutableLead;
  /** The form type's label, e.g. "Request a quote". */
  formTypeLabel: string;
  qualification?: Qualification;
}

/**
 * The facts every internal notification shows, in reading order. Form type, source,
 * location and urgency are always present (as "not given" when unknown), so a rep learns to
 * look in one place; contact rows appear when there is something to contact.
 */
export function leadFacts({ lead, formTypeLabel, qualification }: LeadFactsInput): Fact[] {
  const facts: Fact[] = [{ label: 'Form', text: `${oneLine(formTypeLabel)} (${lead.intent} intent)` }];
  if (lead.product) facts.push({ label: 'Product / service', text: oneLine(lead.product) });
  facts.push(
    { label: 'Source', text: sourceText(lead) },
    { label: 'Location', text: locationText(lead) },
    { label: 'Urgency', text: urgencyText(lead, qualification) },
  );
  const name = lead.fullName ?? lead.firstName;
  if (name || lead.jobTitle) facts.push({ label: 'Contact', text: oneLine([name ?? NOT_GIVEN, lead.jobTitle].filter(Boolean).join(', ')) });
  if (lead.email) facts.push({ label: 'Email', text: emailText(lead) });
  if (lead.phone) {
    const href = telHref(lead.phone);
    facts.push({ label: 'Phone', text: oneLine(lead.phone), ...(href ? { href } : {}) });
  }
  facts.push({ label: 'Company', text: companyText(lead) });
  return facts;
}

/** The address, with what kind it is when that matters and the likely intended one. */
function emailText(lead: RoutableLead): string {
  let text = lead.email ?? '';
  if (lead.emailKind === 'free') text += ' (free mail)';
  else if (lead.emailKind === 'disposable') text += ' (disposable)';
  if (lead.emailSuggestion) text += `, maybe ${lead.emailSuggestion}?`;
  return oneLine(text);
}
