/**
 * Figures that agree (issue 9, case 10): on a generated month of leads (acknowledged in time,
 * late or never, closed, reassigned, escalated, duplicated, misrouted, junk, with outcomes and
 * dead letters), sent as their lead objects would send them (out of order, some twice), for
 * several periods, every cut and three instants with no snapshot in between:
 * - in time + late + open within SLA + overdue = routed, and the other identities of the README;
 * - every count is what the plan says, and every tile's number is the length of its drill-down;
 * - every rate is computed from the counts shown beside it.
 */
import { env, exports } from 'cloudflare:workers';
import { reset } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Figures, LeadFacts, MetricsReport } from '../../shared/metrics/types.ts';
import { metricsStore, type FactsUpdate } from '../../worker/metrics/store.ts';
import { ADMIN } from './helpers.ts';
import { cutsOf, planMonth, random, snapshots, truthOf, type PlannedLead } from './metrics-month.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const dayOf = (at: number) => new Date(at).toISOString().slice(0, 10);

/** The month ends at a fixed instant (two calendar months, five ISO weeks). */
const END = Date.parse('2026-11-12T10:30:00Z');
const LEADS = planMonth(END, 30, 30);
/** Later instants with no new snapshot: leads still within their SLA at END pass it. */
const NOWS = [END, END + 3 * HOUR, END + 2 * DAY];
const PERIODS: [string, string][] = [
  [dayOf(END - 29 * DAY), dayOf(END)],
  ['2026-10-29', '2026-11-04'],
  [dayOf(END), dayOf(END)],
];
const COUNTS = [
  'leads',
  'junk',
  'routed',
  'confirmed',
  'notified',
  'responded',
  'unanswered',
  'in_sla',
  'late',
  'open',
  'overdue',
  'missed',
  'reassigned',
  'escalated',
  'duplicates',
  'dead_letters',
  'misrouted',
  'accepted',
  'qualified',
  'won',
  'lost',
] as const;

async function get<T>(path: string): Promise<T> {
  const res = await exports.default.fetch(`https://router.test/v1/admin${path}`, { headers: ADMIN });
  expect(res.status, path).toBe(200);
  return res.json<T>();
}

/** Every lead behind a figure, walking the pages. */
async function drillDown(params: Record<string, string>): Promise<string[]> {
  const ids: string[] = [];
  let before: string | undefined;
  for (let page = 0; page < 50; page++) {
    const query = new URLSearchParams({ ...params, limit: '1000', ...(before ? { before } : {}) });
    const list = await get<{ leads: LeadFacts[]; total: number; next?: string }>(`/leads?${query}`);
    ids.push(...list.leads.map((l) => l.id));
    if (!list.next) return ids;
    before = list.next;
  }
  throw new Error('too many pages');
}

/** The plan's answer: the ids each figure counts, in a period and optional cut, at `now`. */
function expected(from: string, to: string, now: number, cut?: [string, string]): Map<string, Set<string>> {
  const ids = new Map<string, Set<string>>(COUNTS.map((c) => [c, new Set()]));
  for (const lead of LEADS) {
    const day = dayOf(lead.receivedAt);
    if (day < from || day > to) continue;
    if (cut && cutsOf(lead)[cut[0]] !== cut[1]) continue;
    for (const is of truthOf(lead, END, now)) ids.get(is)?.add(lead.id);
  }
  return ids;
}

function checkIdentities(figures: Figures, where: string): void {
  const c = figures.counters as Record<string, number>;
  expect(c.in_sla! + c.late! + c.open! + c.overdue!, `${where}: in time + late + open + overdue = routed`).toBe(c.routed);
  expect(c.routed! + c.junk!, `${where}: routed + junk = leads`).toBe(c.leads);
  expect(c.in_sla! + c.late!, `${where}: responded`).toBe(c.responded);
  expect(c.open! + c.overdue!, `${where}: unanswered`).toBe(c.unanswered);
  expect(c.late! + c.overdue!, `${where}: missed`).toBe(c.missed);
  const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);
  expect(figures.slaCompliance, `${where}: SLA compliance`).toBe(rate(c.in_sla!, c.in_sla! + c.late! + c.overdue!));
  expect(figures.firstPassAccuracy, `${where}: first-pass accuracy`).toBe(rate(c.routed! - c.misrouted!, c.routed!));
  expect(figures.reassignmentRate, `${where}: reassignment rate`).toBe(rate(c.reassigned!, c.routed!));
  expect(figures.escalationRate, `${where}: escalation rate`).toBe(rate(c.escalated!, c.routed!));
  expect(figures.acceptanceRate, `${where}: acceptance rate`).toBe(rate(c.accepted!, c.routed!));
  expect(figures.conversionRate, `${where}: conversion rate`).toBe(rate(c.won!, c.routed!));
}

function checkCounts(figures: Figures, truth: Map<string, Set<string>>, where: string): void {
  const counted = Object.fromEntries(COUNTS.map((c) => [c, (figures.counters as Record<string, number>)[c]]));
  expect(counted, where).toEqual(Object.fromEntries(COUNTS.map((c) => [c, truth.get(c)!.size])));
}

beforeAll(async () => {
  await reset();
  // Every snapshot of every lead up to END, shuffled, a tenth of them sent twice, in batches.
  const rnd = random(11);
  const all: FactsUpdate[] = LEADS.flatMap((lead: PlannedLead) => snapshots(lead, END));
  for (const update of [...all]) if (rnd() < 0.1) all.push(update);
  all.sort(() => rnd() - 0.5);
  const store = metricsStore(env);
  for (let i = 0; i < all.length; i += 150) await store.ingest(all.slice(i, i + 150));
}, 120_000);

describe('the audit figures of a generated month', () => {
  for (const [from, to] of PERIODS) {
    for (const now of NOWS) {
      it(`${from} to ${to} at END + ${(now - END) / HOUR} h: identities, counts and rates for the total, each day and every cut`, async () => {
        const report = await get<MetricsReport>(`/metrics?from=${from}&to=${to}&asOf=${now}`);
        checkIdentities(report.total, 'total');
        checkCounts(report.total, expected(from, to, now), 'total');
        for (const { day, figures } of report.days) {
          checkIdentities(figures, day);
          checkCounts(figures, expected(day, day, now), day);
        }
        for (const [dim, keys] of Object.entries(report.by)) {
          for (const { key, figures } of keys) {
            checkIdentities(figures, `${dim} ${key}`);
            checkCounts(figures, expected(from, to, now, [dim, key]), `${dim} ${key}`);
          }
        }
        expect(report.by.pool_rep.length).toBeGreaterThan(0);
        expect(report.total.speed.confirm.count).toBe(report.total.counters.confirmed);
        expect(report.total.speed.notify.count).toBe(report.total.counters.notified);
        expect(report.total.speed.respond.count).toBe(report.total.counters.responded);
      });

      it(`${from} to ${to} at END + ${(now - END) / HOUR} h: every tile's number is the length of its drill-down`, async () => {
        const report = await get<MetricsReport>(`/metrics?from=${from}&to=${to}&asOf=${now}`);
        const cuts: [string, string | undefined, Figures][] = [['all', undefined, report.total]];
        for (const [dim, keys] of Object.entries(report.by)) for (const k of keys.slice(0, 1)) cuts.push([dim, k.key, k.figures]);
        for (const [dim, key, figures] of cuts) {
          const truth = expected(from, to, now, key === undefined ? undefined : [dim, key]);
          for (const is of COUNTS) {
            const ids = await drillDown({ from, to, is, asOf: String(now), ...(key === undefined ? {} : { dim, key }) });
            expect(ids.length, `${dim} ${key ?? ''} ${is}`).toBe((figures.counters as Record<string, number>)[is]);
            expect(new Set(ids), `${dim} ${key ?? ''} ${is}`).toEqual(truth.get(is));
          }
        }
      }, 60_000);
    }
  }
});
