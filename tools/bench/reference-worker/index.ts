/**
 * The intake benchmark's reference: the minimal Durable Object Worker of a lead's shape, run by
 * `npm run bench:intake` beside the product under the same `wrangler dev`, so each of our figures
 * is printed as a ratio to what the runtime allows on the same machine in the same run.
 *
 * `POST /v1/leads`: Hono parses the lead-sized JSON body, one RPC bumps a counter in one global
 * object (the routing state's part: a cursor), then one RPC writes the lead as a row in the
 * person's object (a new object for a new email, the same one for a repeat), and it answers 202.
 * The two calls are sequential, as routing must decide before the lead is stored with its owner.
 */
import { DurableObject } from 'cloudflare:workers';
import { Hono } from 'hono/tiny';

/** The reference Worker's bindings. */
interface ReferenceEnv {
  ROW: DurableObjectNamespace<RowObject>;
  COUNTER: DurableObjectNamespace<CounterObject>;
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
  const n = await c.env.COUNTER.getByName('global').bump();
  const leadId = await c.env.ROW.getByName(person).write(`ld_${n}`, JSON.stringify(lead));
  return c.json({ leadId }, 202);
});

export default app satisfies ExportedHandler<ReferenceEnv>;
