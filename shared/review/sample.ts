/**
 * The weekly spot-check (seeds/004: "spot-check 10 leads per week"): a sample of last week's
 * routed leads, stratified across rules so a rule with few leads is looked at too, and the same
 * for everyone all week (drawn from a complete week, shuffled by a seed made of the week's name).
 */

const DAY_MS = 86_400_000;

/**
 * The ISO week of an instant (UTC): `2026-W49`.
 * @example isoWeek(Date.parse('2026-12-03')) // '2026-W49'
 */
export function isoWeek(at: number): string {
  const d = new Date(at);
  const day = (d.getUTCDay() + 6) % 7; // Monday 0
  const thursday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day + 3);
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 4) + ((new Date(Date.UTC(year, 0, 4)).getUTCDay() + 6) % 7) * DAY_MS) / (7 * DAY_MS));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The UTC days (`from`, `to`, both included) of the week before the one `at` is in. */
export function previousWeek(at: number): { week: string; from: string; to: string } {
  const d = new Date(at);
  const monday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  const from = monday - 7 * DAY_MS;
  return { week: isoWeek(from), from: new Date(from).toISOString().slice(0, 10), to: new Date(from + 6 * DAY_MS).toISOString().slice(0, 10) };
}

/** A small deterministic generator (mulberry32) seeded by a string. */
function random(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `n` leads drawn across their `route`s in turn (each rule's leads shuffled by `seed`), so every
 * rule with leads is represented before any gets a second; the order of rules is by the seed too.
 * @example stratifiedSample(lastWeeksLeads, 10, '2026-W48')
 */
export function stratifiedSample<T extends { id: string; route: string }>(leads: readonly T[], n: number, seed: string): T[] {
  const next = random(seed);
  const shuffle = <U>(list: U[]): U[] => {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    return list;
  };
  const byRoute = new Map<string, T[]>();
  for (const lead of [...leads].sort((a, b) => a.id.localeCompare(b.id))) byRoute.set(lead.route, [...(byRoute.get(lead.route) ?? []), lead]);
  const strata = shuffle([...byRoute.keys()].sort()).map((route) => shuffle(byRoute.get(route)!));
  const out: T[] = [];
  for (let round = 0; out.length < n && strata.some((s) => s.length > round); round++) {
    for (const s of strata) if (s[round] && out.length < n) out.push(s[round]!);
  }
  return out;
}
