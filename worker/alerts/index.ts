/**
 * The alerts Worker: a cron trigger every five minutes that checks the routing's health and
 * tells people when it breaks (run.ts). A Worker of its own, beside the lead router it watches
 * (bound to the same Durable Objects and KV, see wrangler.toml here): the watchdog does not
 * share the request path it watches, and the router's bundle keeps its size budget.
 */
import type { AppEnv } from '../app-env.ts';
import { runAlerts } from './run.ts';

export default {
  scheduled(controller, env, ctx) {
    ctx.waitUntil(runAlerts(env, controller.scheduledTime));
  },
} satisfies ExportedHandler<AppEnv>;
