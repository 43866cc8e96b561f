/**
 * The routing config: one page of JSON a RevOps person can read, validated here.
 *
 * The shape is checked by zod; cross-references (a pool naming a rep that does not exist, a
 * route shadowed by an earlier one) are checked by `checkConfig` in `check.ts`, which names the
 * offending route. `routing-config.schema.json` beside this file is generated from this schema
 * for editor completion (`npm run schema`); its titles and descriptions are added there
 * (`json-schema.ts`), so the Worker does not carry them.
 *
 * Written with `zod/mini`, whose functional API tree-shakes: the Worker ships this schema, and
 * classic zod would cost it about 25 KB gzip.
 */
import * as z from 'zod/mini';
import { LEAD_FIELD_NAMES, type LeadFieldName } from '../lead/fields.ts';
import { AccountIndex, Enrichment, NamedAccount, ScorePart, Source } from './schema-customer.ts';
import { Count, DateOrInstant, Duration, Email, type FieldTest, Id, Language, opt, some, text, TimeZone, When, WorkingHours } from './schema-parts.ts';

export { Count, Duration, Email, isTimeZone, WorkingHours } from './schema-parts.ts';
export { ENRICHMENT_FIELDS } from './schema-customer.ts';

const OutOfOffice = z.strictObject({
  from: DateOrInstant,
  /** Inclusive when a date; exclusive when an instant. */
  to: DateOrInstant,
  /** Who takes the rep's direct and named-account leads meanwhile. */
  backup: opt(Id),
  note: opt(text(200)),
});

const Rep = z.strictObject({
  name: text(80, 1),
  email: opt(Email),
  phone: opt(z.string().check(z.regex(/^\+[1-9]\d{6,14}$/, 'E.164, like +14155550123'))),
  /** Slack member id, mentioned in the notification. */
  slack: opt(text(40)),
  timeZone: opt(TimeZone),
  hours: opt(WorkingHours),
  outOfOffice: opt(z.array(OutOfOffice)),
  /** Most open (unacknowledged or unclosed) leads at once; none means no cap. */
  capacity: opt(Count),
  /** Most new leads in one day, the day in the rep's own time zone; none means no cap. */
  dailyCapacity: opt(Count),
  /** Share in weighted pools, relative to the other members. */
  weight: opt(z.number().check(z.positive(), z.maximum(100))),
  /** Languages the rep speaks (ISO 639 codes), for routes that require a speaker. */
  languages: opt(z.array(Language)),
  /** Skills, free words compared without regard to case: `enterprise`, `product:payroll`, `region:emea`. */
  skills: opt(z.array(text(80, 1))),
  /** Who is alerted when this rep's leads escalate. */
  manager: opt(Id),
  /** The rep's owner id in each CRM. */
  crm: opt(z.strictObject({ hubspot: opt(text(40)), salesforce: opt(text(40)) })),
  /** An inactive rep (left, on leave) keeps their history but gets no leads. */
  active: opt(z.boolean()),
});

const PoolMember = z.union([Id, z.strictObject({ rep: Id, weight: z.number().check(z.positive(), z.maximum(100)) })]);

const Pool = z.strictObject({
  name: opt(text(80)),
  strategy: z.enum(['round_robin', 'weighted', 'least_loaded']),
  members: some(PoolMember),
});

const Queue = z.strictObject({
  name: text(80, 1),
  /** Reps alerted when a lead lands in the queue. */
  watchers: z._default(z.array(Id), []),
  description: opt(text(200)),
});

/** Where a lead goes: one rep, a pool, a queue, the owner of its account, or of the known contact. */
const Target = z.union([
  z.strictObject({ rep: Id }),
  z.strictObject({ pool: Id }),
  z.strictObject({ queue: Id }),
  z.strictObject({ accountOwner: z.literal(true) }),
  z.strictObject({ contactOwner: z.literal(true) }),
]);

/**
 * What a rep must have to take a route's leads; reps who lack it are passed over, and when
 * nobody qualifies the route's `ifUnavailable` (or the next route) takes the lead.
 */
const Requirement = z.strictObject({
  /** `lead`: a speaker of the lead's language (none needed when the lead's is unknown); or a fixed code. */
  language: opt(z.union([z.literal('lead'), Language])),
  /** `lead`: the skill `product:<the lead's product>` (none needed when the lead names none). */
  product: opt(z.literal('lead')),
  /** Skills every rep taking the lead must have. */
  skills: opt(some(text(80, 1))),
});

/** How SLA time is counted: on the wall clock, or only in the owner's working hours. */
const SlaClock = z.enum(['wall', 'working_hours']);

const Route = z.strictObject({
  id: Id,
  description: opt(text(200)),
  /** Conditions; omitted means every lead that reaches this route. */
  when: opt(When),
  to: Target,
  /** What the rep taking the lead must have (a language, skills). */
  requires: opt(Requirement),
  /** When nobody in the target is available: `next` (the default) tries the next route. */
  ifUnavailable: opt(z.union([z.literal('next'), Target])),
  /** Time to acknowledge; overrides the form type's. */
  sla: opt(Duration),
  escalation: opt(Id),
  /** `working_hours`: the SLA and escalation clock runs only in the owner's working hours. */
  slaClock: opt(SlaClock),
});

const EscalationStep = z.union([
  /** Give the lead to the next available rep of `pool` (default: the pool it came from). */
  z.strictObject({
    after: Duration,
    action: z.literal('reassign'),
    pool: opt(Id),
    /** Tell the lead who looks after their request now (by the form type's confirmation channels). */
    tellLead: opt(z.boolean()),
  }),
  /** Alert the owner's manager, or `notify`. */
  z.strictObject({ after: Duration, action: z.literal('alert_manager'), notify: opt(Id) }),
  /** Take the lead from its rep and put it in a queue. */
  z.strictObject({ after: Duration, action: z.literal('move_to_queue'), queue: Id }),
]);

const FieldName = z.enum(LEAD_FIELD_NAMES as [LeadFieldName, ...LeadFieldName[]]);

const FormType = z.strictObject({
  label: text(80, 1),
  /** The fields the form shows, in order. */
  fields: some(FieldName),
  /** Fields that must be filled: the browser and the Worker both refuse the lead without them. */
  required: z.array(FieldName),
  /** Fields routing wants: a lead without them is accepted but marked incomplete. */
  wanted: opt(z.array(FieldName)),
  /** The country of leads that do not give one: a local service form serves one country. */
  defaultCountry: opt(z.string().check(z.regex(/^[A-Z]{2}$/, 'an ISO 3166 alpha-2 code like US'))),
  /** Refuse free-mail addresses (gmail.com…) for this form. */
  workEmail: opt(z.boolean()),
  intent: z.enum(['low', 'medium', 'high']),
  /** Floor for the lead's urgency (an emergency form is urgent whatever the message says). */
  urgency: opt(z.enum(['normal', 'high', 'urgent'])),
  /** Default time to acknowledge for this form's leads. */
  sla: Duration,
  escalation: opt(Id),
  slaClock: opt(SlaClock),
  /** The version of the consent wording this form shows (e.g. "privacy-2026-11"): recorded with each lead that ticks it. */
  consentVersion: opt(text(60, 1)),
  /** How the lead is confirmed at once: email, SMS, both, or neither. */
  confirm: opt(z.array(z.enum(['email', 'sms']))),
  /** Choices for select fields. */
  options: opt(z.strictObject({ product: opt(some(text(80, 1))) })),
});

/** The routing config schema (zod). */
export const RoutingConfigSchema = z.strictObject({
  $schema: opt(z.string()),
  name: opt(text(120)),
  /** How the company signs what leads receive. */
  brand: opt(
    z.strictObject({
      name: text(80, 1),
      /** Where a lead's reply to a confirmation goes. */
      replyTo: opt(Email),
    }),
  ),
  /** Defaults for reps that do not set their own. */
  defaults: opt(
    z.strictObject({
      timeZone: opt(TimeZone),
      hours: opt(WorkingHours),
      sla: opt(Duration),
      escalation: opt(Id),
      slaClock: opt(SlaClock),
    }),
  ),
  formTypes: z.record(Id, FormType),
  reps: z.record(Id, Rep),
  pools: z._default(z.record(Id, Pool), {}),
  queues: z.record(Id, Queue),
  /** Company domain → the rep who owns the account. */
  accounts: z._default(z.record(z.string().check(z.regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'a domain like acme.com')), NamedAccount), {}),
  /** The accounts index: matching confidence and the CRM syncs that fill it. */
  accountIndex: opt(AccountIndex),
  /** Leads from the CRMs' webhooks and signed JSON posts: the form type each is taken as, and whether it is confirmed. */
  sources: opt(z.strictObject({ hubspot: opt(Source), salesforce: opt(Source), webhook: opt(Source) })),
  /** Firmographics filled before routing, within a time box. */
  enrichment: opt(Enrichment),
  /** Points per condition: `fit` and `engagement` add up to the lead's `score`. */
  scoring: opt(z.strictObject({ fit: opt(ScorePart), engagement: opt(ScorePart) })),
  /** Named areas (territory id → conditions), usable as `"territory": "id"` in routes. First match wins. */
  territories: z._default(z.record(Id, When), {}),
  /** First match wins. */
  routes: z.array(Route),
  escalations: z._default(z.record(Id, some(EscalationStep)), {}),
  qualification: z.strictObject({
    /** Junk never reaches a rep: it goes to this queue, unconfirmed. */
    junkQueue: Id,
    /** A form filled faster than this is a bot. */
    minFillTime: opt(Duration),
    /** More links than this in the message is link spam. */
    maxLinks: opt(Count),
    disposableIsJunk: opt(z.boolean()),
  }),
  dedupe: z._default(
    z.strictObject({
      /** A second submission within this window joins the first lead. */
      window: Duration,
      keys: some(z.enum(['email', 'phone'])),
      /**
       * When a returning person's new request is routed again: `higher_intent` (default: a
       * request of higher intent or urgency than the lead's), `always`, or `never`.
       */
      reroute: opt(z.enum(['higher_intent', 'always', 'never'])),
    }),
    { window: '30d', keys: ['email', 'phone'] },
  ),
  /**
   * How long a lead is kept after its last activity (a submission, an acknowledgement, an
   * outcome): then its object deletes it and only anonymous facts stay in the audit. Default 365d.
   */
  retention: opt(Duration),
  /** Open leads: how long a lead counts toward its owner's load without a close or an outcome. */
  load: opt(
    z.strictObject({
      /** After this long with its owner, an open lead stops counting toward capacity (default 7d). */
      releaseAfter: opt(Duration),
    }),
  ),
  /** When the rules were last reviewed (seeds/004: quarterly), by whom, and what was found. */
  reviewed: opt(z.strictObject({ at: DateOrInstant, by: opt(text(80)), note: opt(text(500)) })),
  /** Alerts when routing breaks (worker/alerts): who is told, how often, and the thresholds. */
  alerts: opt(
    z.strictObject({
      /** Reps emailed (default: the fallback queue's watchers); the Slack webhook gets every alert. */
      notify: opt(z.array(Id)),
      /** The least time between two alerts of the same kind (default 4h). */
      quiet: opt(Duration),
      /** Fallback or junk share this many times its 14-day norm (default 3). */
      shareFactor: opt(z.number().check(z.gt(1))),
      /** Leads in the last two days before shares are judged (default 5). */
      minLeads: opt(z.int().check(z.minimum(1))),
      /** Leads unclaimed past their SLA in one queue (default 3). */
      unclaimedInQueue: opt(z.int().check(z.minimum(1))),
      /** Minutes a rep notice may stay undelivered (default 10). */
      notifyMinutes: opt(z.int().check(z.minimum(1))),
      /** Days without a lead before a rule is reported unused (default 30). */
      unusedRouteDays: opt(z.int().check(z.minimum(7))),
      /** Submissions refused by origin on one site within a day (default 3). */
      refusedSubmissions: opt(z.int().check(z.minimum(1))),
    }),
  ),
  /** Where a lead goes when no route takes it. Mandatory: a lead is never left without an owner. */
  fallback: z.strictObject({ queue: Id, sla: opt(Duration), escalation: opt(Id) }),
});

/** A routing config as written (input, before defaults). */
export type RoutingConfigInput = z.input<typeof RoutingConfigSchema>;
/** A routing config after parsing (defaults applied). */
export type RoutingConfig = z.output<typeof RoutingConfigSchema>;
export type Rep = RoutingConfig['reps'][string];
export type Pool = RoutingConfig['pools'][string];
export type Queue = RoutingConfig['queues'][string];
export type Route = RoutingConfig['routes'][number];
export type RouteTarget = Route['to'];
export type FormTypeSpec = RoutingConfig['formTypes'][string];
export type EscalationStepSpec = RoutingConfig['escalations'][string][number];
export type WhenSpec = NonNullable<Route['when']>;
export type FieldTestSpec = z.output<typeof FieldTest>;
export type WorkingHoursSpec = z.output<typeof WorkingHours>;
export type RequirementSpec = z.output<typeof Requirement>;
