/**
 * The accounts index in D1 and the lookup the admission path calls before routing (issue 11,
 * Deliver 1–3): domain at any depth, name with its similarity, known contacts, the config's own
 * accounts; one batch per lead, cached briefly; D1 unavailable → the config alone.
 */
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import type { IndexedAccount } from '../../shared/accounts/types.ts';
import { parseConfig } from '../../shared/config/parse.ts';
import { normalizeLead } from '../../shared/normalize/lead.ts';
import { route } from '../../shared/routing/route.ts';
import { clearLookupCache, lookupAccount } from '../../worker/accounts/lookup.ts';
import { upsertAccounts, upsertContacts } from '../../worker/accounts/store.ts';
import { alwaysOpenConfig } from './helpers.ts';

const config = (() => {
  const parsed = parseConfig(alwaysOpenConfig());
  if (!parsed.ok) throw new Error('bad config');
  return parsed.config;
})();

const ACCOUNTS: IndexedAccount[] = [
  {
    id: 'hubspot:101',
    source: 'hubspot',
    name: 'Pied Piper, Inc.',
    domains: ['piedpiper.com', 'piedpiper.io'],
    owner: 'hubspot:9002',
    tier: 'tier_1',
    customer: true,
    customerSince: '2022-02-01',
  },
  { id: 'salesforce:001A', source: 'salesforce', name: 'U.S. Bancorp', domains: ['usbank.com'], owner: 'salesforce:005000000000001AAA' },
  { id: 'salesforce:001B', source: 'salesforce', name: 'Vandelay Industries', domains: ['vandelay.com'], owner: 'salesforce:005999999999999AAA' },
  { id: 'csv:hooli-xyz.com', source: 'csv', name: 'Hooli XYZ', domains: ['hooli-xyz.com'], owner: 'priya' },
];

/** A lead as normalisation makes it from typed fields. */
function lead(fields: Record<string, string>) {
  return normalizeLead({ formType: 'contact', fields }).lead;
}

beforeEach(async () => {
  clearLookupCache();
  await env.ACCOUNTS_DB.batch(['accounts', 'account_domains', 'account_keys', 'contacts'].map((t) => env.ACCOUNTS_DB.prepare(`DELETE FROM ${t}`)));
  await upsertAccounts(env.ACCOUNTS_DB, ACCOUNTS, 1);
  await upsertContacts(env.ACCOUNTS_DB, [{ email: 'gilfoyle@piedpiper.com', owner: 'hubspot:9001', account: 'hubspot:101', source: 'hubspot' }], 1);
});

describe('lookupAccount', () => {
  it('matches a work email at any sub-domain depth and maps the CRM owner to a rep', async () => {
    const { account } = await lookupAccount(env.ACCOUNTS_DB, lead({ email: 'jared@mail.eu.piedpiper.com' }), config);
    expect(account).toMatchObject({
      id: 'hubspot:101',
      name: 'Pied Piper, Inc.',
      matchedBy: 'domain',
      matchedOn: 'piedpiper.com',
      confidence: 1,
      owner: 'lee',
      tier: 'tier_1',
      customerSince: '2022-02-01',
    });
  });

  it('matches the company name, with its similarity, when the email is free mail', async () => {
    const { account } = await lookupAccount(env.ACCOUNTS_DB, lead({ email: 'someone@gmail.com', company: 'US Bank' }), config);
    expect(account).toMatchObject({ id: 'salesforce:001A', matchedBy: 'name', confidence: 1, matchedOn: 'US Bank', owner: 'dana' });
    // Free mail never matches by domain: gmail.com is nobody's account.
    expect((await lookupAccount(env.ACCOUNTS_DB, lead({ email: 'someone@gmail.com' }), config)).account).toBeUndefined();
  });

  it('finds a known contact and its owner first', async () => {
    const found = await lookupAccount(env.ACCOUNTS_DB, lead({ email: 'Gilfoyle@PiedPiper.com' }), config);
    expect(found.contactOwner).toBe('dana');
    expect(found.account).toMatchObject({ id: 'hubspot:101', matchedBy: 'contact' });
  });

  it('keeps a weak name match, for the rep, below the threshold', async () => {
    const { account } = await lookupAccount(env.ACCOUNTS_DB, lead({ company: 'Vandelay Imports' }), config);
    expect(account?.id).toBe('salesforce:001B');
    expect(account!.confidence).toBeLessThan(0.9);
    expect(account!.owner).toBeUndefined();
    expect(account!.ownerRef).toBe('salesforce:005999999999999AAA');
  });

  it("matches the config's own accounts by domain and by name", async () => {
    expect((await lookupAccount(env.ACCOUNTS_DB, lead({ email: 'wile@eu.acme.com' }), config)).account).toMatchObject({
      id: 'config:acme.com',
      source: 'config',
      owner: 'dana',
      matchedBy: 'domain',
    });
    expect((await lookupAccount(env.ACCOUNTS_DB, lead({ company: 'ACME Corporation' }), config)).account).toMatchObject({
      id: 'config:acme.com',
      matchedBy: 'name',
      owner: 'dana',
    });
  });

  it('routes on the config alone when the index is unavailable', async () => {
    expect(await lookupAccount(undefined, lead({ email: 'jared@piedpiper.com' }), config)).toEqual({});
    // As D1 answers before the migrations are applied.
    const broken = {
      prepare: (sql: string) => env.ACCOUNTS_DB.prepare(sql.replaceAll('account_domains', 'no_such_table')),
      batch: (s: D1PreparedStatement[]) => env.ACCOUNTS_DB.batch(s),
    } as unknown as D1Database;
    expect((await lookupAccount(broken, lead({ email: 'wile@acme.com' }), config)).account?.id).toBe('config:acme.com');
  });

  it('caches what the index returned for a short while per isolate', async () => {
    const now = Date.now();
    const first = await lookupAccount(env.ACCOUNTS_DB, lead({ email: 'a@hooli-xyz.com' }), config, now);
    expect(first.account?.owner).toBe('priya');
    await upsertAccounts(env.ACCOUNTS_DB, [{ ...ACCOUNTS[3]!, owner: 'marco' }], 2);
    expect((await lookupAccount(env.ACCOUNTS_DB, lead({ email: 'a@hooli-xyz.com' }), config, now + 1_000)).account?.owner).toBe('priya');
    expect((await lookupAccount(env.ACCOUNTS_DB, lead({ email: 'a@hooli-xyz.com' }), config, now + 60_000)).account?.owner).toBe('marco');
  });

  it("feeds routing: the account's owner takes the lead through { accountOwner: true }", async () => {
    const l = lead({ email: 'jared@piedpiper.com', company: 'Pied Piper' });
    const found = await lookupAccount(env.ACCOUNTS_DB, l, config);
    const decision = route({ ...l, status: 'qualified', urgency: 'normal', intent: 'medium', ...found }, config, { cursors: {}, load: {} }, Date.now());
    expect(decision.route).toBe('named-accounts');
    expect(decision.owner.id).toBe('lee');
  });
});
