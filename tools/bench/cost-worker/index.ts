/**
 * `npm run bench:cost`'s Worker: the product's Worker and Durable Objects, unchanged, behind the
 * meter (meter.ts), plus `GET /__bench/tally` and `POST /__bench/reset`. Its wrangler config is
 * written from the product's by tools/bench/cost.ts (same bindings, this file as `main`). Not
 * deployed.
 */
import { app } from '../../../worker/index.ts';
import { DevOutbox as DevOutboxBase } from '../../../worker/durable/dev-outbox.ts';

export * from '../../../worker/index.ts';
import { LeadObject as LeadObjectBase } from '../../../worker/durable/lead-object.ts';
import { MetricsObject as MetricsObjectBase } from '../../../worker/durable/metrics-object.ts';
import { RouterState as RouterStateBase } from '../../../worker/durable/router-state.ts';
import type { AppEnv } from '../../../worker/app-env.ts';
import { invocation, metered, meteredEnv, reset, tally } from './meter.ts';

export const LeadObject = metered(LeadObjectBase, 'LeadObject');
export const RouterState = metered(RouterStateBase, 'RouterState');
export const MetricsObject = metered(MetricsObjectBase, 'MetricsObject');
export const DevOutbox = metered(DevOutboxBase, 'DevOutbox');

export default {
  async fetch(request: Request, env: AppEnv, ctx: ExecutionContext): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === '/__bench/tally') return Response.json(tally());
    if (url.pathname === '/__bench/reset') return (reset(), new Response('ok'));
    if (url.pathname === '/health') return app.fetch(request, env, ctx);
    return invocation(`${request.method} ${url.pathname}`, async () => app.fetch(request, meteredEnv(env), ctx));
  },
} satisfies ExportedHandler<AppEnv>;
