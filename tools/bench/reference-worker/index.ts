/**
 * The intake benchmark's reference: the minimal Durable Object Worker of a lead's shape, run by
 * `npm run bench:intake` beside the product under the same `wrangler dev`, so each of our figures
 * is printed as a ratio to what the runtime allows on the same machine in the same run.
 *
 * `POST /v1/leads`: Hono parses the lead-sized JSON body, one RPC bumps a counter in one global
 * object (the routing state's part: a cursor), then one RPC writes the lead as a row in the
 * person's object (a new object for a new email, the same one for a repeat), and it answers 202.
 * The two calls are sequential, as routing must decide before the lead is stored with its owner.
 *
 * With `SIDE_EFFECTS` set (a second instance in the bench), it also does what our intake must do
 * besides: two rate-limit checks (the client's submissions, its confirmations) before answering,
 * and after the answer four provider requests (confirmation, Slack, the rep's email, the CRM) to
 * `CAPTURE` and one RPC to a global object (the metrics feed) — so the bench can tell the cost of
 * those side effects from the cost of our code.
 */
import { DurableObject } from 'cloudflare:workers';
import { Hono } from 'hono/tiny';

/** The reference Worker's bindings. */
interface ReferenceEnv {
  ROW: DurableObjectNamespace<RowObject>;
  COUNTER: DurableObjectNamespace<CounterObject>;
  INTAKE_LIMITER: RateLimit;
  CONFIRM_LIMITER: RateLimit;
  SIDE_EFFECTS?: string;
  CAPTURE?: string;
}

/** One global counter: stands for the routing state every lead passes through. */
export class CounterObject extends DurableObject {
  #n: number | undefined;

  /** Adds one and returns the count (durable before the answer leaves: output gate). */
  bump(): number {
    const sql = this.ctx.storage.sql;
    if (this.#n === undefined) {
      sql.exec('CREATE TABLE IF NOT EXISTS counter (k INTEGER PRIMARY KEY, n INTEGER NOT NULL)');
      this.#n = sql.exec<{ n: number }>('SELECT n FROM counter WHERE k = 0').toArray()[0]?.n ?? 0;
    }
    this.#n += 1;
    sql.exec('INSERT OR REPLACE INTO counter (k, n) VALUES (0, ?)', this.#n);
    return this.#n;
  }
}

/** A person's object: the lead written as one row. */
export class RowObject extends DurableObject {
  /** Writes the lead; returns its id. */
  write(id: string, body: string): string {
    const sql = this.ctx.storage.sql;
    sql.exec('CREATE TABLE IF NOT EXISTS leads (id TEXT PRIMARY KEY, body TEXT NOT NULL) WITHOUT ROWID');
    sql.exec('INSERT OR REPLACE INTO leads (id, body) VALUES (?, ?)', id, body);
    return id;
  }
}

const app = new Hono<{ Bindings: ReferenceEnv }>();

app.get('/health', (c) => c.json({ ok: true }));

app.post('/v1/leads', async (c) => {
  const lead = await c.req.json<{ fields?: { email?: string } }>();
  const person = lead.fields?.email ?? crypto.randomUUID();
  const sideEffects = c.env.SIDE_EFFECTS === '1';
  if (sideEffects) await c.env.INTAKE_LIMITER.limit({ key: c.req.header('CF-Connecting-IP') ?? 'local' });
  const [n] = await Promise.all([c.env.COUNTER.getByName('global').bump(), sideEffects ? c.env.CONFIRM_LIMITER.limit({ key: person }) : undefined]);
  const leadId = await c.env.ROW.getByName(person).write(`ld_${n}`, JSON.stringify(lead));
  if (sideEffects) {
    const send = (path: string) =>
      fetch(`${c.env.CAPTURE}/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ leadId, lead }) }).then((r) =>
        r.text(),
      );
    c.executionCtx.waitUntil(Promise.all(['resend', 'slack', 'resend', 'crm'].map(send)).then(() => c.env.COUNTER.getByName('metrics').bump()));
  }
  return c.json({ leadId }, 202);
});

export default app satisfies ExportedHandler<ReferenceEnv>;
