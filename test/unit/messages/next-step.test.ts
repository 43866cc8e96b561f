/** The recommended next step: one line from a small table of rules. */
import { describe, expect, it } from 'vitest';
import { recommendedNextStep } from '../../../shared/messages/next-step.ts';
import type { Qualification } from '../../../shared/qualify/types.ts';
import type { RoutableLead } from '../../../shared/routing/types.ts';
import { lead } from './fixtures.ts';

/** A qualification verdict with defaults; override what the case is about. */
function verdict(overrides: Partial<Qualification> = {}): Qualification {
  return { status: 'qualified', junk: [], missing: [], urgency: 'normal', urgencySignals: [], intent: 'medium', suspect: [], ...overrides };
}

const CASES: ReadonlyArray<{ name: string; lead: Partial<RoutableLead>; qualification?: Qualification; step: string }> = [
  {
    name: 'urgent with a phone',
    lead: { formType: 'urgent_service', urgency: 'urgent', phone: '+14155550123' },
    step: 'Call now: they asked for same-day help',
  },
  { name: 'urgent on any form', lead: { formType: 'contact', urgency: 'urgent', phone: '+14155550123' }, step: 'Call now: they asked for same-day help' },
  {
    name: 'urgent without a phone',
    lead: { formType: 'contact', urgency: 'urgent' },
    step: 'Email now: they asked for same-day help and left no phone number',
  },
  { name: 'demo request', lead: { formType: 'demo_request', intent: 'high' }, step: 'Book the demo: reply with two time slots' },
  { name: 'quote with a product', lead: { formType: 'quote_request', intent: 'high', product: 'Payroll' }, step: 'Send a quote for Payroll' },
  { name: 'quote without a product', lead: { formType: 'quote_request', intent: 'high' }, step: 'Send a quote: confirm what they want priced' },
  { name: 'content download', lead: { formType: 'content_download', intent: 'low' }, step: 'Send a follow-up with related material within a day' },
  {
    name: 'incomplete, with what is missing',
    lead: { formType: 'quote_request', status: 'incomplete', intent: 'high' },
    qualification: verdict({ status: 'incomplete', missing: ['employees', 'country'] }),
    step: 'Qualify first: missing company size, country',
  },
  { name: 'incomplete, no verdict at hand', lead: { formType: 'contact', status: 'incomplete' }, step: 'Qualify first: some details are missing' },
  {
    name: 'urgent beats incomplete',
    lead: { formType: 'urgent_service', status: 'incomplete', urgency: 'urgent', phone: '+14155550123' },
    qualification: verdict({ status: 'incomplete', missing: ['message'] }),
    step: 'Call now: they asked for same-day help',
  },
  {
    name: 'free mail on a high-intent form',
    lead: { formType: 'demo_request', intent: 'high', emailKind: 'free', company: 'Acme' },
    step: 'Book the demo: reply with two time slots (free-mail address: confirm they are with Acme)',
  },
  {
    name: 'free mail, no company',
    lead: { formType: 'quote_request', intent: 'high', emailKind: 'free', company: undefined, product: 'Analytics' },
    step: 'Send a quote for Analytics (free-mail address: confirm the company)',
  },
  {
    name: 'free mail on a low-intent form is fine',
    lead: { formType: 'content_download', intent: 'low', emailKind: 'free' },
    step: 'Send a follow-up with related material within a day',
  },
  {
    name: 'a Spanish speaker',
    lead: { formType: 'demo_request', intent: 'high', language: 'es' },
    step: 'Book the demo: reply with two time slots (reply in Spanish)',
  },
  { name: 'an English speaker', lead: { formType: 'demo_request', intent: 'high', language: 'en' }, step: 'Book the demo: reply with two time slots' },
  { name: 'this week', lead: { formType: 'contact', urgency: 'high', phone: '+14155550123' }, step: 'Call today: they want to move this week' },
  { name: 'service, not urgent', lead: { formType: 'field_service', phone: '+14155550123' }, step: 'Call to schedule the service visit' },
  { name: 'plain contact', lead: { formType: 'contact' }, step: 'Reply personally: answer their message and ask what prompted it' },
  { name: 'contact without a message', lead: { formType: 'free_trial', message: undefined }, step: 'Reply personally and ask what prompted the request' },
  {
    name: 'junk',
    lead: { status: 'junk', language: 'es' },
    qualification: verdict({
      status: 'junk',
      junk: [
        { signal: 'too_fast', detail: 'x' },
        { signal: 'link_spam', detail: 'y' },
      ],
    }),
    step: 'Review before any outreach: flagged as junk (filled in too fast, link spam)',
  },
];

describe('recommendedNextStep', () => {
  it.each(CASES)('$name → $step', ({ lead: overrides, qualification, step }) => {
    const text = recommendedNextStep(lead({ language: undefined, ...overrides }), qualification);
    expect(text).toBe(step);
    expect(text).not.toContain('\n');
  });
});
