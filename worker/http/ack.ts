/**
 * `GET/POST /v1/leads/:id/ack`: the rep's signed link. GET shows the lead and a button (link
 * previews in chat apps fetch GET, so it must not acknowledge); POST acknowledges and stops the
 * SLA clock. `POST /v1/leads/:id/misroute` with the same signed link lets the rep say who should
 * have had the lead instead. Forged or expired links get a 403.
 */
import { Hono } from 'hono/tiny';
import { formatDuration } from '../../shared/time/duration.ts';
import type { RoutingConfig } from '../../shared/config/schema.ts';
import { signingSecret, type AppEnv } from '../app-env.ts';
import { checkAckLink } from '../lead/ack-link.ts';
import { leadObject } from '../lead/lead-id.ts';
import { ownerRef } from '../lead/owner-ref.ts';
import type { LeadRecord } from '../lead/record.ts';
import { h, page } from './page.ts';

/** The ack routes, mounted at `/v1/leads`. */
export const ack = new Hono<{ Bindings: AppEnv }>();

ack.on(['GET', 'POST'], '/:id/ack', async function acknowledgeLead(c) {
  const id = c.req.param('id');
  const rep = c.req.query('rep');
  const refused = await checkAckLink(signingSecret(c.env), id, rep, c.req.query('exp'), c.req.query('sig'), Date.now());
  if (refused) {
    const text = refused === 'expired' ? 'This link has expired. Open the lead from your CRM or ask your manager for a new link.' : 'This link is not valid.';
    return c.html(page('Link refused', `<h1>Link refused</h1><p>${h(text)}</p>`), 403);
  }
  const lead = leadObject(c.env, id);
  if (c.req.method === 'GET') {
    const view = await lead.view();
    if (!view) return c.html(page('Not found', '<h1>Lead not found</h1>'), 404);
    const { config } = await c.env.ROUTER.getByName('global').config();
    return c.html(page('Acknowledge lead', leadSummary(view.record, rep!, c.req.url) + misrouteForm(config, c.req.url)));
  }
  const result = await lead.acknowledge(rep!, Date.now());
  if (!result.ok) {
    if (result.reason === 'not_found') return c.html(page('Not found', '<h1>Lead not found</h1>'), 404);
    return c.html(page('Reassigned', `<h1>This lead has moved on</h1><p>It now belongs to ${h(result.owner?.name ?? 'someone else')}. Nothing to do here.</p>`), 409);
  }
  const record = result.record;
  const when = formatDuration(record.acknowledged!.at - record.ownerSince);
  return c.html(
    page('Acknowledged', `<h1 class="ok">${result.already ? 'Already acknowledged' : 'Acknowledged'}</h1><p>${h(record.lead.fullName ?? 'The lead')} is yours; the SLA clock stopped after ${h(when)}.</p>${contact(record)}`),
  );
});

ack.post('/:id/misroute', async function reportMisroute(c) {
  const id = c.req.param('id');
  const rep = c.req.query('rep');
  const refused = await checkAckLink(signingSecret(c.env), id, rep, c.req.query('exp'), c.req.query('sig'), Date.now());
  if (refused) return c.html(page('Link refused', `<h1>Link refused</h1><p>This link is ${refused === 'expired' ? 'expired' : 'not valid'}.</p>`), 403);
  const form = await c.req.parseBody();
  const { config } = await c.env.ROUTER.getByName('global').config();
  const to = ownerRef(config, form.to);
  if (!to) return c.html(page('Misroute', '<h1>Whose lead is it?</h1><p>Pick the rep or queue that should have had it.</p>'), 400);
  const note = typeof form.note === 'string' ? form.note.trim().slice(0, 500) : '';
  const record = await leadObject(c.env, id).reportMisroute(to, rep!, Date.now(), note || undefined);
  if (!record) return c.html(page('Not found', '<h1>Lead not found</h1>'), 404);
  const [kind, ref] = to.split(':') as ['rep' | 'queue', string];
  const name = kind === 'rep' ? config.reps[ref]?.name : config.queues[ref]?.name;
  return c.html(page('Thanks', `<h1 class="ok">Thanks</h1><p>RevOps will review why this lead went to ${h(record.owner.name)} and not ${h(name ?? ref)}.</p>`));
});

/** "Not yours?": the rep picks who should have had the lead; it feeds first-pass accuracy. */
function misrouteForm(config: RoutingConfig, url: string): string {
  const options = [
    ...Object.entries(config.reps).map(([id, rep]) => `<option value="rep:${h(id)}">${h(rep.name)}</option>`),
    ...Object.entries(config.queues).map(([id, queue]) => `<option value="queue:${h(id)}">${h(queue.name)} (queue)</option>`),
  ].join('');
  const action = url.replace(/&amp;/g, '&').replace('/ack?', '/misroute?');
  return `<details><summary>Not the right owner? Report a misroute</summary><form method="post" action="${h(action)}"><label>Should have gone to <select name="to">${options}</select></label><label>Why (optional) <input name="note" maxlength="500"></label><button type="submit">Report misroute</button></form></details>`;
}

function leadSummary(record: LeadRecord, rep: string, url: string): string {
  const lead = record.lead;
  const status = record.acknowledged ? `<p class="ok">Acknowledged ${h(new Date(record.acknowledged.at).toISOString())}.</p>` : `<p class="warn">Respond within ${h(formatDuration(record.decision.slaMs))} of ${h(new Date(record.ownerSince).toISOString())}.</p>`;
  const rows = [
    ['Name', lead.fullName],
    ['Company', lead.company],
    ['Form', lead.formType],
    ['Product', lead.product],
    ['Location', [lead.city, lead.region, lead.country].filter(Boolean).join(', ')],
    ['Message', lead.message],
    ['Owner', record.owner.name],
  ]
    .filter(([, v]) => v)
    .map(([k, v]) => `<dt>${h(k!)}</dt><dd>${h(v!)}</dd>`)
    .join('');
  const action = url.replace(/&amp;/g, '&');
  return `<h1>New lead for you</h1>${status}<dl>${rows}</dl>${contact(record)}<form method="post" action="${h(action)}"><input type="hidden" name="rep" value="${h(rep)}"><button type="submit">Acknowledge: I'm on it</button></form>`;
}

function contact(record: LeadRecord): string {
  const parts = [];
  if (record.lead.phone) parts.push(`<a href="tel:${h(record.lead.phone)}">${h(record.lead.phone)}</a>`);
  if (record.lead.email) parts.push(`<a href="mailto:${h(record.lead.email)}">${h(record.lead.email)}</a>`);
  return parts.length ? `<p>${parts.join(' · ')}</p>` : '';
}
