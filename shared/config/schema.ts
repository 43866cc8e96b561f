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
import { parseDuration } from '../time/duration.ts';
import { issueMessage } from './issue-message.ts';

z.config({ localeError: issueMessage });

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
/** A short identifier for a rep, pool, queue, route, territory or form type. */
const Id = z.string().check(z.regex(ID, 'use letters, digits, dot, dash or underscore (at most 64)'));

/** `15m`, `1h`, `1h30m`, `2d`. */
export const Duration = z.string().check(z.refine((s) => parseDuration(s) !== undefined, 'a duration like 90s, 15m, 1h, 1h30m or 2d'));

const TIME_RANGE = /^([01]\d|2[0-4]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/;
/** `09:00-17:30`, in the rep's own time zone; `22:00-06:00` runs past midnight. */
const TimeRange = z.string().check(z.regex(TIME_RANGE, 'a time range like 09:00-17:30'));

const DAY_KEY = /^(mon|tue|wed|thu|fri|sat|sun)(-(mon|tue|wed|thu|fri|sat|sun))?(,(mon|tue|wed|thu|fri|sat|sun)(-(mon|tue|wed|thu|fri|sat|sun))?)*$/;
/** Working hours: day or day range → time range(s) or `off`. `{ "mon-fri": "09:00-17:00" }` */
export const WorkingHours = z.record(
  z.string().check(z.regex(DAY_KEY, 'days like mon, mon-fri or sat,sun')),
  z.union([TimeRange, z.array(TimeRange), z.literal('off')]),
);

/** A date (`2026-12-24`, a whole day in the rep's zone) or an instant with offset. */
const DateOrInstant = z
  .string()
  .check(z.regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/, 'a date like 2026-12-24 or an instant like 2026-12-24T13:00:00Z'));

const TimeZone = z.string().check(z.refine(isTimeZone, 'an IANA time zone such as America/New_York or Europe/Madrid'));

/** True when the runtime knows `tz` as an IANA time zone. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const opt = z.optional;
/** A whole number of at least 0 (not `z.int()`, whose number-format module costs the Worker 0.4 KB gzip). */
export const Count = z.number().check(z.refine(Number.isInteger, 'a whole number'), z.minimum(0));
/** An email address (a plain pattern: zod's own costs the Worker its regex module). */
export const Email = z.string().check(z.regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'an email address like dana@acme.com'));
/** A string of `min` to `max` characters. */
const text = (max: number, min = 0) => (min > 0 ? z.string().check(z.minLength(min), z.maxLength(max)) : z.string().check(z.maxLength(max)));
/** A list of at least one. */
const some = <T extends z.core.SomeType>(item: T) => z.array(item).check(z.minLength(1));

/** An ISO 639 language code, as leads carry it (from the browser's locale). */
const Language = z.string().check(z.regex(/^[a-z]{2,3}$/, 'an ISO 639 language code, like en or es'));

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

const Scalar = z.union([z.string(), z.number(), z.boolean()]);
const ScalarList = some(z.union([z.string(), z.number()]));
const StringOrList = z.union([z.string(), some(z.string())]);

/** Tests on one field; several in one object must all hold. */
const FieldTest = z.union([
  Scalar,
  ScalarList,
  z
    .strictObject({
      eq: opt(Scalar),
      ne: opt(Scalar),
      in: opt(ScalarList),
      notIn: opt(ScalarList),
      gt: opt(z.number()),
      gte: opt(z.number()),
      lt: opt(z.number()),
      lte: opt(z.number()),
      prefix: opt(StringOrList),
      contains: opt(StringOrList),
      exists: opt(z.boolean()),
    })
    .check(z.refine((t) => Object.keys(t).length > 0, 'at least one test: eq, ne, in, notIn, gt, gte, lt, lte, prefix, contains, exists')),
]);

/** Field → test. All must hold; a list of such objects holds when any one does. */
const Condition = z.record(z.string(), FieldTest);
const When = z.union([Condition, some(Condition)]);

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

const NamedAccount = z.union([Id, z.strictObject({ owner: Id, name: opt(text(120)) })]);

// --- Accounts, scores and intent (issue 11) ---
/** Points for leads meeting a condition; a part of the score is capped at `max` and never below 0. */
const ScorePart = z.strictObject({ max: opt(z.number().check(z.positive())), rules: z.array(z.strictObject({ when: When, points: z.number().check(z.minimum(-1000), z.maximum(1000)), label: opt(text(80)) })) });
/** One CRM's account sync: which properties hold the tier and the customer-since date, and whether contacts come too. */
const CrmSync = z.strictObject({ contacts: opt(z.boolean()), tier: opt(text(100)), customerSince: opt(text(100)) });
const AccountIndex = z.strictObject({
  /** A name match below this is shown to the rep, never routed on (default 0.9). */
  minConfidence: opt(z.number().check(z.minimum(0.5), z.maximum(1))),
  hubspot: opt(CrmSync),
  salesforce: opt(CrmSync),
  /** A full sync (which also drops accounts deleted in the CRM) this often; incremental runs between (default 7d). */
  fullSyncEvery: opt(Duration),
});

// --- Leads from other sources and enrichment (issue 11, Deliver 5 and 6) ---
/** How one source's leads are taken: as which form type (its SLA, wanted fields, intent), confirmed or not. */
const Source = z.strictObject({ formType: opt(Id), confirm: opt(z.boolean()) });
/** What enrichment may fill; `intent` stands for the intent topics and their strength. */
export const ENRICHMENT_FIELDS = ['company', 'domain', 'employees', 'industry', 'country', 'tier', 'intent'] as const;
const Enrichment = z.strictObject({
  /** `http`: the generic contract (README "Enrichment"); `apollo`: Apollo's organization enrichment. */
  provider: z.enum(['http', 'apollo']),
  /** How long routing waits for the answer, in ms (default 300): past it the lead routes on what it has. */
  timeoutMs: opt(Count.check(z.minimum(20), z.maximum(5000))),
  /** Fields whose enriched value replaces what the person typed (`true`: all); by default the person's value wins. */
  overwrite: opt(z.union([z.boolean(), z.array(z.enum(ENRICHMENT_FIELDS))])),
  /** How long a company's answer is kept per domain (default 30d). */
  cacheFor: opt(Duration),
  /** Send the person's email to the provider (person-level lookup) when the lead has no company domain; off by default. */
  sendEmail: opt(z.boolean()),
});

/** The routing config schema (zod). */
export const RoutingConfigSchema = z
  .strictObject({
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
