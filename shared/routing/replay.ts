/**
 * Replay: what a proposed config would have done to real leads. Both configs route the same
 * leads, in arrival order, each at the instant it arrived (so working hours and out-of-office
 * are judged as they were), from the same starting state. A lead counts as changed when its
 * route or its target (the pool, rep or queue the route sends to) differs: a different turn of
 * the same rotation is not a routing change, though it shows in the shares.
 */
import type { RoutingConfig } from '../config/schema.ts';
import { applyStateChange, copyState, route } from './route.ts';
import type { Decision, RoutableLead, RoutingState } from './types.ts';

/** A real lead to replay. */
export interface ReplayLead {
  id: string;
  receivedAt: number;
  lead: RoutableLead;
}

/** Where a config puts a lead. */
export interface Placement {
  route: string;
  /** `pool:<id>`, `rep:<id>` or `queue:<id>`: what the route sends to. */
  target: string;
  /** `rep:<id>` or `queue:<id>`. */
  owner: string;
}

/** A lead the proposed config would route differently. */
export interface ReplayChange {
  id: string;
  receivedAt: number;
  before: Placement;
  after: Placement;
}

/** Leads per owner or per route, before and after. */
export interface Movement {
  key: string;
  before: number;
  after: number;
}

/** The difference a proposed config makes. */
export interface ReplayResult {
  leads: number;
  changed: ReplayChange[];
  /** Leads per owner (`rep:<id>`, `queue:<id>`), most moved first. */
  owners: Movement[];
  /** Leads per route, in the proposed config's order, then routes it drops. */
  routes: Movement[];
  /** Routes of the proposed config that none of the replayed leads would take. */
  unreachable: string[];
}

/** Where a decision puts a lead. */
export function placementOf(decision: Decision): Placement {
  const owner = `${decision.owner.kind}:${decision.owner.id}`;
  return { route: decision.route, target: decision.pool !== undefined ? `pool:${decision.pool}` : owner, owner };
}

/**
 * Routes `leads` with `current` and with `proposed` and compares.
 * @example
 * const diff = replay(lastLeads, live, edited);
 * diff.changed.length; // leads that would go elsewhere
 */
export function replay(
  leads: readonly ReplayLead[],
  current: RoutingConfig,
  proposed: RoutingConfig,
  initial: RoutingState = { cursors: {}, load: {} },
): ReplayResult {
  const ordered = [...leads].sort((a, b) => a.receivedAt - b.receivedAt);
  // Each config threads its own copy: `applyStateChange` updates in place.
  const stateBefore = copyState(initial);
  const stateAfter = copyState(initial);
  const changed: ReplayChange[] = [];
  const owners = new Map<string, Movement>();
  const routes = new Map<string, Movement>();
  for (const id of proposed.routes.map((r) => r.id)) routes.set(id, { key: id, before: 0, after: 0 });
  const count = (map: Map<string, Movement>, key: string, side: 'before' | 'after') => {
    const movement = map.get(key) ?? { key, before: 0, after: 0 };
    movement[side] += 1;
    map.set(key, movement);
  };
  for (const { id, receivedAt, lead } of ordered) {
    const a = route(lead, current, stateBefore, receivedAt);
    const b = route(lead, proposed, stateAfter, receivedAt);
    applyStateChange(stateBefore, a.stateChange);
    applyStateChange(stateAfter, b.stateChange);
    const before = placementOf(a);
    const after = placementOf(b);
    count(owners, before.owner, 'before');
    count(owners, after.owner, 'after');
    count(routes, before.route, 'before');
    count(routes, after.route, 'after');
    if (before.route !== after.route || before.target !== after.target) changed.push({ id, receivedAt, before, after });
  }
  return {
    leads: ordered.length,
    changed,
    owners: [...owners.values()].sort((x, y) => Math.abs(y.after - y.before) - Math.abs(x.after - x.before) || x.key.localeCompare(y.key)),
    routes: [...routes.values()],
    unreachable: proposed.routes.filter((r) => (routes.get(r.id)?.after ?? 0) === 0).map((r) => r.id),
  };
}
