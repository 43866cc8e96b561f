/**
 * `/v1/admin/people?email=…&phone=…`: what this product keeps about a person, and forgetting
 * them. GET exports everything kept (their leads with timelines and side effects, their keys'
 * mappings, the audit's copies, the dev outbox's messages); DELETE erases it everywhere and
 * answers what it erased. A person is found by their identity keys: the email (canonical: case,
 * sub-address and, for Gmail, dots do not matter) and/or the phone (E.164, or national with
 * `country`). Erasing by phone erases the lead that holds that phone.
 */
import { Hono } from 'hono/tiny';
import { canonicalEmail } from '../../shared/lead/identity.ts';
import { normalizeEmail } from '../../shared/normalize/email.ts';
import { normalizePhone } from '../../shared/normalize/phone.ts';
import { isInvalid } from '../../shared/normalize/result.ts';
import type { AppEnv } from '../app-env.ts';
import type { LeadView } from '../durable/lead-object.ts';
import { homeTag, identityObject, leadObject } from '../lead/lead-id.ts';
import { ensurePhoneMetadata } from '../phone-metadata.ts';
import { metricsStore } from '../metrics/store.ts';

/** The people routes, mounted inside the admin app. */
export const people = new Hono<{ Bindings: AppEnv }>();

type Keys = { ok: true; keys: string[] } | { ok: false; field: string; message: string };

/** The identity keys named by the query, or why they cannot be used. */
function keysOf(query: (name: string) => string | undefined): Keys {
  const keys: string[] = [];
  const email = query('email');
  const phone = query('phone');
  if (email === undefined && phone === undefined) return { ok: false, field: 'email', message: 'Name the person: ?email=… and/or ?phone=…' };
  if (email !== undefined) {
    const normal = normalizeEmail(email.slice(0, 320));
    if (isInvalid(normal)) return { ok: false, field: 'email', message: 'email is not an email address' };
    keys.push(`email:${canonicalEmail(normal.email)}`);
  }
  if (phone !== undefined) {
    const normal = normalizePhone(phone.slice(0, 40), query('country')?.toUpperCase());
    if (isInvalid(normal)) return { ok: false, field: 'phone', message: 'phone is not a valid number: give it in E.164 (+14155550123) or add ?country=' };
    keys.push(`phone:${normal.e164}`);
  }
  return { ok: true, keys };
}

const refuse = (field: string, message: string) => ({ error: 'invalid_request', message, issues: [{ field, code: 'invalid', message }] });

people.get('/people', async function exportPerson(c) {
  await ensurePhoneMetadata(c.env);
  const named = keysOf((name) => c.req.query(name));
  if (!named.ok) return c.json(refuse(named.field, named.message), 400);
  const leads = new Map<string, LeadView>();
  const keys = [];
  for (const key of named.keys) {
    const here = await identityObject(c.env, homeTag(c.env, key)).exportPerson();
    keys.push({ key, current: here.current ?? null });
    for (const view of here.leads) leads.set(view.record.id, view);
    for (const id of here.elsewhere) {
      const view = leads.has(id) ? undefined : await leadObject(c.env, id).view(id);
      if (view) leads.set(id, view);
    }
  }
  const ids = [...leads.keys()];
  const [audit, messages] = await Promise.all([metricsStore(c.env).personal(ids), devMessages(c.env, ids)]);
  return c.json({ keys, leads: [...leads.values()], audit, devOutbox: messages });
});

people.delete('/people', async function erasePerson(c) {
  await ensurePhoneMetadata(c.env);
  const named = keysOf((name) => c.req.query(name));
  if (!named.ok) return c.json(refuse(named.field, named.message), 400);
  const erased = new Set<string>();
  for (const key of named.keys) {
    const { leads, elsewhere } = await identityObject(c.env, homeTag(c.env, key)).erasePerson();
    for (const id of leads) erased.add(id);
    for (const id of elsewhere) if (!erased.has(id) && (await leadObject(c.env, id).eraseLead(id))) erased.add(id);
  }
  const ids = [...erased];
  const router = c.env.ROUTER.getByName('global');
  // An erased lead no longer counts toward anyone's load.
  await Promise.all(ids.map((id) => router.release(id)));
  const [audit, devOutbox] = await Promise.all([metricsStore(c.env).erase(ids), c.env.DEV_OUTBOX.getByName('dev').erase(ids)]);
  return c.json({ erased: { keys: named.keys.length, leads: ids, auditCopies: audit, devOutboxMessages: devOutbox } });
});

/** The dev outbox's messages about these leads (development only has any). */
async function devMessages(env: AppEnv, ids: string[]): Promise<unknown[]> {
  if (ids.length === 0) return [];
  const all = await env.DEV_OUTBOX.getByName('dev').list(1000);
  const wanted = new Set(ids);
  return all.filter((message) => wanted.has(message.leadId));
}
