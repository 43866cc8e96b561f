/**
 * A hung provider becomes a retry: every outbound request has a timeout, so a provider that
 * accepts the connection and never answers cannot stall a lead's deliveries.
 */
import { reset } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { send } from '../../../worker/providers/transport.ts';
import { slackRequest } from '../../../worker/providers/slack.ts';
import { hangNext, resetCapture } from '../capture-client.ts';
import { accepted, alwaysOpenConfig, publish, settled } from '../helpers.ts';
import { slack } from './fixtures.ts';

beforeEach(async () => {
  await reset();
  await resetCapture();
});

describe('a provider that never answers', () => {
  it('is given up on after the timeout, as a failure worth retrying', async () => {
    await hangNext('hooks.slack.com', 5_000);
    const started = Date.now();
    const delivery = await send(slackRequest(slack, { webhookUrl: 'https://hooks.slack.com/services/T0/B0/x' }), fetch, 300);
    expect(delivery).toEqual({ ok: false, retry: true, error: 'timeout: no answer within 300 ms' });
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('delays the rep notice of a lead, which the retry then delivers', async () => {
    expect((await publish(alwaysOpenConfig())).status).toBe(200);
    await hangNext('hooks.slack.com', 5_000);
    const { leadId } = await accepted(
      { firstName: 'Riley', lastName: 'Chen', email: 'riley@brightpath.io', company: 'BrightPath', employees: '120', country: 'US' },
      { formType: 'demo_request' },
    );
    const view = await settled(leadId);
    const notice = view.outbox.find((e) => e.intent.kind === 'owner_notice' && e.intent.channel === 'slack')!;
    expect(notice).toMatchObject({ status: 'delivered', attempts: 2, lastError: 'timeout: no answer within 300 ms' });
    expect(view.timeline.map((e) => e.detail).join('\n')).toContain('timeout: no answer within 300 ms');
  });
});
