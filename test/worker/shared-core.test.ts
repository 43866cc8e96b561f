/**
 * The shared core runs inside workerd exactly as in Node: the example test leads (validation,
 * normalisation with libphonenumber and Intl, qualification, routing across time zones) all
 * land where they must.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { ensurePhoneMetadata } from '../../worker/phone-metadata.ts';
import { parseConfig } from '../../shared/config/parse.ts';
import { TestLeadFileSchema, runTestLeads } from '../../shared/config/test-leads.ts';
import routing from '../../shared/config/examples/routing.json';
import testLeads from '../../shared/config/examples/test-leads.json';

describe('shared core inside workerd', () => {
  it('routes every example test lead as expected', async () => {
    // The Worker's way to the phone metadata: a static asset, once per isolate.
    await ensurePhoneMetadata(env);
    const parsed = parseConfig(routing);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const results = runTestLeads(TestLeadFileSchema.parse(testLeads), parsed.config);
    expect(results.filter((r) => !r.passed).map((r) => `${r.name}: ${r.mismatches.join('; ')}`)).toEqual([]);
    expect(results).toHaveLength(testLeads.leads.length);
  });
});
