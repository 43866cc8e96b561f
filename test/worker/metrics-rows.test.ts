/**
 * What a lead costs the metrics store in rows written (issue 13: 22 per new lead before), as
 * workerd counts them: `cursor.rowsWritten` of every statement a shard runs (a table row
 * inserted, updated or deleted, and each index entry inserted). Each snapshot here is alone in
 * its transaction, the worst case: snapshots arriving together share their day's rollup row.
 */
import { env } from 'cloudflare:workers';
import { reset } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LeadFacts } from '../../shared/metrics/types.ts';
import type { RoutableLead } from '../../shared/routing/types.ts';
import { metricsStore } from '../../worker/metrics/store.ts';

const AT = Date.parse('2026-11-17T15:00:00Z');
const MIN = 60_000;

function facts(id: string, rev: number, extra: Partial<LeadFacts> = {}): LeadFacts {
  return {
    id,
    rev,
    receivedAt: AT + Number(id.replace(/\D/g, '')),
    formType: 'demo_request',
    source: 'google',
    status: 'qualified',
    route: 'smb',
    pool: 'smb-ae',
    firstOwner: 'rep:ana',
    owner: 'rep:ana',
    configVersion: 1,
    dueAt: AT + 15 * MIN,
    confirmedAt: AT + 40,
    notifiedAt: AT + 90,
    reassignments: 0,
    escalated: false,
    duplicates: 0,
    deadLetters: 0,
    email: `${id}@acme.com`,
    phone: '+14155552671',
    company: 'Acme',
    name: 'Pat Doe',
    ...extra,
  };
}

const lead = {
  formType: 'demo_request',
  consent: true,
  source: 'google',
  honeypot: false,
  status: 'qualified',
  urgency: 'normal',
  intent: 'medium',
  email: 'pat@acme.com',
} as RoutableLead;
const store = () => metricsStore(env);

beforeEach(async () => {
  await reset();
  // The shard and its day exist already, as they do for every lead but a week's first.
  await store().ingest([{ facts: facts('ld_0', 1), lead }]);
});

describe('rows written per lead', () => {
  it('a new routed lead: its row, its email, phone, company and open-SLA index entries, its replay copy, its day: 7', async () => {
    expect(await store().ingest([{ facts: facts('ld_1', 1), lead }])).toBe(7);
  });

  it('a new junk lead: no open-SLA entry, no replay copy: 5', async () => {
    expect(await store().ingest([{ facts: facts('ld_2', 1, { status: 'junk', route: '$junk', firstOwner: 'queue:junk', owner: 'queue:junk' }), lead }])).toBe(
      5,
    );
  });

  it('later snapshots: the lead row (changed columns only) and its day: 2 each', async () => {
    await store().ingest([{ facts: facts('ld_3', 1), lead }]);
    // Acknowledged: leaving the open-SLA index writes no row.
    expect(await store().ingest([{ facts: facts('ld_3', 2, { respondedAt: AT + 5 * MIN }) }])).toBe(2);
    expect(await store().ingest([{ facts: facts('ld_3', 3, { respondedAt: AT + 5 * MIN, stage: 'won' }) }])).toBe(2);
    // Reassigned to another owner: no index moves.
    expect(
      await store().ingest([{ facts: facts('ld_3', 4, { respondedAt: AT + 5 * MIN, stage: 'won', owner: 'rep:ben', reassignments: 1, escalated: true }) }]),
    ).toBe(2);
    // A stale or repeated snapshot writes nothing.
    expect(await store().ingest([{ facts: facts('ld_3', 4) }])).toBe(0);
  });

  it('a burst: 50 new leads in one transaction share their day row (about 6 rows a lead)', async () => {
    const rows = await store().ingest(Array.from({ length: 50 }, (_, i) => ({ facts: facts(`ld_${100 + i}`, 1), lead })));
    expect(rows).toBe(50 * 6 + 1);
  });
});
