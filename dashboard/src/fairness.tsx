/**
 * Fairness per pool, telling "fewer leads because unavailable" from "fewer leads because the
 * rotation is unfair": each member's share of the pool's leads, their target, and the share
 * they should have had given who was available when each lead arrived
 * (shared/routing/availability-share.ts, judged by the live config's hours and absences).
 */
import { useEffect, useState } from 'preact/hooks';
import type { RoutingConfig } from '../../shared/config/schema.ts';
import type { PoolShares } from '../../shared/metrics/fairness.ts';
import type { LeadFacts } from '../../shared/metrics/types.ts';
import { availabilityShares, type AvailabilityShare } from '../../shared/routing/availability-share.ts';
import { api } from './api.ts';
import { Bars } from './charts.tsx';
import { pct } from './format.ts';

type Period = { from: string; to: string };

function leadsHref(params: Record<string, string>): string {
  return `#/leads?${new URLSearchParams(params)}`;
}

/** What a member's figures say, in words. */
function verdict(s: AvailabilityShare | undefined, target: number, leads: number): string {
  if (!s) return '';
  if (s.verdict === 'fewer') return 'fewer than their availability explains: check the rotation';
  if (s.verdict === 'more') return 'more than their availability explains: check the rotation';
  if (s.expected < target - 0.05) return `fewer because unavailable when ${pct(1 - s.available)} of the pool's leads arrived`;
  if (Math.abs(s.actual - s.expected) > 0.05) return `within chance over ${leads} leads`;
  return 'as expected';
}

function PoolFairness({ pool, config, period }: { pool: PoolShares; config: RoutingConfig; period: Period }) {
  const [shares, setShares] = useState<AvailabilityShare[]>();
  useEffect(() => {
    Promise.all(
      pool.members.map((m) =>
        api<{ leads: LeadFacts[] }>(`/leads?${new URLSearchParams({ ...period, dim: 'pool_rep', key: `${pool.pool}/rep:${m.rep}`, limit: '1000' })}`),
      ),
    )
      .then((lists) =>
        setShares(
          availabilityShares(
            config,
            pool.pool,
            lists.flatMap((l, i) => l.leads.map((lead) => ({ at: lead.receivedAt, rep: pool.members[i]!.rep }))),
          ),
        ),
      )
      .catch(() => setShares([]));
  }, [pool.pool, period.from, period.to]);
  const of = (rep: string) => shares?.find((s) => s.rep === rep);
  return (
    <div class="fair">
      <Bars
        title={`${pool.name} (${pool.strategy.replace('_', ' ')}, ${pool.leads === 1 ? '1 lead' : `${pool.leads} leads`})`}
        scale={1}
        rows={pool.members.map((m) => ({
          label: m.name,
          value: m.actual ?? 0,
          target: m.target,
          ...(of(m.rep) ? { expected: of(m.rep)!.expected } : {}),
          text: `${pct(m.actual)} · target ${pct(m.target)}${of(m.rep) ? ` · given availability ${pct(of(m.rep)!.expected)}` : ''}`,
          href: leadsHref({ ...period, dim: 'pool_rep', key: `${pool.pool}/rep:${m.rep}` }),
        }))}
      />
      <ul class="verdicts small">
        {pool.members.map((m) => {
          const v = verdict(of(m.rep), m.target, pool.leads);
          return v ? (
            <li key={m.rep} class={of(m.rep)?.verdict === 'fair' ? 'muted' : 'warn'}>
              {m.name}: {v}
            </li>
          ) : null;
        })}
      </ul>
    </div>
  );
}

/** The fairness section: pools that had leads in the period. */
export function Fairness({ pools, config, period }: { pools: PoolShares[]; config: RoutingConfig | undefined; period: Period }) {
  const used = pools.filter((p) => p.leads > 0);
  return (
    <section aria-labelledby="fairness-title">
      <h2 id="fairness-title">Fairness: each pool's shares</h2>
      <p class="muted small">
        Bar: share of the pool's leads. Black mark: the target (weights, or equal shares). Orange mark: the share they should have had given who was available
        (working hours, out of office, active) when each lead arrived.
      </p>
      {used.length === 0 && <p class="muted">No pool leads in this period.</p>}
      <div class="grid">{config && used.map((p) => <PoolFairness key={p.pool} pool={p} config={config} period={period} />)}</div>
    </section>
  );
}
