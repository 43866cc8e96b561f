/** Lead-supplied text never reaches HTML or Slack unescaped. */
import { describe, expect, it } from 'vitest';
import { managerAlert, queueNotice } from '../../../shared/messages/alerts.ts';
import { confirmationEmail } from '../../../shared/messages/confirmation.ts';
import { escapeHtml, escapeSlack, ourUrl, telHref } from '../../../shared/messages/escape.ts';
import { repEmail, repSlack } from '../../../shared/messages/notification.ts';
import { confirmation, formLead, notification } from './fixtures.ts';

const SCRIPT = '<script>alert(1)</script>';

/** A lead that puts markup in every free-text field. */
const hostile = {
  firstName: SCRIPT,
  fullName: `${SCRIPT} Smith`,
  company: 'Acme <img src=x onerror=alert(1)> & Sons',
  jobTitle: '"><svg onload=alert(1)>',
  message: 'Hello <b>bold</b> <!channel> <https://evil.example|click> & more',
  product: '<i>Payroll</i>',
  city: "O'Brien <town>",
};

describe('escapeHtml', () => {
  it.each([
    ['<b>"Hi" & \'bye\'</b>', '&lt;b&gt;&quot;Hi&quot; &amp; &#39;bye&#39;&lt;/b&gt;'],
    ['plain', 'plain'],
    ['&amp;', '&amp;amp;'],
  ])('%j → %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});

describe('escapeSlack', () => {
  it.each([
    ['<!channel> hi', '&lt;!channel&gt; hi'],
    ['a & b > c', 'a &amp; b &gt; c'],
    ['<https://evil.example|click>', '&lt;https://evil.example|click&gt;'],
  ])('%j → %j', (input, expected) => {
    expect(escapeSlack(input)).toBe(expected);
  });
});

describe('links', () => {
  it.each(['https://leads.example/ack/abc?x=1&y=2', 'http://localhost:8787/v1/ack/t'])('accepts our URL %s', (url) => {
    expect(ourUrl(url)).toBe(url);
  });
  it.each(['javascript:alert(1)', 'data:text/html,x', '//evil.example', 'https://x.example/a b', 'https://x.example/"><x', 'https://x|y'])(
    'refuses %s',
    (url) => {
      expect(() => ourUrl(url)).toThrow(/./);
    },
  );
  it.each([
    ['+14155550123', 'tel:+14155550123'],
    ['415 555 0123', undefined],
    ['javascript:alert(1)', undefined],
    [undefined, undefined],
  ])('telHref(%j) is %j', (phone, expected) => {
    expect(telHref(phone)).toBe(expected);
  });
});

/** True when `html` contains markup from the hostile lead as live tags. */
function hasLiveMarkup(html: string): boolean {
  return /<script|<b>|<img|<svg|<i>|<!channel>|<https:\/\/evil/i.test(html);
}

describe('messages escape lead text', () => {
  it('in the confirmation email', () => {
    const email = confirmationEmail(confirmation('demo', {}, { firstName: SCRIPT }));
    expect(hasLiveMarkup(email.html)).toBe(false);
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('in the rep email and Slack message', () => {
    const input = notification('quote', {}, hostile);
    const email = repEmail(input);
    expect(hasLiveMarkup(email.html)).toBe(false);
    expect(email.html).toContain('Hello &lt;b&gt;bold&lt;/b&gt;');
    const slack = repSlack(input);
    expect(slack.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Smith, Acme &lt;img src=x onerror=alert(1)&gt; &amp; Sons');
    expect(slack.text).not.toMatch(/<script|<img/);
    const blocks = JSON.stringify(slack.blocks);
    expect(hasLiveMarkup(blocks)).toBe(false);
    expect(blocks).toContain('&lt;!channel&gt;');
    expect(blocks).toContain('&lt;https://evil.example|click&gt; &amp; more');
  });

  it('in manager alerts and queue notices', () => {
    const lead = formLead('contact', hostile);
    const base = { brand: 'Northwind', lead, formTypeLabel: 'Contact us', leadUrl: 'https://leads.example/l/1' };
    for (const message of [managerAlert({ ...base, ownerName: 'Dana Reyes', waitedMs: 1_800_000 }), queueNotice({ ...base, queueName: 'Inbound triage' })]) {
      expect(hasLiveMarkup(message.email.html)).toBe(false);
      expect(hasLiveMarkup(message.slack.text)).toBe(false);
      expect(hasLiveMarkup(JSON.stringify(message.slack.blocks))).toBe(false);
    }
  });

  it('keeps a line break in a lead value out of subjects', () => {
    const email = repEmail(notification('contact', {}, { fullName: 'Ana\r\nBcc: x@evil.example', company: undefined }));
    expect(email.subject).not.toMatch(/[\r\n]/);
  });
});
