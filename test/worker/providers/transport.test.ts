/**
 * `send()` against the capture worker, which answers like each real API: delivered with the
 * provider's id, temporary failures to retry, permanent ones to dead-letter.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { hubspotRequest } from '../../../worker/providers/hubspot.ts';
import { postmarkRequest } from '../../../worker/providers/postmark.ts';
import { resendRequest } from '../../../worker/providers/resend.ts';
import { salesforceRequest } from '../../../worker/providers/salesforce.ts';
import { slackRequest } from '../../../worker/providers/slack.ts';
import { send } from '../../../worker/providers/transport.ts';
import { twilioRequest } from '../../../worker/providers/twilio.ts';
import type { OutboundRequest } from '../../../worker/providers/types.ts';
import { webhookRequest } from '../../../worker/providers/webhook.ts';
import { capturedRequests, failNext, resetCapture } from '../capture-client.ts';
import { email, record, slack, sms, sparseRecord } from './fixtures.ts';

const resend = resendRequest(email, { apiKey: 're_test', from: 'leads@example.com' });
const salesforceCfg = { instanceUrl: 'https://acme.my.salesforce.com', accessToken: 'sf-token' };

beforeEach(resetCapture);

describe('send: delivered', () => {
  it('Resend: 200 with the email id, and the capture saw exactly the built request', async () => {
    const delivery = await send(resend);
    expect(delivery).toEqual({ ok: true, status: 200, ref: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const [seen, ...rest] = await capturedRequests('api.resend.com');
    expect(rest).toEqual([]);
    expect(seen).toMatchObject({ method: 'POST', url: resend.url, body: resend.body });
    expect(seen?.headers).toMatchObject({
      authorization: 'Bearer re_test',
      'content-type': 'application/json',
      'idempotency-key': 'lead_123:confirm:email',
    });
  });

  it('Postmark: 200 with the MessageID', async () => {
    const delivery = await send(postmarkRequest(email, { serverToken: 'pm', from: 'leads@example.com' }));
    expect(delivery).toEqual({ ok: true, status: 200, ref: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it('Twilio: 201 with the message sid, the form intact', async () => {
    const delivery = await send(twilioRequest(sms, { accountSid: 'AC123', authToken: 'tok', from: '+14155550100' }));
    expect(delivery).toEqual({ ok: true, status: 201, ref: expect.stringMatching(/^SM[0-9a-f]{32}$/) });
    const [seen] = await capturedRequests('api.twilio.com');
    expect(Object.fromEntries(new URLSearchParams(seen?.body))).toEqual({ To: sms.to, From: '+14155550100', Body: sms.body });
  });

  it('Slack: 200 "ok", no id', async () => {
    const delivery = await send(slackRequest(slack, { webhookUrl: 'https://hooks.slack.com/services/T0/B0/X' }));
    expect(delivery).toEqual({ ok: true, status: 200 });
  });

  it('HubSpot: the contact id, the same for a re-send of the same email', async () => {
    const first = await send(hubspotRequest(record, { token: 'pat' }));
    const again = await send(hubspotRequest({ ...record, owner: { ...record.owner, hubspotOwnerId: '7002' } }, { token: 'pat' }));
    const other = await send(hubspotRequest(sparseRecord, { token: 'pat' }));
    expect(first).toEqual({ ok: true, status: 200, ref: expect.any(String) });
    expect(again).toEqual(first);
    expect(other.ok && other.ref).not.toBe(first.ok && first.ref);
  });

  it('Salesforce: 201 creates the Lead, a re-send updates the same one (200)', async () => {
    const created = await send(salesforceRequest(record, salesforceCfg));
    const updated = await send(salesforceRequest({ ...record, status: 'contacted' }, salesforceCfg));
    expect(created).toEqual({ ok: true, status: 201, ref: expect.stringMatching(/^00Q\w{15}$/) });
    expect(updated).toEqual({ ok: true, status: 200, ref: created.ok ? created.ref : '' });
  });

  it('a generic webhook: 200, no id; any other host answers {} and is captured too', async () => {
    const req = await webhookRequest(record, { url: 'https://crm.example.com/hooks/leads', secret: 's' });
    expect(await send(req)).toEqual({ ok: true, status: 200 });
    expect(await capturedRequests('crm.example.com')).toHaveLength(1);
  });
});

describe('send: failures', () => {
  it('500 is temporary; the next request (failure used up) is delivered', async () => {
    await failNext('api.resend.com', 500);
    expect(await send(resend)).toEqual({
      ok: false,
      retry: true,
      status: 500,
      error: '500 internal_server_error: Internal server error (simulated)',
    });
    expect(await send(resend)).toMatchObject({ ok: true, status: 200 });
  });

  it('429 and 408 are temporary, in each API error format', async () => {
    await failNext('api.twilio.com', 429);
    const twilio = await send(twilioRequest(sms, { accountSid: 'AC1', authToken: 't', from: '+14155550100' }));
    expect(twilio).toEqual({ ok: false, retry: true, status: 429, error: '429 20429: Too many requests (simulated)' });
    await failNext('api.hubapi.com', 408);
    expect(await send(hubspotRequest(record, { token: 'pat' }))).toMatchObject({ ok: false, retry: true, status: 408 });
  });

  it('400 is permanent (dead-letter), and the error never carries the request body', async () => {
    await failNext('acme.my.salesforce.com', 400, 2);
    const delivery = await send(salesforceRequest(record, salesforceCfg));
    expect(delivery).toEqual({
      ok: false,
      retry: false,
      status: 400,
      error: '400 REQUIRED_FIELD_MISSING: Bad request (simulated)',
    });
    await failNext('hooks.slack.com', 400);
    expect(await send(slackRequest(slack, { webhookUrl: 'https://hooks.slack.com/services/T0/B0/X' }))).toEqual({
      ok: false,
      retry: false,
      status: 400,
      error: '400 invalid_payload',
    });
  });

  it('a request the real API would refuse (no credentials) is a permanent 401', async () => {
    const unsigned = { ...resend, headers: { 'Content-Type': 'application/json' } };
    expect(await send(unsigned)).toMatchObject({ ok: false, retry: false, status: 401 });
  });

  it('counts down failures per host: `times` requests fail, then delivery resumes', async () => {
    const pm = postmarkRequest(email, { serverToken: 'pm', from: 'leads@example.com' });
    await failNext('api.postmarkapp.com', 503, 2);
    const outcomes = [await send(pm), await send(pm), await send(pm)].map((d) => (d.ok ? 'ok' : d.retry ? 'retry' : 'dead'));
    expect(outcomes).toEqual(['retry', 'retry', 'ok']);
    expect(await capturedRequests('api.postmarkapp.com')).toHaveLength(3);
  });
});

describe('send: without the capture worker', () => {
  const reply = (body: string, status: number) => async () => new Response(body, { status });

  it('a thrown network error is temporary', async () => {
    const down = async (): Promise<Response> => {
      throw new TypeError('Network connection lost.');
    };
    expect(await send(resend, down)).toEqual({ ok: false, retry: true, error: 'network error: Network connection lost.' });
  });

  it('HubSpot 207 with a per-input error is a permanent failure, not a delivery', async () => {
    const body = JSON.stringify({
      status: 'COMPLETE',
      results: [],
      numErrors: 1,
      errors: [{ status: 'error', category: 'VALIDATION_ERROR', message: 'Property "lead_router_id" does not exist' }],
    });
    expect(await send(hubspotRequest(record, { token: 'pat' }), reply(body, 207))).toEqual({
      ok: false,
      retry: false,
      status: 207,
      error: '207 VALIDATION_ERROR: Property "lead_router_id" does not exist',
    });
  });

  it('blanks emails and phone numbers a provider echoes, and caps the error at 300 characters', async () => {
    const echo = JSON.stringify({ message: `Email ada@example.org or phone +1 (415) 555-0123 is invalid. ${'x'.repeat(400)}` });
    const delivery = await send(resend, reply(echo, 422));
    expect(delivery.ok).toBe(false);
    const error = delivery.ok ? '' : delivery.error;
    expect(error).toHaveLength(300);
    expect(error.startsWith('422 Email [email] or phone [number] is invalid. xxx')).toBe(true);
  });

  it("Resend's concurrent idempotent request (409) is retried; other 409s are not", async () => {
    const busy = JSON.stringify({ statusCode: 409, name: 'concurrent_idempotent_requests', message: 'in progress' });
    const reused = JSON.stringify({ statusCode: 409, name: 'invalid_idempotent_request', message: 'different payload' });
    expect(await send(resend, reply(busy, 409))).toMatchObject({ ok: false, retry: true });
    expect(await send(resend, reply(reused, 409))).toMatchObject({ ok: false, retry: false });
  });

  it('refuses to send a dev outbox request', async () => {
    const outbox: OutboundRequest = { ...resend, url: 'dev-outbox://email' };
    const never = async (): Promise<Response> => {
      throw new Error('must not be called');
    };
    expect(await send(outbox, never)).toMatchObject({ ok: false, retry: false });
  });
});
