/** Builders shared by the worker tests (inside workerd). */
import { env, exports } from 'cloudflare:workers';
import { evictDurableObject, runInDurableObject } from 'cloudflare:test';
import example from '../../shared/config/examples/routing.json';
import type { RoutingConfigInput } from '../../shared/config/schema.ts';
import type { LeadView } from '../../worker/durable/lead-object.ts';
import { forgetParsedVersions } from '../../worker/config/store.ts';
import { leadObject } from '../../worker/lead/lead-id.ts';
import type { LeadRecord } from '../../worker/lead/record.ts';

export const ADMIN = { Authorization: 'Bearer test-admin-token' };
const BASE = 'https://router.test';

/** The example config with every rep always available: owners do not depend on when tests run. */
export function alwaysOpenConfig(): RoutingConfigInput {
  const config = structuredClone(example) as RoutingConfigInput;
  delete config.defaults?.hours;
  for (const rep of Object.values(config.reps)) {
    delete rep.hours;
    delete rep.outOfOffice;
  }
  return config;
}

/** Publishes a config through the admin API, with a note (and the version it was edited from, when given). */
export async function publish(config: unknown, options: { note?: string; base?: number } = {}): Promise<Response> {
  // Storage was reset between tests and version numbers start again: forget this isolate's parses.
  forgetParsedVersions();
  const headers: Record<string, string> = { ...ADMIN, 'Content-Type': 'application/json' };
  if (options.base !== undefined) headers['If-Match'] = `"${options.base}"`;
  return exports.default.fetch(`${BASE}/v1/admin/config`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ config, note: options.note ?? 'published by a test' }),
  });
}

/** Options of one submission. */
export interface SubmitOptions {
  formType?: string;
  context?: Record<string, unknown>;
  site?: string;
  origin?: string;
  ip?: string;
  idempotencyKey?: string;
}

/** Posts a lead as the widget does. */
export function submit(fields: Record<string, string | boolean>, options: SubmitOptions = {}): Promise<Response> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'X-Site-Key': options.site ?? 'demo',
    Origin: options.origin ?? 'http://localhost:5173',
    'CF-Connecting-IP': options.ip ?? `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  };
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  const body = { formType: options.formType ?? 'contact', fields, context: { timeOnFormMs: 30_000, locale: 'en-US', ...options.context } };
  return exports.default.fetch(`${BASE}/v1/leads`, { method: 'POST', headers, body: JSON.stringify(body) });
}

/**
 * Posts a lead as `submit` does, to the Worker with its identity objects answering `error` — as
 * the platform's own failures reach the intake (an overloaded object), which no test can cause for real.
 */
export async function submitFailing(error: Error, fields: Record<string, string | boolean>): Promise<Response> {
  const { app } = await import('../../worker/index.ts');
  const { createExecutionContext, waitOnExecutionContext } = await import('cloudflare:test');
  const lead = { idFromName: (name: string) => env.LEAD.idFromName(name), getByName: () => ({ admit: () => Promise.reject(error) }) };
  const headers = { 'Content-Type': 'application/json', 'X-Site-Key': 'demo', Origin: 'http://localhost:5173', 'CF-Connecting-IP': '10.9.9.9' };
  const body = JSON.stringify({ formType: 'contact', fields, context: { timeOnFormMs: 30_000, locale: 'en-US' } });
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`${BASE}/v1/leads`, { method: 'POST', headers, body }), { ...env, LEAD: lead }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

/** The 202 body. */
export interface Accepted {
  leadId: string;
  owner: { name: string | null };
  respondWithin: { minutes: number } | null;
}

/** Submits and expects a 202. */
export async function accepted(fields: Record<string, string | boolean>, options: SubmitOptions = {}): Promise<Accepted> {
  const res = await submit(fields, options);
  if (res.status !== 202) throw new Error(`expected 202, got ${res.status}: ${await res.text()}`);
  return res.json<Accepted>();
}

/** The lead through the admin API. */
export async function leadView(id: string): Promise<LeadView> {
  const res = await exports.default.fetch(`${BASE}/v1/admin/leads/${id}`, { headers: ADMIN });
  if (!res.ok) throw new Error(`lead ${id}: ${res.status}`);
  return res.json<LeadView>();
}

/** Polls until `check` returns a value (not undefined/false), or fails after `ms`. */
export async function waitFor<T>(check: () => Promise<T | undefined | false>, ms = 5_000, what = 'condition'): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Waits until every outbox entry of a lead is delivered or dead. */
export function settled(id: string): Promise<LeadView> {
  return waitFor(
    async () => {
      const view = await leadView(id);
      return view.outbox.every((e) => e.status !== 'pending') ? view : undefined;
    },
    5_000,
    `lead ${id} outbox to settle`,
  );
}

/**
 * Moves a lead `ms` into the past, as if it had arrived that long ago: escalation steps come due
 * without waiting. The object is evicted so it reloads the stored record.
 */
export async function ageLead(id: string, ms: number): Promise<void> {
  const stub = leadObject(env, id);
  await runInDurableObject(stub, async (_instance, state) => {
    const row = state.storage.sql.exec<{ body: string }>('SELECT body FROM leads WHERE id = ?', id).one();
    const body = JSON.parse(row.body) as { record: LeadRecord };
    const record = body.record;
    record.receivedAt -= ms;
    record.ownerSince -= ms;
    if (record.slaFrom !== undefined) record.slaFrom -= ms;
    if (record.dueAt !== undefined) record.dueAt -= ms;
    if (record.lastSubmissionAt !== undefined) record.lastSubmissionAt -= ms;
    for (const mark of [record.acknowledged, record.closed, record.stage, record.misrouted, record.rescued]) if (mark) mark.at -= ms;
    state.storage.sql.exec('UPDATE leads SET body = ? WHERE id = ?', JSON.stringify(body), id);
  });
  await evictDurableObject(stub);
}
