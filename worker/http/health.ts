/**
 * `GET /health`: ok or not ok, for load balancers and uptime checks (200 or 503, nothing else in
 * public); with the admin token, and at `/v1/admin/health`, every configuration problem
 * (worker/readiness.ts). Also the gates that keep a misconfigured Worker from taking leads it
 * cannot serve.
 */
import type { Context, Next } from 'hono';
import { adminToken, isDevelopment, maybeSigningSecret, type AppEnv } from '../app-env.ts';
import { accountsIndexProblem } from '../accounts/index-ready.ts';
import { blockingProblems, configProblems, type ConfigProblem } from '../readiness.ts';
import { page } from './page.ts';

type AppContext = Context<{ Bindings: AppEnv }>;

const SERVICE = 'lead-router';

/** The health detail the admin token sees. */
export interface HealthDetail {
  ok: boolean;
  service: string;
  environment: 'development' | 'production';
  problems: ConfigProblem[];
}

/** The detail of `env`'s health: the settings' problems, and whether the accounts index is set up. */
export async function healthDetail(env: AppEnv): Promise<HealthDetail> {
  const index = await accountsIndexProblem(env);
  const problems = index ? [...configProblems(env), index] : configProblems(env);
  return { ok: problems.length === 0, service: SERVICE, environment: isDevelopment(env) ? 'development' : 'production', problems };
}

/** `GET /health`: public ok / not ok; the detail for a request bearing the admin token. */
export async function health(c: AppContext): Promise<Response> {
  const detail = await healthDetail(c.env);
  const status = detail.ok ? 200 : 503;
  if (await bearsAdminToken(c)) return c.json(detail, status);
  const token = adminToken(c.env);
  if (!detail.ok && token === undefined) {
    return c.json({ ok: false, service: SERVICE, message: 'Set ADMIN_TOKEN, then ask with it for the detail' }, 503);
  }
  return c.json({ ok: detail.ok, service: SERVICE }, status);
}

/** Refuses a lead (503, naming what is missing) while a setting that leads need is missing or broken. */
export async function leadsNeedSettings(c: AppContext, next: Next): Promise<Response | void> {
  if (c.req.method !== 'POST') return next();
  const blocking = blockingProblems(c.env);
  if (blocking.length === 0) return next();
  // The widget reads the answer from another origin: without this it would see a network error.
  const origin = c.req.header('Origin');
  if (origin !== undefined) c.header('Access-Control-Allow-Origin', origin);
  c.header('Retry-After', '300');
  return c.json(
    {
      error: 'not_configured',
      message: `Not set up to take leads yet: ${blocking.map((p) => p.message).join('; ')}`,
      missing: blocking.map((p) => p.setting),
    },
    503,
  );
}

/** Ack and misroute links cannot be checked without the signing key: say so (503), never a 500. */
export async function linksNeedSigningKey(c: AppContext, next: Next): Promise<Response | void> {
  if (maybeSigningSecret(c.env) !== undefined) return next();
  return c.html(page('Not available', '<h1>Not available right now</h1><p>Try again later, or open the lead from your CRM.</p>'), 503);
}

async function bearsAdminToken(c: AppContext): Promise<boolean> {
  const token = adminToken(c.env);
  const header = c.req.header('Authorization');
  if (token === undefined || header === undefined || !header.startsWith('Bearer ')) return false;
  return tokenMatches(header.slice('Bearer '.length).trim(), token);
}

/** Whether `given` is the admin token, compared in constant time (digests of both, so the length leaks nothing either). */
export async function tokenMatches(given: string, token: string): Promise<boolean> {
  const digest = (text: string) => crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  const [a, b] = await Promise.all([digest(given), digest(token)]);
  return crypto.subtle.timingSafeEqual(a, b);
}
