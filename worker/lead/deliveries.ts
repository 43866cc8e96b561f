/**
 * From an outbox entry to a delivered message: write it (shared/messages), address it (the
 * config's reps, queues and brand), build the provider's request (providers/), then send it,
 * or record it in the dev outbox when the channel has no provider.
 */
import type { RoutingConfig } from '../../shared/config/schema.ts';
import { managerAlert, queueNotice } from '../../shared/messages/alerts.ts';
import { confirmationEmail, confirmationPromise, confirmationSms, handoverMessages } from '../../shared/messages/confirmation.ts';
import { repEmail, repSlack } from '../../shared/messages/notification.ts';
import { relationshipText } from '../../shared/messages/relationship.ts';
import { DEFAULT_MIN_CONFIDENCE } from '../../shared/routing/compile.ts';
import type { AlertMessages, EmailMessage as Written, SlackMessage as WrittenSlack } from '../../shared/messages/types.ts';
import { whyLines } from '../../shared/messages/why.ts';
import { isDevelopment, signingSecret, type AppEnv } from '../app-env.ts';
import { buildCrm, buildEmail, buildSlack, buildSms } from '../providers/build.ts';
import { isDevOutbox } from '../providers/dev-outbox.ts';
import { providerSettings, type ProviderSettings } from '../providers/settings.ts';
import { providerTimeout, send } from '../providers/transport.ts';
import type { CrmRecord, Delivery, OutboundRequest } from '../providers/types.ts';
import { ackUrl } from './ack-link.ts';
import { slaDue } from './sla.ts';
import type { LeadRecord, OutboxEntry } from './record.ts';

/** What delivering an entry needs to know. */
export interface DeliveryContext {
  record: LeadRecord;
  config: RoutingConfig;
  env: AppEnv;
  /** Origin for links. */
  publicUrl: string;
  now: number;
}

let settingsCache: { env: AppEnv; settings: ProviderSettings } | undefined;

function settingsOf(env: AppEnv): ProviderSettings {
  if (settingsCache?.env !== env) settingsCache = { env, settings: providerSettings(env as unknown as Record<string, string | undefined>) };
  return settingsCache.settings;
}

/** How many CRM destinations receive each lead (at least one entry goes to the dev outbox when none). */
export function crmTargetCount(env: AppEnv): number {
  return settingsOf(env).crm.length;
}

/** Builds and sends (or records) one outbox entry. */
export async function deliver(entry: OutboxEntry, ctx: DeliveryContext): Promise<Delivery> {
  let request: OutboundRequest | undefined;
  let summary: string;
  try {
    [request, summary] = await build(entry, ctx);
  } catch (error) {
    // A message we cannot even write will not improve with retries.
    return { ok: false, retry: false, error: `could not build the message: ${(error as Error).name}` };
  }
  if (!request) return { ok: false, retry: false, error: summary };
  if (isDevOutbox(request)) {
    // Without a provider, production must not pretend a message went out: dead-letter it, visibly.
    if (!isDevelopment(ctx.env)) return { ok: false, retry: false, error: `no provider configured for ${request.channel}` };
    const seq = await ctx.env.DEV_OUTBOX.getByName('dev').record({ ...request, at: Date.now(), leadId: ctx.record.id, summary });
    return { ok: true, status: 200, ref: `dev-outbox:${seq}` };
  }
  return send(request, fetch, providerTimeout(ctx.env));
}

async function build(entry: OutboxEntry, ctx: DeliveryContext): Promise<[OutboundRequest | undefined, string]> {
  const { record, config } = ctx;
  const settings = settingsOf(ctx.env);
  const key = `${record.id}:${entry.id}`;
  const brand = config.brand?.name ?? 'our team';
  const formTypeLabel = config.formTypes[record.lead.formType]?.label ?? record.lead.formType;
  const intent = entry.intent;
  switch (intent.kind) {
    case 'confirmation': {
      const input = { brand, lead: record.lead, formTypeLabel, owner: record.owner, respondWithinMs: record.decision.slaMs };
      if (intent.channel === 'sms') {
        return [buildSms({ to: record.lead.phone!, body: confirmationSms(input), idempotencyKey: key }, settings), 'confirmation SMS to the lead'];
      }
      const written = confirmationEmail(input);
      return [buildEmail(email(record.lead.email!, written, key, config.brand?.replyTo), settings), 'confirmation email to the lead'];
    }
    case 'lead_update': {
      const written = handoverMessages({ brand, lead: record.lead, formTypeLabel, owner: record.owner, respondWithinMs: record.decision.slaMs });
      if (intent.channel === 'sms') return [buildSms({ to: record.lead.phone!, body: written.sms, idempotencyKey: key }, settings), 'update SMS to the lead'];
      return [buildEmail(email(record.lead.email!, written.email, key, config.brand?.replyTo), settings), 'update email to the lead'];
    }
    case 'owner_notice': {
      const person = config.reps[intent.to];
      const ack = await ackUrl(ctx.publicUrl, signingSecret(ctx.env), record.id, ackerFor(record, config, intent.to), ctx.now);
      const why = whyLines(record.trace, Object.fromEntries(Object.entries(config.reps).map(([id, r]) => [id, r.name])));
      let written: { slack: WrittenSlack; email: Written };
      if (record.owner.kind === 'queue') {
        written = queueNotice({
          brand,
          lead: record.lead,
          formTypeLabel,
          qualification: record.qualification,
          queueName: record.owner.name,
          why,
          respondWithinMs: record.decision.slaMs,
          ackUrl: ack,
          ...(person ? { watcherName: person.name } : {}),
          ...relationshipOf(record, config),
        });
      } else {
        const input = {
          brand,
          lead: record.lead,
          qualification: record.qualification,
          formTypeLabel,
          owner: record.owner,
          respondWithinMs: record.decision.slaMs,
          deadlineAt: slaDue(record, config, record.ownerSince, record.decision.slaMs),
          why,
          ackUrl: ack,
          duplicates: record.duplicates,
          ...(record.decision.route === 'named-accounts' || record.decision.strategy === 'account_owner' ? { namedAccountOwner: record.owner.name } : {}),
          ...relationshipOf(record, config),
          ...noticeContext(intent, record, config, ctx.now),
        };
        written = { slack: repSlack(input), email: repEmail(input) };
      }
      if (intent.channel === 'slack') {
        const mention = person?.slack ? `<@${person.slack}> ` : '';
        return [
          buildSlack({ ...written.slack, text: `${mention}${written.slack.text}`, idempotencyKey: key }, settings),
          `Slack to ${person?.name ?? record.owner.name}`,
        ];
      }
      if (!person?.email) return [undefined, `${intent.to} has no email address`];
      return [buildEmail(email(person.email, written.email, key), settings), `email to ${person.name}`];
    }
    case 'manager_alert': {
      const manager = config.reps[intent.to];
      const written: AlertMessages = managerAlert({
        brand,
        lead: record.lead,
        formTypeLabel,
        qualification: record.qualification,
        ownerName: record.owner.name,
        waitedMs: ctx.now - record.ownerSince,
        ...(manager ? { managerName: manager.name } : {}),
      });
      if (intent.channel === 'slack') {
        const mention = manager?.slack ? `<@${manager.slack}> ` : '';
        return [
          buildSlack({ ...written.slack, text: `${mention}${written.slack.text}`, idempotencyKey: key }, settings),
          `manager alert on Slack for ${manager?.name ?? intent.to}`,
        ];
      }
      if (!manager?.email) return [undefined, `${intent.to} has no email address`];
      return [buildEmail(email(manager.email, written.email, key), settings), `manager alert email to ${manager.name}`];
    }
    case 'crm': {
      const requests = await buildCrm(crmRecord(record, config, key), settings);
      const request = requests[intent.target] ?? requests[0];
      return [request, `CRM record, owner ${record.owner.name}`];
    }
  }
}

/** What a notice says beyond a new lead: a reassignment (from whom, how long the lead waited, what it was promised), a return, a re-route. */
function noticeContext(intent: Extract<OutboxEntry['intent'], { kind: 'owner_notice' }>, record: LeadRecord, config: RoutingConfig, now: number) {
  const label = (formType: string) => config.formTypes[formType]?.label ?? formType;
  switch (intent.reason) {
    case 'reassigned': {
      const promised = record.confirmationSkipped
        ? undefined
        : confirmationPromise({
            brand: config.brand?.name ?? 'our team',
            lead: record.lead,
            formTypeLabel: label(record.lead.formType),
            owner: record.decision.owner,
            respondWithinMs: record.decision.slaMs,
          });
      return { reassignedFrom: intent.from ?? 'the previous owner', waitedMs: now - (record.slaFrom ?? record.receivedAt), ...(promised ? { promised } : {}) };
    }
    case 'returned':
    case 'rerouted':
      return intent.before === undefined && intent.reason === 'rerouted'
        ? { reason: 'rerouted' as const }
        : {
            returned: { formTypeLabel: label(record.lead.formType), ...(intent.before ? { previousFormTypeLabel: label(intent.before) } : {}) },
            ...(intent.reason === 'rerouted' ? { reason: 'rerouted' as const } : {}),
          };
    case 'rescued':
      return { reason: 'rescued' as const };
    default:
      return {};
  }
}

/** The lead's prior relationship (matched account, known contact), as the notice and the CRM record say it. */
function relationshipOf(record: LeadRecord, config: RoutingConfig): { relationship?: string } {
  const text = relationshipText(record.lead, config.accountIndex?.minConfidence ?? DEFAULT_MIN_CONFIDENCE);
  return text === undefined ? {} : { relationship: text };
}

/** Whose link a notice to `to` carries: that rep's own, or for a queue's Slack post its first watcher's. */
function ackerFor(record: LeadRecord, config: RoutingConfig, to: string): string {
  if (config.reps[to]) return to;
  return config.queues[record.owner.id]?.watchers[0] ?? to;
}

function email(to: string, written: Written, idempotencyKey: string, replyTo?: string) {
  return { to, subject: written.subject, text: written.text, html: written.html, idempotencyKey, ...(replyTo ? { replyTo } : {}) };
}

/** The lead as the CRM receives it: pre-routed, owner set, with why. */
export function crmRecord(record: LeadRecord, config: RoutingConfig, idempotencyKey: string): CrmRecord {
  const lead = record.lead;
  const rep = record.owner.kind === 'rep' ? config.reps[record.owner.id] : undefined;
  const why = whyLines(record.trace);
  const out: CrmRecord = {
    leadId: record.id,
    source: lead.source,
    formType: lead.formType,
    urgency: lead.urgency,
    status: lead.status,
    owner: {
      kind: record.owner.kind,
      id: record.owner.id,
      name: record.owner.name,
      ...(rep?.crm?.hubspot ? { hubspotOwnerId: rep.crm.hubspot } : {}),
      ...(rep?.crm?.salesforce ? { salesforceOwnerId: rep.crm.salesforce } : {}),
    },
    route: record.decision.route,
    reason: [relationshipOf(record, config).relationship, ...why].filter(Boolean).join('; '),
    ...relationshipOf(record, config),
    receivedAt: new Date(record.receivedAt).toISOString(),
    duplicates: record.duplicates,
    idempotencyKey,
    ...(lead.origin ? { origin: { system: lead.origin.system, id: lead.origin.id } } : {}),
  };
  for (const field of [
    'email',
    'phone',
    'firstName',
    'lastName',
    'company',
    'jobTitle',
    'website',
    'country',
    'region',
    'city',
    'postalCode',
    'product',
    'message',
  ] as const) {
    const value = lead[field];
    if (value !== undefined) out[field] = value;
  }
  if (lead.employees !== undefined) out.employees = lead.employees;
  return out;
}
