/**
 * `GET/HEAD/POST /v1/leads/:id/ack`: the rep's signed link. Only a POST (the page's button, a
 * person) acknowledges: GET and HEAD — link previews in chat apps, mail security scanners —
 * only show the page. The page says whether the lead is already acknowledged, in the rep's own
 * time zone; a link of a rep who no longer owns the lead says where it went and when, and
 * nothing of the lead. `POST /v1/leads/:id/misroute` with the same signed link lets the owner
 * say who should have had the lead instead. Forged or expired links get a 403.
 */
import { Hono } from 'hono/tiny';
import type { RoutingConfig } from '../../shared/config/schema.ts';
import { formatDuration } from '../../shared/time/duration.ts';
import { signingSecret, type AppEnv } from '../app-env.ts';
import { checkAckLink } from '../lead/ack-link.ts';
import { leadObject } from '../lead/lead-id.ts';
import { ownerRef } from '../lead/owner-ref.ts';
import type { LeadRecord } from '../lead/record.ts';
import { h, page } from './page.ts';

/** The ack routes, mounted at `/v1/leads`. */
export const ack = new Hono<{ Bindings: AppEnv }>();

ack.on(['GET', 'HEAD', 'POST'], '/:id/ack', async function acknowledgeLead(c) {
  const id = c.req.param('id');
  const rep = c.req.query('rep');
  const refused = await checkAckLink(signingSecret(c.env), id, rep, c.req.query('exp'), c.req.query('sig'), Date.now());
  if (refused) {
    const text = refused === 'expired' ? 'This link has expired. Open the lead from your CRM or ask your manager for a new link.' : 'This link is not valid.';
    return c.html(page('Link refused', `<h1>Link refused</h1><p>${h(text)}</p>`), 403);
  }
  const lead = leadObject(c.env, id);
  const { config } = await c.env.ROUTER.getByName('global').config();
  const when = (at: number) => timeFor(at, config, rep!);
  if (c.req.method !== 'POST') {
    const view = await lead.view(id);
    if (!view) return c.html(page('Not found', '<h1>Lead not found</h1>'), 404);
    const record = view.record;
    if (!isOwner(record, rep!, config)) return c.html(moved(record.owner.name, when(record.ownerSince)));
    if (record.acknowledged) return c.html(page('Acknowledged', acknowledged(record, rep!, config, when) + contact(record)));
    return c.html(page('Acknowledge lead', leadSummary(record, c.req.url, when) + misrouteForm(config, c.req.url)));
  }
  const result = await lead.acknowledge(id, rep!, Date.now());
  if (!result.ok) {
    if (result.reason === 'not_found') return c.html(page('Not found', '<h1>Lead not found</h1>'), 404);
    return c.html(moved(result.owner.name, when(result.ownerSince)), 409);
  }
  const record = result.record;
  const after = formatDuration(record.acknowledged!.at - record.ownerSince);
  const heading = result.already ? 'Already acknowledged' : 'Acknowledged';
  return c.html(
    page(
      heading,
      `<h1 class="ok">${heading}</h1><p>${h(record.lead.fullName ?? 'The lead')} is yours; the SLA clock stopped after ${h(after)}.</p>${contact(record)}`,
    ),
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
  const record = await leadObject(c.env, id).reportMisroute(id, to, rep!, Date.now(), note || undefined);
  if (!record) return c.html(page('Not found', '<h1>Lead not found</h1>'), 404);
  const [kind, ref] = to.split(':') as ['rep' | 'queue', string];
  const name = kind === 'rep' ? config.reps[ref]?.name : config.queues[ref]?.name;
  return c.html(page('Thanks', `<h1 class="ok">Thanks</h1><p>RevOps will review why this lead went to ${h(record.owner.name)} and not ${h(name ?? ref)}.</p>`));
});

/** True when `rep` may act on the lead now: its rep owner, or a watcher of its queue. */
function isOwner(record: LeadRecord, rep: string, config: RoutingConfig): boolean {
  return record.owner.kind === 'rep' ? record.owner.id === rep : (config.queues[record.owner.id]?.watchers ?? []).includes(rep);
}

/** A former owner's page: where the lead went and when, and nothing of the lead. */
function moved(ownerName: string, when: string): string {
  return page('Lead moved', `<h1>This lead has moved on</h1><p>This lead moved to ${h(ownerName)} at ${h(when)}. Nothing to do here.</p>`);
}

function acknowledged(record: LeadRecord, rep: string, config: RoutingConfig, when: (at: number) => string): string {
  const ack = record.acknowledged!;
  const by = ack.by === rep ? 'you' : (config.reps[ack.by]?.name ?? ack.by);
  return `<h1 class="ok">Already acknowledged</h1><p>Acknowledged by ${h(by)} at ${h(when(ack.at))}, ${h(formatDuration(ack.at - record.ownerSince))} after it was assigned.</p>`;
}

/** An instant in the rep's own time zone (else the config's default), e.g. "10:42 AM PST (Thu, Dec 3)". */
function timeFor(at: number, config: RoutingConfig, rep: string): string {
  const timeZone = config.reps[rep]?.timeZone ?? config.defaults?.timeZone ?? 'UTC';
  const time = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(at);
  const day = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', month: 'short', day: 'numeric' }).format(at);
  return `${time} (${day})`;
}

/** "Not the right owner?": the rep picks who should have had the lead; it feeds first-pass accuracy. */
function misrouteForm(config: RoutingConfig, url: string): string {
  const options = [
    ...Object.entries(config.reps).map(([id, rep]) => `<option value="rep:${h(id)}">${h(rep.name)}</option>`),
    ...Object.entries(config.queues).map(([id, queue]) => `<option value="queue:${h(id)}">${h(queue.name)} (queue)</option>`),
  ].join('');
  const action = url.replace(/&amp;/g, '&').replace('/ack?', '/misroute?');
  return `<details><summary>Not the right owner? Report a misroute</summary><form method="post" action="${h(action)}"><label>Should have gone to <select name="to">${options}</select></label><label>Why (optional) <input name="note" maxlength="500"></label><button type="submit">Report misroute</button></form></details>`;
}

function leadSummary(record: LeadRecord, url: string, when: (at: number) => string): string {
  const lead = record.lead;
  const due = record.ownerSince + record.decision.slaMs;
  const status = `<p class="warn">Respond within ${h(formatDuration(record.decision.slaMs))}: by ${h(when(due))}.</p>`;
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
  return `<h1>New lead for you</h1>${status}<dl>${rows}</dl>${contact(record)}<form method="post" action="${h(action)}"><button type="submit">Acknowledge: I'm on it</button></form>`;
}

function contact(record: LeadRecord): string {
  const parts = [];
  if (record.lead.phone) parts.push(`<a href="tel:${h(record.lead.phone)}">${h(record.lead.phone)}</a>`);
  if (record.lead.email) parts.push(`<a href="mailto:${h(record.lead.email)}">${h(record.lead.email)}</a>`);
  return parts.length ? `<p>${parts.join(' · ')}</p>` : '';
}
