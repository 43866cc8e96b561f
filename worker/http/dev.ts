/**
 * `/dev/outbox`: in development, every message the system would have sent, newest first, with
 * the exact request. Lets a newcomer watch one lead's whole path on one machine. Served only by
 * the development entry (worker/dev-entry.ts, what `npm run dev` runs): the deployed Worker does
 * not contain these routes at all.
 */
import { Hono } from 'hono/tiny';
import { isDevelopment, type AppEnv } from '../app-env.ts';
import type { RecordedMessage } from '../durable/dev-outbox.ts';
import { h, page, pageHeaders } from './page.ts';

/** The dev routes, under `/dev`. */
export const dev = new Hono<{ Bindings: AppEnv }>().basePath('/dev');

dev.use('*', pageHeaders);
dev.use('*', async function developmentOnly(c, next) {
  if (!isDevelopment(c.env)) return c.json({ error: 'not_found', message: 'The dev outbox exists only in development' }, 404);
  await next();
});

/** Most messages one answer lists (the outbox keeps the last 1,000). */
const LIST_MAX = 1000;

dev.get('/outbox.json', async function outboxJson(c) {
  const raw = c.req.query('limit');
  const limit = raw === undefined ? 200 : Number(raw);
  if (!/^\d{1,4}$/.test(raw ?? '200') || limit < 1 || limit > LIST_MAX) {
    return c.json({ error: 'invalid_request', message: `limit must be a whole number from 1 to ${LIST_MAX}` }, 400);
  }
  return c.json(await c.env.DEV_OUTBOX.getByName('dev').list(limit, c.req.query('lead')?.slice(0, 100)));
});

dev.post('/outbox/clear', async function clearOutbox(c) {
  await c.env.DEV_OUTBOX.getByName('dev').clear();
  return c.redirect('/dev/outbox', 303);
});

dev.get('/outbox', async function outboxPage(c) {
  const messages = await c.env.DEV_OUTBOX.getByName('dev').list(200, c.req.query('lead')?.slice(0, 100));
  const rows = messages.map(row).join('');
  return c.html(
    page(
      'Dev outbox',
      `<h1>Dev outbox</h1><p class="note">Every email, SMS, Slack message and CRM call the Worker would have sent, as the exact request. Providers with credentials set send for real instead.</p>
<form method="post" action="/dev/outbox/clear"><button type="submit">Clear</button></form>
<table><thead><tr><th>#</th><th>When</th><th>Channel</th><th>What</th><th>Request</th></tr></thead><tbody>${rows || '<tr><td colspan="5">Nothing yet: submit a lead.</td></tr>'}</tbody></table>`,
    ),
  );
});

function row(m: RecordedMessage): string {
  const headers = Object.entries(m.headers)
    .map(([k, v]) => `${k}: ${/authorization|token/i.test(k) ? '…' : v}`)
    .join('\n');
  return `<tr><td>${m.seq}</td><td>${h(new Date(m.at).toISOString().slice(11, 23))}</td><td>${h(m.channel)}</td><td>${h(m.summary)}<br><a href="/dev/outbox?lead=${encodeURIComponent(m.leadId)}">${h(m.leadId)}</a></td><td><details><summary>${h(m.method)} ${h(m.url)}</summary><pre>${h(headers)}\n\n${h(m.body)}</pre></details></td></tr>`;
}
