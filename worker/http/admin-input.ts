/**
 * Input checks shared by the admin routes, so every refusal is a 4xx with a reason before any
 * object is touched: a body that is not a JSON object, an id that cannot be a lead's.
 */
import type { Context, Next } from 'hono';
import { MAX_CONFIG_BYTES } from '../config/versions.ts';
import { isLeadId } from '../lead/lead-id.ts';

/** Largest admin body: a routing config of the largest size, with room for a note. */
const MAX_BODY = MAX_CONFIG_BYTES + 16 * 1024;

/** The admin answer to a request it refuses. */
export const invalid = (field: string, message: string) => ({ error: 'invalid_request', message, issues: [{ field, code: 'invalid', message }] });

/**
 * Middleware: a POST or PUT body, when there is one, must be a JSON object (and at most 1 MiB
 * and a bit, a config's size; 413 beyond). Handlers then read
 * it with `c.req.json()` (cached) and never meet `null`, an array or a number.
 */
export async function jsonObjectBody(c: Context, next: Next): Promise<Response | void> {
  if (c.req.method !== 'POST' && c.req.method !== 'PUT') return next();
  // A CSV upload is streamed by its own route (worker/http/accounts.ts), not read whole here.
  if (c.req.header('Content-Type')?.startsWith('text/csv') || c.req.path.endsWith('/accounts/import')) return next();
  if (Number(c.req.header('Content-Length')) > MAX_BODY) return tooLarge(c);
  const text = await c.req.text();
  if (text.length > MAX_BODY) return tooLarge(c);
  if (text.trim() === '') return next();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return c.json(invalid('body', 'The request body is not JSON'), 400);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return c.json(invalid('body', 'The request body must be a JSON object'), 400);
  }
  return next();
}

/** 413: the largest admin body is a routing config, at most 1 MiB of JSON. */
export function tooLarge(c: Context): Response {
  return c.json({ error: 'too_large', message: `A routing config may be at most ${MAX_CONFIG_BYTES / 1024} KiB of JSON` }, 413);
}

/** The JSON object body (`{}` when there is none); {@link jsonObjectBody} has checked it. */
export async function bodyOf(c: Context): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  return text.trim() === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
}

/** Middleware: `:id` must be a lead id, checked before any object is addressed (a read must not create one). */
export async function leadIdParam(c: Context, next: Next): Promise<Response | void> {
  const id = c.req.param('id') ?? '';
  if (!isLeadId(id)) return c.json({ error: 'not_found', message: `No lead ${JSON.stringify(id.slice(0, 100))}: not a lead id` }, 404);
  return next();
}
