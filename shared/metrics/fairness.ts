/**
 * Distribution per rep against their target share: in each pool, the share of its leads each
 * member got, beside the share the config gives them (their weight in a weighted pool, an equal
 * share otherwise).
 */
import type { RoutingConfig } from '../config/schema.ts';

/** One member of a pool and how their share compares. */
export interface MemberShare {
  rep: string;
  name: string;
  leads: number;
  /** Share of the pool's leads they got (null when the pool had none). */
  actual: number | null;
  target: number;
}

/** A pool's distribution. */
export interface PoolShares {
  pool: string;
  name: string;
  strategy: string;
  leads: number;
  members: MemberShare[];
}

/**
 * The shares of every pool of `config`, from lead counts keyed `<pool>/rep:<id>` (the
 * `pool_rep` dimension of the rollups). Members who left the pool but got leads in the period
 * are listed with a target of 0.
 */
export function poolShares(config: RoutingConfig, counts: Readonly<Record<string, number>>): PoolShares[] {
  return Object.entries(config.pools).map(([poolId, pool]) => {
    const weights = pool.members.map((member) => {
      const rep = typeof member === 'string' ? member : member.rep;
      const weight = pool.strategy !== 'weighted' ? 1 : typeof member === 'string' ? (config.reps[rep]?.weight ?? 1) : member.weight;
      return { rep, weight };
    });
    const totalWeight = weights.reduce((sum, m) => sum + m.weight, 0);
    const prefix = `${poolId}/rep:`;
    const leadsOf = (rep: string) => counts[prefix + rep] ?? 0;
    const former = Object.keys(counts)
      .filter((key) => key.startsWith(prefix) && !weights.some((m) => prefix + m.rep === key))
      .map((key) => ({ rep: key.slice(prefix.length), weight: 0 }));
    const members = [...weights, ...former];
    const leads = members.reduce((sum, m) => sum + leadsOf(m.rep), 0);
    return {
      pool: poolId,
      name: pool.name ?? poolId,
      strategy: pool.strategy,
      leads,
      members: members.map((m) => ({
        rep: m.rep,
        name: config.reps[m.rep]?.name ?? m.rep,
        leads: leadsOf(m.rep),
        actual: leads > 0 ? leadsOf(m.rep) / leads : null,
        target: totalWeight > 0 ? m.weight / totalWeight : 0,
      })),
    };
  });
}
