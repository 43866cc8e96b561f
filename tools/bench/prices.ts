/**
 * Cloudflare's published prices (Workers Paid plan) and what a month of leads costs at them,
 * from the meters bench:cost reads. Sources, as read on 2026-12-03 in Cloudflare's docs
 * (github.com/cloudflare/cloudflare-docs): developers.cloudflare.com/workers/platform/pricing/
 * (Workers, KV), developers.cloudflare.com/durable-objects/platform/pricing/ (requests, duration,
 * SQLite rows and storage; storage billed since 2026-01-07). Prices change: check them.
 */

/** Price per unit above the monthly allowance of the Workers Paid plan. */
export const PRICES = {
  base: 5, // USD a month, the plan itself
  workerRequests: { included: 10e6, per: 0.3 / 1e6 },
  workerCpuMs: { included: 30e6, per: 0.02 / 1e6 },
  objectRequests: { included: 1e6, per: 0.15 / 1e6 },
  objectGbSeconds: { included: 400_000, per: 12.5 / 1e6 },
  rowsRead: { included: 25e9, per: 0.001 / 1e6 },
  rowsWritten: { included: 50e6, per: 1 / 1e6 },
  storedGbMonths: { included: 5, per: 0.2 },
  kvReads: { included: 10e6, per: 0.5 / 1e6 },
  kvWrites: { included: 1e6, per: 5 / 1e6 },
} as const;

/** What one lead (or one duplicate) uses, as bench:cost counts it. */
export interface Usage {
  invocations: number;
  requests: number;
  rowsRead: number;
  rowsWritten: number;
  kvReads: number;
  kvWrites: number;
}

/**
 * Assumptions the meters cannot give, named where they are used: a Worker invocation's CPU
 * (the shared core takes ~25 µs a lead; the rest is the runtime's), and how long an object is
 * active per request (billed while it works or waits on I/O: a delivery run waits on providers).
 */
export const ASSUMED = { workerCpuMs: 2, objectActiveSeconds: 0.2, objectGb: 0.128 };

const over = (units: number, price: { included: number; per: number }) => Math.max(0, units - price.included) * price.per;

/** The monthly bill (30 days) at `perDay` leads a day, each using `lead`, plus `dupShare` duplicates per lead, and `bytes` stored per lead kept for `keptDays`. */
export function monthlyCost(
  perDay: number,
  lead: Usage,
  duplicate: Usage,
  dupShare: number,
  bytes: number,
  keptDays: number,
): Record<string, number> & { total: number } {
  const n = perDay * 30;
  const use = (k: keyof Usage) => n * (lead[k] + dupShare * duplicate[k]);
  const requests = use('requests');
  const parts = {
    workers: over(use('invocations'), PRICES.workerRequests) + over(use('invocations') * ASSUMED.workerCpuMs, PRICES.workerCpuMs),
    requests: over(requests, PRICES.objectRequests),
    duration: over(requests * ASSUMED.objectActiveSeconds * ASSUMED.objectGb, PRICES.objectGbSeconds),
    rowsWritten: over(use('rowsWritten'), PRICES.rowsWritten),
    rowsRead: over(use('rowsRead'), PRICES.rowsRead),
    storage: over((perDay * keptDays * bytes) / 1e9, PRICES.storedGbMonths),
    kv: over(use('kvReads'), PRICES.kvReads) + over(use('kvWrites'), PRICES.kvWrites),
  };
  return { ...parts, total: PRICES.base + Object.values(parts).reduce((a, b) => a + b, 0) };
}
