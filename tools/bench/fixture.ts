/**
 * The routing benchmark's world, generated from a fixed seed: 200 reps in 4 time zones with
 * working hours and some out of office, 10,000 named-account domains, 30 ordered routes
 * (named accounts, 24 country × size segments, 2 product lines, a source and an urgency rule,
 * a catch-all), and 100,000 leads arriving every 6 s over a week.
 */
import type { RoutingConfigInput } from '../../shared/config/schema.ts';
import type { RoutableLead } from '../../shared/routing/types.ts';

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const ZONES = ['America/New_York', 'America/Los_Angeles', 'Europe/Berlin', 'Asia/Singapore'];
const SEGMENT_COUNTRIES = ['US', 'CA', 'GB', 'DE', 'FR', 'ES', 'MX', 'AU'];
const OTHER_COUNTRIES = ['JP', 'BR', 'IN', 'NL', 'SE', 'IT'];
const BANDS: [number, number][] = [
  [1, 50],
  [50, 500],
  [500, 1_000_000],
];
const PRODUCTS = ['payments', 'payroll', 'analytics', 'identity', 'billing'];
const SOURCES = ['google', 'linkedin', 'direct', 'newsletter', 'partner', 'g2'];
const FORM_TYPES = ['demo_request', 'quote_request', 'contact', 'content_download'];

/** The number of named-account domains, routes, reps and leads. */
export const SIZE = { accounts: 10_000, routes: 30, reps: 200, leads: 100_000 } as const;

/** The benchmark's routing config. */
export function benchConfig(): RoutingConfigInput {
  const rand = random(42);
  const reps: RoutingConfigInput['reps'] = {};
  for (let i = 0; i < SIZE.reps; i++) {
    const id = `r${String(i).padStart(3, '0')}`;
    reps[id] = {
      name: `Rep ${i}`,
      timeZone: ZONES[i % ZONES.length]!,
      hours: i % 5 === 0 ? { 'mon-sun': '00:00-24:00' } : { 'mon-fri': '08:00-18:00' },
      capacity: 1_000_000,
      ...(i % 17 === 0 ? { outOfOffice: [{ from: '2026-11-18', to: '2026-11-19', backup: `r${String((i + 1) % SIZE.reps).padStart(3, '0')}` }] } : {}),
    };
  }
  const repIds = Object.keys(reps);
  const pools: NonNullable<RoutingConfigInput['pools']> = {};
  const routes: RoutingConfigInput['routes'] = [{ id: 'named-accounts', to: { accountOwner: true } }];
  const pool = (id: string, size: number) => {
    const start = Math.floor(rand() * SIZE.reps);
    pools[id] = { strategy: 'round_robin', members: Array.from({ length: size }, (_, k) => repIds[(start + k * 7) % SIZE.reps]!) };
    return id;
  };
  for (const country of SEGMENT_COUNTRIES) {
    for (const [low, high] of BANDS) {
      routes.push({ id: `${country}-${low}`, when: { country, employees: { gte: low, lt: high } }, to: { pool: pool(`p-${country}-${low}`, 7) } });
    }
  }
  for (const product of ['payroll', 'identity']) {
    routes.push({ id: `product-${product}`, when: { product }, to: { pool: pool(`p-${product}`, 6) } });
  }
  routes.push({ id: 'partner-source', when: { source: 'partner' }, to: { pool: pool('p-partner', 5) } });
  routes.push({ id: 'urgent', when: { urgency: 'urgent', formType: { in: ['demo_request', 'quote_request'] } }, to: { pool: pool('p-urgent', 8) } });
  routes.push({ id: 'default', to: { pool: pool('p-default', 12) } });

  const accounts: Record<string, string> = {};
  for (const domain of namedDomains()) accounts[domain] = repIds[Math.floor(rand() * SIZE.reps)]!;

  return {
    formTypes: Object.fromEntries(FORM_TYPES.map((id) => [id, { label: id, fields: ['email'], required: ['email'], intent: 'medium', sla: '1h' }])),
    reps,
    pools,
    queues: { triage: { name: 'Triage', watchers: [] }, junk: { name: 'Junk', watchers: [] } },
    accounts,
    routes,
    qualification: { junkQueue: 'junk' },
    fallback: { queue: 'triage' },
  };
}

/**
 * The same world with every pool route requiring a speaker of the lead's language and every
 * rep under a daily cap: reps all speak the leads' language and the caps are never reached, so
 * each lead gets the same owner, and the difference in speed is what the two checks cost.
 */
export function benchConfigWithSkills(): RoutingConfigInput {
  const config = benchConfig();
  for (const rep of Object.values(config.reps)) Object.assign(rep, { languages: ['en', 'de'], dailyCapacity: 1_000_000 });
  for (const route of config.routes) if ('pool' in route.to) route.requires = { language: 'lead' };
  return config;
}

/** The named-account domains. */
export function namedDomains(): string[] {
  return Array.from({ length: SIZE.accounts }, (_, i) => `account${i}.com`);
}

/** The leads, and the instant each arrives. */
export function benchLeads(): { leads: RoutableLead[]; instants: number[] } {
  const rand = random(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const leads: RoutableLead[] = [];
  const instants: number[] = [];
  const start = Date.parse('2026-11-16T00:00:00Z');
  for (let i = 0; i < SIZE.leads; i++) {
    const named = rand() < 0.2;
    leads.push({
      formType: pick(FORM_TYPES),
      consent: true,
      honeypot: false,
      source: pick(SOURCES),
      status: rand() < 0.02 ? 'junk' : rand() < 0.1 ? 'incomplete' : 'qualified',
      urgency: rand() < 0.1 ? 'urgent' : 'normal',
      intent: 'medium',
      domain: named ? `account${Math.floor(rand() * SIZE.accounts)}.com` : `company${i}.com`,
      country: rand() < 0.7 ? pick(SEGMENT_COUNTRIES) : pick(OTHER_COUNTRIES),
      employees: Math.max(1, Math.round(Math.exp(rand() * 9))),
      product: pick(PRODUCTS),
      language: 'en',
    });
    instants.push(start + i * 6_000);
  }
  // Leads reach the engine parsed from JSON: flat strings, as in production.
  return { leads: JSON.parse(JSON.stringify(leads)) as RoutableLead[], instants };
}
