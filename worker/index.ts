/**
 * The lead router Worker: the HTTP surface of ../shared/DESIGN.md, and its Durable Objects.
 */
import { Hono } from 'hono/tiny';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './app-env.ts';
import { ack } from './http/ack.ts';
import { admin } from './http/admin.ts';
import { forms } from './http/forms.ts';
import { health, leadsNeedSettings, linksNeedSigningKey } from './http/health.ts';
import { intake } from './http/intake.ts';
import { sources } from './http/sources.ts';
import { isOverload, RETRY_AFTER_S } from './http/overload.ts';
import { pageHeaders } from './http/page.ts';
import { widgetScript } from './http/widget-script.ts';
import { runAlerts } from './alerts/run.ts';
import { syncOnSchedule } from './accounts/scheduled.ts';

export { AccountSync } from './accounts/sync-object.ts';
export { DevOutbox } from './durable/dev-outbox.ts';
export { LeadObject } from './durable/lead-object.ts';
export { MetricsObject } from './durable/metrics-object.ts';
export { RouterState } from './durable/router-state.ts';
export { SiteHealth } from './durable/site-health.ts';

/** The Hono app. */
export const app = new Hono<{ Bindings: AppEnv }>();

// Every HTML page the Worker writes (ack, dev outbox) gets a Content-Security-Policy.
app.use('*', pageHeaders);
app.get('/health', health);
app.get('/widget.js', widgetScript);
app.route('/v1/forms', forms);
app.use('/v1/leads', leadsNeedSettings);
app.use('/v1/leads/:id/*', linksNeedSigningKey);
app.route('/v1/leads', intake);
app.route('/v1/leads', ack);
app.route('/v1/admin', admin);
app.use('/v1/sources/*', leadsNeedSettings);
app.route('/v1/sources', sources);

app.notFound((c) => c.json({ error: 'not_found', message: `No route for ${c.req.method} ${new URL(c.req.url).pathname}` }, 404));
app.onError((error, c) => {
  // Middleware refusals (bearer auth, body limit) carry their own response.
  if (error instanceof HTTPException) return error.getResponse();
  // The platform failed (an object overloaded, an internal error), not our code: ask for a retry.
  if (isOverload(error)) {
    c.header('Retry-After', String(RETRY_AFTER_S));
    return c.json({ error: 'unavailable', message: 'Busy right now: try again in a few seconds' }, 503);
  }
  // The message may hold lead data: log the kind of error only.
  console.error(`unhandled ${error.name} on ${c.req.method} ${new URL(c.req.url).pathname}`);
  return c.json({ error: 'internal', message: 'Something went wrong on our side; the request can be retried' }, 500);
});

/**
 * HTTP through the Hono app; every five minutes (wrangler.toml `crons`) the alerts check
 * (alerts/run.ts) and the CRM account syncs (accounts/scheduled.ts), each on its own.
 */
export default {
  fetch: app.fetch,
  scheduled(controller, env, ctx) {
    ctx.waitUntil(runAlerts(env, controller.scheduledTime));
    ctx.waitUntil(syncOnSchedule(env, controller.scheduledTime));
  },
} satisfies ExportedHandler<AppEnv>;
