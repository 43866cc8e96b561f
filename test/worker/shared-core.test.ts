/**
 * The shared core runs inside workerd exactly as in Node: the example test leads (validation,
 * normalisation with libphonenumber and Intl, qualification, routing across time zones) all
 * land where they must.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../shared/config/parse.ts';
import { TestLeadFileSchema, runTestLeads } from '../../shared/config/test-leads.ts';
import routing from '../../shared/config/examples/routing.json';
import testLeads from '../../shared/config/examples/test-leads.json';

describe('shared core inside workerd', () => {
  it('routes every example test lead as expected', () => {
    const parsed = parseConfig(routing);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const results = runTestLeads(TestLeadFileSchema.parse(testLeads), parsed.config);
    expect(results.filter((r) => !r.passed).map((r) => `${r.name}: ${r.mismatches.join('; ')}`)).toEqual([]);
    expect(results).toHaveLength(20);
  });
});
