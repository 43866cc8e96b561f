/**
 * The dashboard's decision trace (dashboard/src/lead.tsx `Trace`) draws every kind of line the
 * Worker writes — rules, candidates, notes, and issue 11's account, score, confidence and
 * enrichment lines — none silently skipped; enriched fields are marked apart from the rest.
 */
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { TraceLine } from '../../shared/routing/types.ts';
import { Trace } from '../../dashboard/src/lead.tsx';
import { namesOf } from '../../dashboard/src/names.ts';

const LINES: TraceLine[] = [
  { step: 'enriched', fields: ['employees', 'industry'], reason: 'enriched by Apollo: employees 340, industry “chemicals”' },
  {
    step: 'account',
    account: 'hubspot:101',
    used: true,
    reason: "matched 'Pied Piper, Inc.' by domain piedpiper.com, from HubSpot; owner Lee Okafor; customer since 2022-02-01",
  },
  { step: 'score', score: 40, reason: 'score 40: fit 40 of 60' },
  { step: 'confidence', level: 'low', reason: 'low confidence: route enterprise was passed over for want of employees' },
  { step: 'route', route: 'named-accounts', matched: true, reason: 'the account’s owner' },
  { step: 'candidate', route: 'named-accounts', rep: 'lee', taken: true, reason: 'taken', detail: 'owns the account' },
  { step: 'note', reason: 'suspect: filled in 1 s' },
  { step: 'fallback', queue: 'inbound-triage', reason: 'no route took the lead' },
];

describe('the dashboard trace', () => {
  it('draws one line per trace line, enrichment marked as such', () => {
    const root = document.body.appendChild(document.createElement('div'));
    render(<Trace lines={LINES} names={namesOf(undefined)} />, root);
    const items = [...root.querySelectorAll('li')];
    expect(items).toHaveLength(LINES.length);
    const enriched = items[0]!;
    expect(enriched.className).toContain('enriched');
    expect(enriched.textContent).toContain('enriched by Apollo: employees 340');
    expect(enriched.querySelector('.fields')?.textContent).toBe('employees, industry');
    expect(items[1]!.textContent).toContain("matched 'Pied Piper, Inc.'");
    expect(items[3]!.className).toContain('warn');
  });
});
