/** The generic CRM webhook: its exact request, and signatures that verify only when they should. */
import { describe, expect, it } from 'vitest';
import { signPayload, verifyWebhookSignature, webhookRequest } from '../../../worker/providers/webhook.ts';
import { record } from './fixtures.ts';

const secret = 'whsec_test';
const now = Date.UTC(2026, 10, 20, 15, 4, 5, 678);
const t = Math.floor(now / 1000);

describe('webhookRequest', () => {
  it('posts lead.routed with the lead id, idempotency key and a signature over t.body', async () => {
    const req = await webhookRequest(record, { url: 'https://crm.example.com/hooks/leads', secret }, now);
    const body = JSON.stringify({ event: 'lead.routed', lead: record });
    expect(req).toEqual({
      channel: 'crm:webhook',
      url: 'https://crm.example.com/hooks/leads',
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Lead-Router-Id': 'lead_123',
        'Idempotency-Key': 'lead_123:crm',
        'X-Lead-Router-Signature': `t=${t},v1=${await signPayload(secret, t, body)}`,
      },
      body,
    });
  });
});

describe('signPayload', () => {
  it('is the hex HMAC-SHA256 of "t.body" under the secret', async () => {
    // Computed independently with Node: createHmac('sha256', 'whsec_test').update('1700000000.{"event":"lead.routed"}').
    expect(await signPayload(secret, 1_700_000_000, '{"event":"lead.routed"}')).toBe('7b5d56f9c3e95f0770181a467b0a003bf195378a344944c408abe26bfaa8cd14');
  });
});

describe('verifyWebhookSignature', () => {
  const signed = async () => {
    const req = await webhookRequest(record, { url: 'https://crm.example.com/hooks', secret }, now);
    return { header: req.headers['X-Lead-Router-Signature'] ?? '', body: req.body };
  };

  it('accepts the signature it made, within the tolerance either way', async () => {
    const { header, body } = await signed();
    expect(await verifyWebhookSignature(secret, header, body, now)).toBe(true);
    expect(await verifyWebhookSignature(secret, header, body, now + 299_000)).toBe(true);
    expect(await verifyWebhookSignature(secret, header, body, now - 60_000)).toBe(true);
  });

  it('refuses a tampered body, another secret, an expired timestamp or a moved timestamp', async () => {
    const { header, body } = await signed();
    expect(await verifyWebhookSignature(secret, header, body.replace('Ada', 'Eve'), now)).toBe(false);
    expect(await verifyWebhookSignature('whsec_other', header, body, now)).toBe(false);
    expect(await verifyWebhookSignature(secret, header, body, now + 301_000)).toBe(false);
    expect(await verifyWebhookSignature(secret, header, body, now + 3_000_000, 3600)).toBe(true);
    expect(await verifyWebhookSignature(secret, header.replace(`t=${t}`, `t=${t + 1}`), body, now)).toBe(false);
  });

  it('refuses malformed headers and accepts any matching v1 (secret rotation)', async () => {
    const { header, body } = await signed();
    const v1 = header.split('v1=')[1] ?? '';
    expect(await verifyWebhookSignature(secret, '', body, now)).toBe(false);
    expect(await verifyWebhookSignature(secret, `v1=${v1}`, body, now)).toBe(false);
    expect(await verifyWebhookSignature(secret, `t=${t}`, body, now)).toBe(false);
    expect(await verifyWebhookSignature(secret, `t=${t},v1=${v1.slice(0, -1)}`, body, now)).toBe(false);
    expect(await verifyWebhookSignature(secret, `t=${t},v1=${'0'.repeat(64)},v1=${v1}`, body, now)).toBe(true);
    expect(await verifyWebhookSignature(secret, `t=${t}, v1=${v1.toUpperCase()}`, body, now)).toBe(true);
  });
});
