/**
 * The Worker as `npm run dev` runs it (`wrangler dev worker/dev-entry.ts`): the deployed Worker
 * (worker/index.ts, what `wrangler deploy` bundles) plus the dev outbox pages under `/dev`. So
 * production does not even contain them; here they still answer only in development mode.
 */
import type { AppEnv } from './app-env.ts';
import { dev } from './http/dev.ts';
import worker, { app } from './index.ts';

export * from './index.ts';

/** `/dev/*` to the dev outbox, everything else (and the cron trigger) to the Worker. */
export default {
  fetch(request, env, ctx) {
    return new URL(request.url).pathname.startsWith('/dev/') ? dev.fetch(request, env, ctx) : app.fetch(request, env, ctx);
  },
  scheduled: worker.scheduled,
} satisfies ExportedHandler<AppEnv>;
