/** The rep notification: full context, why, deadline and the ack link, in Slack and email. */
import { describe, expect, it } from 'vitest';
import { repEmail, repSlack } from '../../../shared/messages/notification.ts';
import type { SlackBlock } from '../../../shared/messages/types.ts';
import { ACK_URL, FORMS, LEAD_URL, notification, type FormName } from './fixtures.ts';

const FORM_NAMES = Object.keys(FORMS) as FormName[];

/** Everything a notification shows, as one string per rendering. */
function renderings(input: ReturnType<typeof notification>): Array<[string, string]> {
  const slack = repSlack(input);
  const email = repEmail(input);
  return [
    ['slack blocks', JSON.stringify(slack.blocks)],
    ['email text', email.text],
    ['email html', email.html],
  ];
}

describe('rep notification', () => {
  it.each(FORM_NAMES)('for a %s lead, every rendering has source, form, location, urgency, message, why, deadline and ack link', (form) => {
    const input = notification(form, {}, { message: 'Need this sorted before Friday, thanks' });
    for (const [where, text] of renderings(input)) {
      const expected = [
        'google / cpc',
        FORMS[form].label,
        form === 'service' ? 'San Francisco, CA 94107, US' : 'Madrid, ES',
        input.lead.urgency,
        'Need this sorted before Friday, thanks',
        'Route emea: the lead is in territory emea',
        'Dana Reyes: next in rotation',
        '15 minutes',
        ACK_URL.replace(/&/g, where === 'email html' ? '&amp;' : '&'),
        'Acknowledge',
      ];
      for (const part of expected) expect(text, `${where} lacks ${part}`).toContain(part);
    }
  });

  it('shows rows for location and the rest even when the lead gave nothing', () => {
    const input = notification('contact', {}, { city: undefined, country: undefined, message: undefined, company: undefined, domain: undefined });
    const text = repEmail(input).text;
    expect(text).toContain('Location: not given');
    expect(text).toContain('Company: not given');
    expect(text).not.toContain('Message:');
  });

  it('puts the ack button first among the actions, styled primary, and the ack link in the fallback text', () => {
    const slack = repSlack(notification('demo'));
    const actions = slack.blocks.find((b): b is Extract<SlackBlock, { type: 'actions' }> => b.type === 'actions');
    expect(actions?.elements.map((e) => [e.text.text, e.url, e.style])).toEqual([
      ['Acknowledge', ACK_URL, 'primary'],
      ['Open the lead', LEAD_URL, undefined],
    ]);
    expect(slack.text).toBe(`New lead for Dana: Ana García, Acme Logística (Book a demo), acknowledge within 15 minutes. <${ACK_URL}|Acknowledge>`);
  });

  it('marks only urgent leads with 🔥 in Slack and [Urgent] in the email subject', () => {
    for (const urgency of ['normal', 'high', 'urgent'] as const) {
      const input = notification('contact', {}, { urgency });
      const hot = urgency === 'urgent';
      expect(repSlack(input).text.startsWith('🔥 ')).toBe(hot);
      expect(JSON.stringify(repSlack(input).blocks).includes('🔥')).toBe(hot);
      expect(repEmail(input).subject.startsWith('[Urgent] ')).toBe(hot);
      expect(repEmail(input).text).not.toContain('🔥');
    }
  });

  it('links the phone with tel: and nothing the lead supplied', () => {
    const input = notification('service', {}, { website: 'evil.example', pageUrl: 'https://evil.example/x', message: 'see https://evil.example/promo' });
    const email = repEmail(input);
    const hrefs = [...email.html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual([ACK_URL.replace(/&/g, '&amp;'), 'tel:+14155550123', LEAD_URL]);
    const slack = JSON.stringify(repSlack(input).blocks);
    expect(slack).toContain('<tel:+14155550123|+14155550123>');
    expect(slack).not.toContain('<https://evil');
  });

  it('shows the history: earlier submissions, named account, reassignment', () => {
    const text = repEmail(notification('quote', { duplicates: 2, namedAccountOwner: 'Priya Shah', reassignedFrom: 'Sam Patel' })).text;
    expect(text).toContain('History: 2 earlier submissions; named account of Priya Shah');
    expect(text).toContain('Reassigned to you from Sam Patel: nobody acknowledged it in time.');
    expect(repEmail(notification('quote', { duplicates: 1 })).text).toContain('History: 1 earlier submission\n');
    expect(repEmail(notification('quote')).text).toContain('History: no earlier submissions');
  });

  it('tells the new owner of a reassignment how long the lead waited and what it was promised', () => {
    const input = notification('quote', { reassignedFrom: 'Tom Reyes', waitedMs: 16 * 60_000, promised: 'Tom will call you within 15 minutes.' });
    const email = repEmail(input);
    expect(email.subject).toMatch(/^Reassigned: /);
    expect(email.text).toContain('The lead has waited 16 min so far.');
    expect(email.text).toContain('The lead was promised: "Tom will call you within 15 minutes."');
    expect(repSlack(input).text).toMatch(/^Reassigned to you from Tom Reyes: .*, waited 16 min; promised: Tom will call you within 15 minutes\./);
  });

  it('says a person came back, with what they asked now and the form they used before', () => {
    const input = notification('demo', { returned: { formTypeLabel: 'Book a demo', previousFormTypeLabel: 'Start free' } });
    const slack = repSlack(input).text;
    expect(slack).toMatch(/came back: Book a demo, '.+' \(before: Start free\) — your lead\./);
    expect(repEmail({ ...input, reason: 'rerouted' }).text).toContain('It was routed again for its higher intent, and it is yours now.');
  });

  it('recommends a next step and shows at most two lines of why', () => {
    const text = repEmail(notification('quote', { why: ['one', 'two', 'three'] })).text;
    expect(text).toContain('Next step: Send a quote for Payroll');
    expect(text).toContain('Why you:\n- one\n- two\n\n');
    expect(text).not.toContain('three');
  });

  it("shows the deadline as a time when it is known: in the reader's zone in Slack, UTC in email", () => {
    const deadlineAt = Date.parse('2026-11-17T15:45:00Z');
    const input = notification('demo', { deadlineAt });
    expect(repEmail(input).text).toContain('Respond within: 15 minutes (by 2026-11-17 15:45 UTC)');
    expect(JSON.stringify(repSlack(input).blocks)).toContain(`<!date^${deadlineAt / 1000}^{date_short_pretty} {time}|2026-11-17 15:45 UTC>`);
  });

  it('truncates a long message at a word, shorter in Slack than in email', () => {
    const message = 'word '.repeat(1000).trim();
    const input = notification('contact', {}, { message });
    const slackMessage = repSlack(input)
      .blocks.map((b) => (b.type === 'section' ? (b.text?.text ?? '') : ''))
      .find((t) => t.startsWith('*Message*'));
    expect(slackMessage).toMatch(/word…$/);
    expect(slackMessage!.length).toBeLessThan(700);
    const emailMessage = repEmail(input).text.split('Message:\n> ')[1]!.split('\n')[0]!;
    expect(emailMessage).toMatch(/word…$/);
    expect(emailMessage.length).toBeGreaterThan(1500);
    expect(emailMessage.length).toBeLessThanOrEqual(2000);
  });

  it('addresses a queue owner as a queue', () => {
    const input = notification('contact', { owner: { kind: 'queue', id: 'inbound-triage', name: 'Inbound triage' } });
    const email = repEmail(input);
    expect(email.text).toContain('Assigned to the Inbound triage queue: acknowledge within 15 minutes.');
    expect(email.text).toContain('Why this queue:');
    expect(email.text).not.toContain('Hi ');
  });

  it('keeps every Slack section within Block Kit limits', () => {
    const input = notification(
      'service',
      { duplicates: 3, namedAccountOwner: 'Priya Shah' },
      { product: 'Managed IT', jobTitle: 'CTO', employees: 50, employeesMax: 200, message: 'x'.repeat(5000) },
    );
    for (const block of repSlack(input).blocks) {
      if (block.type === 'section') {
        expect((block.text?.text ?? '').length).toBeLessThanOrEqual(3000);
        expect((block.fields ?? []).length).toBeLessThanOrEqual(10);
        for (const field of block.fields ?? []) expect(field.text.length).toBeLessThanOrEqual(2000);
      }
    }
  });

  it('refuses an ack link that is not an http(s) URL we built', () => {
    expect(() => repSlack(notification('demo', { ackUrl: 'javascript:alert(1)' }))).toThrow(/not a URL/);
    expect(() => repEmail(notification('demo', { ackUrl: 'https://x.example/"onclick="x' }))).toThrow(/not a URL/);
  });
});
