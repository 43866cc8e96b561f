/**
 * The benchmark's Worker: the real MetricsObject behind a few plain HTTP routes, so
 * `npm run bench:metrics` can seed it and time its queries from Node under `wrangler dev`.
 * Not deployed; see metrics.wrangler.toml beside it.
 */
import type { FactsUpdate } from '../../../worker/durable/metrics-object.ts';
import type { LeadFilter } from '../../../worker/metrics/lead-filter.ts';

export { MetricsObject } from '../../../worker/durable/metrics-object.ts';

/** The bench worker's bindings. */
interface BenchEnv {
  METRICS: DurableObjectNamespace<import('../../../worker/durable/metrics-object.ts').MetricsObject>;
}

export default {
  async fetch(request: Request, env: BenchEnv): Promise<Response> {
    const url = new URL(request.url);
    const q = Object.fromEntries(url.searchParams);
    const metrics = env.METRICS.getByName('global');
    const now = Number(q.now ?? Date.now());
    switch (url.pathname) {
      case '/ingest':
        await metrics.ingest(await request.json<FactsUpdate[]>());
        return new Response('ok');
      case '/report':
        return Response.json(await metrics.report(q.from!, q.to!, now));
      case '/leads':
        return Response.json(await metrics.leads(JSON.parse(q.filter!) as LeadFilter, now));
      case '/search':
        return Response.json(await metrics.search(q.q!));
      case '/replay':
        return Response.json(await metrics.replaySample(Number(q.limit)));
      default:
        return new Response('ok');
    }
  },
} satisfies ExportedHandler<BenchEnv>;
