/**
 * The benchmark's Worker: the real metrics store (worker/metrics/store.ts and its MetricsObject
 * shards) behind a few plain HTTP routes, so `npm run bench:metrics` can seed it, time its
 * queries from Node under `wrangler dev`, and read what its shards hold and wrote.
 * Not deployed; see wrangler.toml beside it.
 */
import { monthsBetween, shardName } from '../../../shared/metrics/shards.ts';
import type { MetricsObject } from '../../../worker/durable/metrics-object.ts';
import type { LeadFilter } from '../../../worker/metrics/lead-filter.ts';
import { metricsStore, type FactsUpdate } from '../../../worker/metrics/store.ts';

export { MetricsObject } from '../../../worker/durable/metrics-object.ts';

/** The bench worker's bindings. */
interface BenchEnv {
  METRICS: DurableObjectNamespace<MetricsObject>;
}

export default {
  async fetch(request: Request, env: BenchEnv): Promise<Response> {
    const url = new URL(request.url);
    const q = Object.fromEntries(url.searchParams);
    const store = metricsStore(env);
    const now = Number(q.now ?? Date.now());
    // Every shard of the months from–to: each month's parts, as its part 0 says.
    const shards = async () => {
      const months = monthsBetween(q.from!, q.to!);
      const parts = await Promise.all(months.map((month) => env.METRICS.getByName(month).parts(month, false)));
      return months.flatMap((month, i) =>
        Array.from({ length: Math.max(1, parts[i]!) }, (_, part) => ({ name: shardName(month, part), shard: env.METRICS.getByName(shardName(month, part)) })),
      );
    };
    switch (url.pathname) {
      case '/ingest':
        // Answers the rows written by the transactions that applied the batch.
        return new Response(String(await store.ingest(await request.json<FactsUpdate[]>())));
      case '/report':
        return Response.json(await store.report(q.from!, q.to!, now));
      case '/leads':
        return Response.json(await store.leads(JSON.parse(q.filter!) as LeadFilter, now));
      case '/search':
        return Response.json(await store.search(q.q!, now));
      case '/replay':
        return Response.json(await store.replaySample(Number(q.limit), now));
      case '/erase':
        // Erases leads by id, as a person's erasure or a lead's retention does.
        return Response.json(await store.erase(await request.json<string[]>()));
      case '/stats':
        // Per shard: leads, bytes on disk, rows written by its current instance.
        return Response.json(await Promise.all((await shards()).map(async ({ name, shard }) => ({ name, ...(await shard.stats()) }))));
      case '/sweep':
        // The daily sweep of every shard, as of `now`.
        await Promise.all((await shards()).map(({ shard }) => shard.sweep(now)));
        return new Response('ok');
      default:
        return new Response('ok');
    }
  },
} satisfies ExportedHandler<BenchEnv>;
