/**
 * The routing config: one page of JSON a RevOps person can read, validated here.
 *
 * The shape is checked by zod; cross-references (a pool naming a rep that does not exist, a
 * route shadowed by an earlier one) are checked by `checkConfig` in `check.ts`, which names the
 * offending route. `routing-config.schema.json` beside this file is generated from this schema
 * for editor completion (`npm run schema`).
 */
import { z } from 'zod';
import { LEAD_FIELD_NAMES, type LeadFieldName } from '../lead/fields.ts';
import { parseDuration } from '../time/duration.ts';

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
/** A short identifier for a rep, pool, queue, route, territory or form type. */
const Id = z.string().regex(ID, 'use letters, digits, dot, dash or underscore (at most 64)');

/** `15m`, `1h`, `1h30m`, `2d`. */
const Duration = z
  .string()
  .refine((s) => parseDuration(s) !== undefined, 'a duration like 90s, 15m, 1h, 1h30m or 2d')
  .meta({ description: 'A duration: 90s, 15m, 1h, 1h30m, 2d', examples: ['5m', '1h'] });

const TIME_RANGE = /^([01]\d|2[0-4]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/;
/** `09:00-17:30`, in the rep's own time zone; `22:00-06:00` runs past midnight. */
const TimeRange = z.string().regex(TIME_RANGE, 'a time range like 09:00-17:30');

const DAY_KEY = /^(mon|tue|wed|thu|fri|sat|sun)(-(mon|tue|wed|thu|fri|sat|sun))?(,(mon|tue|wed|thu|fri|sat|sun)(-(mon|tue|wed|thu|fri|sat|sun))?)*$/;
/** Working hours: day or day range → time range(s) or `off`. `{ "mon-fri": "09:00-17:00" }` */
const WorkingHours = z
  .record(
    z.string().regex(DAY_KEY, 'days like mon, mon-fri or sat,sun'),
    z.union([TimeRange, z.array(TimeRange), z.literal('off')]),
  )
  .meta({ description: 'Working hours in the rep\'s time zone', examples: [{ 'mon-fri': '09:00-17:30' }] });

/** A date (`2026-12-24`, a whole day in the rep's zone) or an instant with offset. */
const DateOrInstant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/, 'a date like 2026-12-24 or an instant like 2026-12-24T13:00:00Z');

const TimeZone = z
  .string()
  .refine(isTimeZone, 'an IANA time zone such as America/New_York or Europe/Madrid');

/** True when the runtime knows `tz` as an IANA time zone. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const OutOfOffice = z.strictObject({
  from: DateOrInstant,
  /** Inclusive when a date; exclusive when an instant. */
  to: DateOrInstant,
  /** Who takes the rep's direct and named-account leads meanwhile. */
  backup: Id.optional(),
  note: z.string().max(200).optional(),
});

const Rep = z.strictObject({
  name: z.string().min(1).max(80),
  email: z.email().optional(),
  phone: z.string().regex(/^\+[1-9]\d{6,14}$/, 'E.164, like +14155550123').optional(),
  /** Slack member id, mentioned in the notification. */
  slack: z.string().max(40).optional(),
  timeZone: TimeZone.optional(),
  hours: WorkingHours.optional(),
  outOfOffice: z.array(OutOfOffice).optional(),
  /** Most open (unacknowledged or unclosed) leads at once; none means no cap. */
  capacity: z.int().min(0).optional(),
  /** Share in weighted pools, relative to the other members. */
  weight: z.number().positive().max(100).optional(),
  languages: z.array(z.string().regex(/^[a-z]{2}$/, 'ISO 639-1, like en or es')).optional(),
  /** Who is alerted when this rep's leads escalate. */
  manager: Id.optional(),
  /** The rep's owner id in each CRM. */
  crm: z
    .strictObject({ hubspot: z.string().max(40).optional(), salesforce: z.string().max(40).optional() })
    .optional(),
  /** An inactive rep (left, on leave) keeps their history but gets no leads. */
  active: z.boolean().optional(),
});

const PoolMember = z.union([Id, z.strictObject({ rep: Id, weight: z.number().positive().max(100) })]);

const Pool = z.strictObject({
  name: z.string().max(80).optional(),
  strategy: z.enum(['round_robin', 'weighted', 'least_loaded']),
  members: z.array(PoolMember).min(1),
});

const Queue = z.strictObject({
  name: z.string().min(1).max(80),
  /** Reps alerted when a lead lands in the queue. */
  watchers: z.array(Id).default([]),
  description: z.string().max(200).optional(),
});

const Scalar = z.union([z.string(), z.number(), z.boolean()]);
const ScalarList = z.array(z.union([z.string(), z.number()])).min(1);
const StringOrList = z.union([z.string(), z.array(z.string()).min(1)]);

/** Tests on one field; several in one object must all hold. */
const FieldTest = z.union([
  Scalar,
  ScalarList,
  z
    .strictObject({
      eq: Scalar.optional(),
      ne: Scalar.optional(),
      in: ScalarList.optional(),
      notIn: ScalarList.optional(),
      gt: z.number().optional(),
      gte: z.number().optional(),
      lt: z.number().optional(),
      lte: z.number().optional(),
      prefix: StringOrList.optional(),
      contains: StringOrList.optional(),
      exists: z.boolean().optional(),
    })
    .refine((t) => Object.keys(t).length > 0, 'at least one test: eq, ne, in, notIn, gt, gte, lt, lte, prefix, contains, exists'),
]);

/** Field → test. All must hold; a list of such objects holds when any one does. */
const Condition = z.record(z.string(), FieldTest);
const When = z.union([Condition, z.array(Condition).min(1)]);

/** Where a lead goes: one rep, a pool, a queue, or the owner of its named account. */
const Target = z.union([
  z.strictObject({ rep: Id }),
  z.strictObject({ pool: Id }),
  z.strictObject({ queue: Id }),
  z.strictObject({ accountOwner: z.literal(true) }),
]);

const Route = z.strictObject({
  id: Id,
  description: z.string().max(200).optional(),
  /** Conditions; omitted means every lead that reaches this route. */
  when: When.optional(),
  to: Target,
  /** When nobody in the target is available: `next` (the default) tries the next route. */
  ifUnavailable: z.union([z.literal('next'), Target]).optional(),
  /** Time to acknowledge; overrides the form type's. */
  sla: Duration.optional(),
  escalation: Id.optional(),
});

const EscalationStep = z.discriminatedUnion('action', [
  /** Give the lead to the next available rep of `pool` (default: the pool it came from). */
  z.strictObject({ after: Duration, action: z.literal('reassign'), pool: Id.optional() }),
  /** Alert the owner's manager, or `notify`. */
  z.strictObject({ after: Duration, action: z.literal('alert_manager'), notify: Id.optional() }),
  /** Take the lead from its rep and put it in a queue. */
  z.strictObject({ after: Duration, action: z.literal('move_to_queue'), queue: Id }),
]);

const FieldName = z.enum(LEAD_FIELD_NAMES as [LeadFieldName, ...LeadFieldName[]]);

const FormType = z.strictObject({
  label: z.string().min(1).max(80),
  /** The fields the form shows, in order. */
  fields: z.array(FieldName).min(1),
  /** Fields that must be filled: the browser and the Worker both refuse the lead without them. */
  required: z.array(FieldName),
  /** Fields routing wants: a lead without them is accepted but marked incomplete. */
  wanted: z.array(FieldName).optional(),
  /** The country of leads that do not give one: a local service form serves one country. */
  defaultCountry: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 alpha-2 code like US').optional(),
  /** Refuse free-mail addresses (gmail.com…) for this form. */
  workEmail: z.boolean().optional(),
  intent: z.enum(['low', 'medium', 'high']),
  /** Floor for the lead's urgency (an emergency form is urgent whatever the message says). */
  urgency: z.enum(['normal', 'high', 'urgent']).optional(),
  /** Default time to acknowledge for this form's leads. */
  sla: Duration,
  escalation: Id.optional(),
  /** How the lead is confirmed at once: email, SMS, both, or neither. */
  confirm: z.array(z.enum(['email', 'sms'])).optional(),
  /** Choices for select fields. */
  options: z.strictObject({ product: z.array(z.string().min(1).max(80)).min(1).optional() }).optional(),
});

const NamedAccount = z.union([Id, z.strictObject({ owner: Id, name: z.string().max(120).optional() })]);

/** The routing config schema (zod). */
export const RoutingConfigSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().max(120).optional(),
    /** How the company signs what leads receive. */
    brand: z
      .strictObject({
        name: z.string().min(1).max(80),
        /** Where a lead's reply to a confirmation goes. */
        replyTo: z.email().optional(),
      })
      .optional(),
    /** Defaults for reps that do not set their own. */
    defaults: z
      .strictObject({
        timeZone: TimeZone.optional(),
        hours: WorkingHours.optional(),
        sla: Duration.optional(),
        escalation: Id.optional(),
      })
      .optional(),
    formTypes: z.record(Id, FormType),
    reps: z.record(Id, Rep),
    pools: z.record(Id, Pool).default({}),
    queues: z.record(Id, Queue),
    /** Company domain → the rep who owns the account. */
    accounts: z.record(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'a domain like acme.com'), NamedAccount).default({}),
    /** Named areas (territory id → conditions), usable as `"territory": "id"` in routes. First match wins. */
    territories: z.record(Id, When).default({}),
    /** First match wins. */
    routes: z.array(Route),
    escalations: z.record(Id, z.array(EscalationStep).min(1)).default({}),
    qualification: z
      .strictObject({
        /** Junk never reaches a rep: it goes to this queue, unconfirmed. */
        junkQueue: Id,
        /** A form filled faster than this is a bot. */
        minFillTime: Duration.optional(),
        /** More links than this in the message is link spam. */
        maxLinks: z.int().min(0).optional(),
        disposableIsJunk: z.boolean().optional(),
      }),
    dedupe: z
      .strictObject({
        /** A second submission within this window joins the first lead. */
        window: Duration,
        keys: z.array(z.enum(['email', 'phone'])).min(1),
      })
      .default({ window: '30d', keys: ['email', 'phone'] }),
    /** Where a lead goes when no route takes it. Mandatory: a lead is never left without an owner. */
    fallback: z.strictObject({ queue: Id, sla: Duration.optional(), escalation: Id.optional() }),
  })
  .meta({ title: 'Lead router routing config' });

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
