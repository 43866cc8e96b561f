/**
 * The rules editor's target picker (dashboard/src/config/rules.tsx): every target a route may
 * have is offered, and survives a round trip through the picker — `{ contactOwner: true }`
 * (issue 11) included, which must not come back as the account owner.
 */
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { RouteTarget, RoutingConfigInput } from '../../shared/config/schema.ts';
import { keyOf, targetOf, TargetOptions } from '../../dashboard/src/config/rules.tsx';

const TARGETS: RouteTarget[] = [{ pool: 'enterprise' }, { rep: 'ana' }, { queue: 'triage' }, { accountOwner: true }, { contactOwner: true }];

describe('the target picker', () => {
  it.each(TARGETS)('keeps %o through the picker', (target) => {
    expect(targetOf(keyOf(target))).toEqual(target);
  });

  it("offers the known contact's owner beside the named account's", () => {
    const config = { reps: { ana: { name: 'Ana' } }, pools: {}, queues: {} } as unknown as RoutingConfigInput;
    const root = document.body.appendChild(document.createElement('select'));
    render(<TargetOptions c={config} selected="contact" />, root);
    const options = [...root.querySelectorAll('option')].map((o) => [o.value, o.textContent]);
    expect(options).toContainEqual(['account', "The named account's owner"]);
    expect(options).toContainEqual(['contact', "The known contact's owner (from the CRM)"]);
  });
});
