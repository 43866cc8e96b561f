/** RouterState remembers its decisions on disk: a retried admission is routed and counted once, even across a restart. */
import { env } from 'cloudflare:workers';
import { evictDurableObject, reset } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { ensurePhoneMetadata } from '../../worker/phone-metadata.ts';
import { parseConfig } from '../../shared/config/parse.ts';
import { prepareLead } from '../../shared/lead/prepare.ts';
import { alwaysOpenConfig, publish } from './helpers.ts';

beforeEach(async () => {
  await reset();
  expect((await publish(alwaysOpenConfig())).status).toBe(200);
});

describe('RouterState decisions', () => {
  it('answers a repeated decision from disk after the object restarts, without moving the rotation', async () => {
    const parsed = parseConfig(alwaysOpenConfig());
    if (!parsed.ok) throw new Error('config');
    await ensurePhoneMetadata(env);
    const prepared = prepareLead(
      {
        formType: 'contact',
        fields: { firstName: 'Ada', lastName: 'Moss', email: 'ada@moss-works.com', company: 'Moss Works', country: 'US', message: 'Tell me more' },
        context: { timeOnFormMs: 30_000 },
      },
      parsed.config,
    );
    if (!prepared.ok) throw new Error('lead');
    const router = () => env.ROUTER.getByName('global');
    const first = await router().decide('ld_retry', 'ld_retry', prepared.lead, Date.now());
    await evictDurableObject(router());
    const again = await router().decide('ld_retry', 'ld_retry', prepared.lead, Date.now());
    expect(again).toEqual(first);
    const owner = first.decision.owner.id;
    expect((await router().snapshot()).load).toEqual({ [owner]: 1 });
    // A different lead moves the rotation on.
    const next = await router().decide('ld_other', 'ld_other', prepared.lead, Date.now());
    expect(next.decision.owner.id).not.toBe(owner);
  });
});
