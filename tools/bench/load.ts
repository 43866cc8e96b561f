/**
 * Load for the intake benchmark: lead-sized submissions posted as the widget posts them (site
 * key, origin, its own Idempotency-Key, a client address each), in an open loop (a fixed rate
 * whatever the answers do) or a closed loop (clients sending back to back), and one line per
 * phase: accepted throughput, latency of the accepted, answers by status.
 */
import { percentile } from './wrangler-dev.ts';

/** One submission's fate. */
export interface Sent {
  started: number;
  latency: number;
  /** 0: the connection failed. */
  status: number;
  retryAfter?: number;
  leadId?: string;
}

/** What a phase did: its submissions and figures. */
export interface Phase {
  sent: Sent[];
  /** Accepted (202) per second over the phase. */
  rate: number;
  p50: number;
  p99: number;
  /** `202×1600 503×3` */
  statuses: string;
}

/** The body of submission `i`: a new person each time, or one of 20 people over and over. */
export function leadBody(i: number, duplicate: boolean): string {
  const n = duplicate ? i % 20 : i;
  return JSON.stringify({
    formType: 'demo_request',
    fields: {
      firstName: 'Bench',
      lastName: `Lead${n}`,
      email: `bench${n}${duplicate ? 'dup' : ''}@company${n}.com`,
      company: `Company ${n}`,
      employees: String(10 + (n % 900)),
      country: 'US',
      region: 'NY',
    },
    context: { timeOnFormMs: 30_000, locale: 'en-US', pageUrl: 'https://northwind.example/demo' },
  });
}

/** Posts submission `i` to `base`. */
export async function post(base: string, i: number, duplicate: boolean): Promise<Sent> {
  const started = performance.now();
  let res: Response;
  let text: string;
  try {
    res = await fetch(`${base}/v1/leads`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Site-Key': 'demo',
        Origin: 'http://localhost:5173',
        'CF-Connecting-IP': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
        'Idempotency-Key': crypto.randomUUID(),
      },
      body: leadBody(i, duplicate),
    });
    text = await res.text();
  } catch {
    return { started, latency: performance.now() - started, status: 0 };
  }
  let json: { leadId?: string } = {};
  try {
    json = JSON.parse(text) as { leadId?: string };
  } catch {
    // A non-JSON answer (a platform error page) is counted by its status.
  }
  const retryAfter = Number(res.headers.get('Retry-After') ?? Number.NaN);
  return {
    started,
    latency: performance.now() - started,
    status: res.status,
    ...(retryAfter >= 0 ? { retryAfter } : {}),
    ...(json.leadId ? { leadId: json.leadId } : {}),
  };
}

/** Open loop: `rate` submissions a second for `seconds`, whatever the answers do. */
export async function openLoop(base: string, rate: number, seconds: number, offset: number, duplicate: boolean): Promise<Phase> {
  const start = performance.now();
  const pending: Promise<Sent>[] = [];
  for (let i = 0; i < rate * seconds; i++) {
    const wait = start + (i * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(post(base, offset + i, duplicate));
  }
  return phase(await Promise.all(pending));
}

/** Closed loop: `clients` sending back to back for `seconds`, each waiting out a Retry-After as the widget backs off. */
export async function closedLoop(base: string, clients: number, seconds: number, offset: number, duplicate: boolean): Promise<Phase> {
  const end = performance.now() + seconds * 1000;
  const sent: Sent[] = [];
  let next = offset;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const answer = await post(base, next++, duplicate);
        sent.push(answer);
        if (answer.retryAfter !== undefined && answer.status !== 202) await new Promise((r) => setTimeout(r, answer.retryAfter! * 1000));
      }
    }),
  );
  return phase(sent);
}

function phase(sent: Sent[]): Phase {
  const ok = sent.filter((s) => s.status === 202);
  const latencies = ok.map((s) => s.latency);
  const counts = new Map<number, number>();
  for (const s of sent) counts.set(s.status, (counts.get(s.status) ?? 0) + 1);
  const span = Math.max(...sent.map((s) => s.started + s.latency)) - Math.min(...sent.map((s) => s.started));
  return {
    sent,
    rate: (ok.length * 1000) / span,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    statuses: [...counts]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${status}×${n}`)
      .join(' '),
  };
}
