/** Builders pick the configured provider per channel, or the dev outbox when there is none. */
import { describe, expect, it } from 'vitest';
import { buildCrm, buildEmail, buildSlack, buildSms } from '../../../worker/providers/build.ts';
import { isDevOutbox } from '../../../worker/providers/dev-outbox.ts';
import { providerSettings } from '../../../worker/providers/settings.ts';
import { send } from '../../../worker/providers/transport.ts';
import { verifyWebhookSignature } from '../../../worker/providers/webhook.ts';
import { PROVIDER_ENV, email, record, slack, sms } from './fixtures.ts';

const none = providerSettings({});
const all = providerSettings({
  POSTMARK_SERVER_TOKEN: 'pm',
  ...PROVIDER_ENV,
});

describe('with providers configured', () => {
  it('builds each channel for its provider', async () => {
    expect(buildEmail(email, all).url).toBe('https://api.postmarkapp.com/email');
    expect(buildSms(sms, all).url).toBe('https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json');
    expect(buildSlack(slack, all).url).toBe('https://hooks.slack.com/services/T/B/X');
    const crm = await buildCrm(record, all);
    expect(crm.map((r) => r.channel)).toEqual(['crm:hubspot', 'crm:salesforce', 'crm:webhook']);
    const hook = crm[2];
    expect(await verifyWebhookSignature('whsec', hook?.headers['X-Lead-Router-Signature'] ?? '', hook?.body ?? '', Date.now())).toBe(true);
  });

  it('uses Resend when that is the configured email provider', () => {
    expect(buildEmail(email, providerSettings({ RESEND_API_KEY: 're' })).url).toBe('https://api.resend.com/emails');
  });
});

describe('without providers: the dev outbox', () => {
  it('returns dev-outbox:// requests carrying the message, which send() refuses', async () => {
    const requests = [buildEmail(email, none), buildSms(sms, none), buildSlack(slack, none), ...(await buildCrm(record, none))];
    expect(requests.map((r) => [r.channel, r.url])).toEqual([
      ['email', 'dev-outbox://email'],
      ['sms', 'dev-outbox://sms'],
      ['slack', 'dev-outbox://slack'],
      ['crm:webhook', 'dev-outbox://crm'],
    ]);
    expect(requests.every(isDevOutbox)).toBe(true);
    expect(requests.every((r) => URL.canParse(r.url))).toBe(true);
    expect(JSON.parse(requests[0]?.body ?? '')).toEqual(email);
    expect(requests[0]?.headers).toEqual({ 'Content-Type': 'application/json', 'Idempotency-Key': email.idempotencyKey });
    expect(JSON.parse(requests[3]?.body ?? '')).toEqual({ event: 'lead.routed', lead: record });
    for (const req of requests) expect(await send(req)).toMatchObject({ ok: false, retry: false });
  });
});
