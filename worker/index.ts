/**
 * The lead router Worker: the HTTP surface of ../shared/DESIGN.md.
 * For now it answers health checks and dry-runs the bundled routing config;
 * intake, dedupe and escalation arrive with the edge-pipeline issue.
 */
import { Hono } from 'hono';

/** The Hono app, exported for tests that want to call it without the fetch wrapper. */
export const app = new Hono<{ Bindings: Env }>();

app.get('/health', (c) => c.json({ ok: true, service: 'lead-router', environment: c.env.ENVIRONMENT }));

export default app satisfies ExportedHandler<Env>;
