/**
 * The accounts index wired into the admission (issue 11, Deliver 1 and 3): before routing, a
 * real lead is looked up (one D1 batch, time-boxed), so `{ accountOwner: true }` sends a lead
 * of an index account to its owner and `{ contactOwner: true }` a known contact to theirs; the
 * rep's notice and the CRM record say "existing customer of … since …"; a doubtful match is
 * shown, not routed on; junk is not looked up; a D1 that never answers does not hold the lead.
 */
import { env } from 'cloudflare:workers';
import { applyD1Migrations, reset } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import type { IndexedAccount } from '../../shared/accounts/types.ts';
import { parseConfig } from '../../shared/config/parse.ts';
import type { RoutingConfig } from '../../shared/config/schema.ts';
import { prepareLead } from '../../shared/lead/prepare.ts';
import { route } from '../../shared/routing/route.ts';
import { clearLookupCache } from '../../worker/accounts/lookup.ts';
import { upsertAccounts, upsertContacts } from '../../worker/accounts/store.ts';
import { beforeRouting } from '../../worker/enrichment/before-routing.ts';
import { capturedRequests, resetCapture } from './capture-client.ts';
import { accepted, leadView, publish, settled } from './helpers.ts';
import { knownContactsConfig } from './sources-helpers.ts';

const ACCOUNTS: IndexedAccount[] = [
  {
    id: 'hubspot:101',
    source: 'hubspot',
    name: 'Pied Piper, Inc.',
    domains: ['piedpiper.com'],
    owner: 'hubspot:9002',
    tier: 'tier_1',
    customer: true,
    customerSince: '2022-02-01',
  },
  { id: 'salesforce:001B', source: 'salesforce', name: 'Vandelay Industries', domains: ['vandelay.com'], owner: 'salesforce:005000000000002AAA' },
];

beforeEach(async () => {
  await reset();
  // reset() empties D1 too: the index's tables come back with the migrations.
  await applyD1Migrations(env.ACCOUNTS_DB, env.TEST_MIGRATIONS);
  await resetCapture();
  clearLookupCache();
  await env.ACCOUNTS_DB.batch(['accounts', 'account_domains', 'account_keys', 'contacts'].map((t) => env.ACCOUNTS_DB.prepare(`DELETE FROM ${t}`)));
  await upsertAccounts(env.ACCOUNTS_DB, ACCOUNTS, 1);
  await upsertContacts(env.ACCOUNTS_DB, [{ email: 'gilfoyle@piedpiper.com', owner: 'hubspot:9001', account: 'hubspot:101', source: 'hubspot' }], 1);
  expect((await publish(knownContactsConfig())).status).toBe(200);
});

const contact = (fields: Record<string, string>) => accepted({ firstName: 'Jared', message: 'We would like to talk about our contract', ...fields });

describe('the accounts index before routing', () => {
  it("routes a lead of an index account to the account's owner, and the notice and the CRM say since when it is a customer", async () => {
    const { leadId } = await contact({ email: 'jared@piedpiper.com', company: 'Pied Piper' });
    const view = await settled(leadId);
    expect(view.record.owner.id).toBe('lee');
    expect(view.record.decision.route).toBe('named-accounts');
    expect(view.record.lead.account).toMatchObject({ id: 'hubspot:101', matchedBy: 'domain', owner: 'lee' });
    expect(view.record.trace[0]).toMatchObject({ step: 'account', used: true });
    const email = (await capturedRequests('api.resend.com'))
      .map((r) => JSON.parse(r.body) as { to: string[]; text: string })
      .find((m) => m.to.includes('lee@northwind.example'));
    expect(email?.text).toContain('existing customer of Pied Piper, Inc. since 2022-02-01');
    const [upsert] = await capturedRequests('api.hubapi.com');
    const properties = JSON.parse(upsert!.body).inputs[0].properties as Record<string, string>;
    expect(properties['hubspot_owner_id']).toBe('9002');
    expect(properties['lead_router_reason']).toContain('existing customer of Pied Piper, Inc. since 2022-02-01');
  });

  it("routes a known contact to the contact's owner through { contactOwner: true }", async () => {
    const { leadId } = await contact({ email: 'Gilfoyle@PiedPiper.com' });
    const { record } = await leadView(leadId);
    expect(record.decision.route).toBe('known-contacts');
    expect(record.owner.id).toBe('dana');
    expect(record.decision.strategy).toBe('contact_owner');
  });

  it('shows a doubtful name match to the rep without routing on it', async () => {
    const { leadId } = await contact({ email: 'art@gmail.com', company: 'Vandelay Imports' });
    const view = await settled(leadId);
    expect(view.record.owner.id).not.toBe('lee');
    expect(view.record.decision.confidence?.level).toBe('low');
    const to = view.record.owner.kind === 'rep' ? `${view.record.owner.id}@northwind.example` : undefined;
    const notices = (await capturedRequests('api.resend.com'))
      .map((r) => JSON.parse(r.body) as { to: string[]; text: string })
      .filter((m) => to === undefined || m.to.includes(to));
    expect(notices.some((m) => m.text.includes('resembles Vandelay Industries') && m.text.includes('not routed on'))).toBe(true);
  });

  it('does not look junk up', async () => {
    const { leadId } = await accepted({ firstName: 'Bot', email: 'jared@piedpiper.com', message: 'hello' }, { context: { honeypot: 'http://spam.example' } });
    const { record } = await leadView(leadId);
    expect(record.lead.status).toBe('junk');
    expect(record.lead.account).toBeUndefined();
  });
});

describe('a slow accounts index', () => {
  it('does not hold the lead: past the time box it routes on the config’s accounts and says so', async () => {
    const parsed = parseConfig(knownContactsConfig());
    if (!parsed.ok) throw new Error('bad config');
    const config: RoutingConfig = parsed.config;
    // D1 as it is when it never answers (an outage, a stuck replica): the batch never settles.
    const hanging = { prepare: (sql: string) => env.ACCOUNTS_DB.prepare(sql), batch: () => new Promise(() => {}) } as unknown as D1Database;
    const prepared = prepareLead({ formType: 'contact', fields: { firstName: 'Wile', email: 'wile@acme.com', message: 'Anvils, please' } }, config);
    if (!prepared.ok) throw new Error('bad lead');
    const { lead } = await beforeRouting({ ...env, ACCOUNTS_DB: hanging }, prepared.lead, config, Date.now());
    expect(lead.indexUnread).toBe('timeout');
    // The config's own named accounts still count: acme.com is Dana's.
    expect(lead.account).toMatchObject({ id: 'config:acme.com', owner: 'dana' });
    const decision = route(lead, config, { cursors: {}, load: {} }, Date.now());
    expect(decision.owner.id).toBe('dana');
    expect(decision.confidence?.reasons.join(' ')).toContain('accounts index');
  });

  it('marks leads routed while the index fails, and leaves a failing index alone for a few seconds', async () => {
    const parsed = parseConfig(knownContactsConfig());
    if (!parsed.ok) throw new Error('bad config');
    const config: RoutingConfig = parsed.config;
    // D1 as it answers in an outage: every read fails, at once.
    let batches = 0;
    const failing = {
      prepare: (sql: string) => env.ACCOUNTS_DB.prepare(sql),
      batch: () => ((batches += 1), Promise.reject(new Error('D1_ERROR: Network connection lost.'))),
    } as unknown as D1Database;
    const lead = (email: string) => {
      const prepared = prepareLead({ formType: 'contact', fields: { firstName: 'Ann', email, message: 'Hello' } }, config);
      if (!prepared.ok) throw new Error('bad lead');
      return prepared.lead;
    };
    const first = (await beforeRouting({ ...env, ACCOUNTS_DB: failing }, lead('ann@piedpiper.com'), config, Date.now())).lead;
    expect(first.indexUnread).toBe('unavailable');
    expect(route(first, config, { cursors: {}, load: {} }, Date.now()).confidence?.reasons.join(' ')).toContain('the accounts index could not be read');
    const second = (await beforeRouting({ ...env, ACCOUNTS_DB: failing }, lead('bob@piedpiper.com'), config, Date.now())).lead;
    expect(second.indexUnread).toBe('unavailable');
    expect(batches).toBe(1);

    // An index never set up (the migrations not applied) is no index: nothing to mark.
    clearLookupCache();
    const unmigrated = {
      prepare: (sql: string) => env.ACCOUNTS_DB.prepare(sql.replaceAll('account_domains', 'no_such_table')),
      batch: (s: D1PreparedStatement[]) => env.ACCOUNTS_DB.batch(s),
    } as unknown as D1Database;
    expect((await beforeRouting({ ...env, ACCOUNTS_DB: unmigrated }, lead('cy@piedpiper.com'), config, Date.now())).lead.indexUnread).toBeUndefined();
  });
});
