/**
 * The accounts benchmark's Worker: the real index code (worker/accounts/) behind plain HTTP
 * routes, so `npm run bench:accounts` can fill it and time lookups under `wrangler dev`.
 * `/lookup` times the lookup inside the Worker as well (`ms`: the clock advances across the D1
 * round trip, as workerd's clock does); Node times the whole request.
 */
import example from '../../../shared/config/examples/routing.json';
import { parseConfig } from '../../../shared/config/parse.ts';
import type { RoutingConfig } from '../../../shared/config/schema.ts';
import { importCsv } from '../../../worker/accounts/import.ts';
import { clearLookupCache, lookupAccount } from '../../../worker/accounts/lookup.ts';
import { indexCounts } from '../../../worker/accounts/store.ts';
import type { AppEnv } from '../../../worker/app-env.ts';

export { AccountSync } from '../../../worker/accounts/sync-object.ts';
export { RouterState } from '../../../worker/durable/router-state.ts';

export default {
  async fetch(request: Request, env: AppEnv): Promise<Response> {
    const url = new URL(request.url);
    const q = Object.fromEntries(url.searchParams);
    const config = (parseConfig(example) as { config: RoutingConfig }).config;
    switch (url.pathname) {
      case '/setup':
        // The sync object reads the live config: the example, published as version 1.
        await env.ROUTER.getByName('global').publish({ input: example, note: 'accounts bench', by: 'bench' });
        return new Response('ok');
      case '/import': {
        const result = await importCsv(env.ACCOUNTS_DB, request.body ?? '', config, { kind: 'accounts', mode: 'merge', dryRun: false });
        return Response.json({ imported: result.imported, issues: result.issues.length });
      }
      case '/lookup': {
        // Every lookup reads D1: the per-isolate cache would otherwise answer repeats.
        clearLookupCache();
        const lead = {
          ...(q.email ? { email: q.email, emailDomain: q.email.split('@')[1], emailKind: 'work' as const } : {}),
          ...(q.company ? { company: q.company } : {}),
          ...(q.website ? { website: q.website } : {}),
        };
        const start = performance.now();
        const found = await lookupAccount(env.ACCOUNTS_DB, lead, config);
        return Response.json({ ms: performance.now() - start, account: found.account ?? null });
      }
      case '/sync': {
        const stub = env.ACCOUNT_SYNC.getByName('hubspot');
        return Response.json(q.start ? await stub.start('hubspot', true) : await stub.status('hubspot'));
      }
      case '/counts':
        return Response.json(await indexCounts(env.ACCOUNTS_DB));
      default:
        return new Response('ok');
    }
  },
} satisfies ExportedHandler<AppEnv>;
