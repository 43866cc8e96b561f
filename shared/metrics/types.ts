/**
 * The metrics vocabulary: what a lead contributes to the routing audit (`LeadFacts`), the
 * dimensions figures are cut by, the counters and latency stages kept per day, and the figures
 * the dashboard reads.
 */

/** The later stage of a lead, posted back by the CRM or a person. */
export type Stage = 'accepted' | 'qualified' | 'won' | 'lost';

/** Every stage, in funnel order. */
export const STAGES: readonly Stage[] = ['accepted', 'qualified', 'won', 'lost'];

/**
 * One lead as the metrics store sees it: a snapshot derived from its record and timeline.
 * A newer snapshot of the same lead (higher `rev`) replaces the older one's contributions.
 */
export interface LeadFacts {
  id: string;
  /** Increases with every change of the lead; an older or equal snapshot is ignored. */
  rev: number;
  receivedAt: number;
  formType: string;
  source: string;
  /** `ok`, `incomplete` or `junk`, from qualification. */
  status: string;
  /** The route that decided (a route id, `$junk`, `$fallback`). */
  route: string;
  /** The pool the first owner came from, when one was. */
  pool?: string;
  /** The first owner, as `rep:<id>` or `queue:<id>`. */
  firstOwner: string;
  /** The owner now, same form. */
  owner: string;
  configVersion: number;
  /** When the first owner's SLA runs out. */
  dueAt: number;
  confirmedAt?: number;
  notifiedAt?: number;
  /** The first response: the acknowledgement, or the close if that came first. */
  respondedAt?: number;
  reassignments: number;
  /** Whether any escalation step ran (reassignment, manager alert, move to a queue). */
  escalated: boolean;
  duplicates: number;
  deadLetters: number;
  /** The owner a rep or an admin said the lead should have had. */
  misroutedTo?: string;
  stage?: Stage;
  /** For search: normalised email and E.164 phone, company and person's name. */
  email?: string;
  phone?: string;
  company?: string;
  name?: string;
}

/** The ways figures are cut. `all` has the single key `*`; the others are defined in definitions.ts. */
export type Dimension = 'all' | 'route' | 'rep' | 'form' | 'source' | 'pool_rep';

/** Every dimension. */
export const DIMENSIONS: readonly Dimension[] = ['all', 'route', 'rep', 'form', 'source', 'pool_rep'];

/**
 * Counts kept in the rollups: each the number of leads a predicate holds for, judged from the
 * lead's facts alone (definitions.ts; the README's table of audit figures says them in words).
 */
export type Counter =
  | 'leads'
  | 'junk'
  | 'routed'
  | 'confirmed'
  | 'notified'
  | 'responded'
  | 'unanswered'
  | 'in_sla'
  | 'late'
  | 'reassigned'
  | 'escalated'
  | 'duplicates'
  | 'dead_letters'
  | 'misrouted'
  | 'accepted'
  | 'qualified'
  | 'won'
  | 'lost';

/** Every counter, in the order the dashboard lists them. */
export const COUNTERS: readonly Counter[] = [
  'leads',
  'junk',
  'routed',
  'confirmed',
  'notified',
  'responded',
  'unanswered',
  'in_sla',
  'late',
  'reassigned',
  'escalated',
  'duplicates',
  'dead_letters',
  'misrouted',
  'accepted',
  'qualified',
  'won',
  'lost',
];

/** Counts that depend on the instant they are judged at: unanswered leads before or past their SLA. */
export type LiveCount = 'open' | 'overdue' | 'missed';

/** Every live count. */
export const LIVE_COUNTS: readonly LiveCount[] = ['open', 'overdue', 'missed'];

/** Any count a figure shows, and a drill-down lists. */
export type Count = Counter | LiveCount;

/** Every count. */
export const COUNTS: readonly Count[] = [...COUNTERS, ...LIVE_COUNTS];

/** Speed-to-lead stages, each measured from intake. */
export type LatencyStage = 'confirm' | 'notify' | 'respond';

/** Every latency stage. */
export const LATENCY_STAGES: readonly LatencyStage[] = ['confirm', 'notify', 'respond'];

/** A day in UTC, `YYYY-MM-DD`. */
export type Day = string;

/**
 * What the store sums for one key of a dimension over some days: the counters (in COUNTERS
 * order: arrays travel between objects far cheaper than records), how many of its unanswered
 * leads are still within their SLA at the instant asked (`open`), and for the whole traffic the
 * latency histograms.
 */
export interface Tally {
  counts: number[];
  open: number;
  /** Per stage: histogram bucket → count. */
  latency: Partial<Record<LatencyStage, Record<number, number>>>;
}

/** Quantiles of one latency stage. */
export interface Quantiles {
  count: number;
  p50: number | null;
  p90: number | null;
}

/** The rates of the audit, each a ratio of counts shown beside it (definitions.ts, RATES). */
export type Rate = 'slaCompliance' | 'firstPassAccuracy' | 'reassignmentRate' | 'escalationRate' | 'acceptanceRate' | 'conversionRate';

/** The figures of one key (a day, a route, a rep…), derived from its tally. */
export type Figures = {
  /** Every count, stored and live: `overdue` = unanswered leads past their SLA at the instant asked. */
  counters: Record<Count, number>;
  speed: Record<LatencyStage, Quantiles>;
} & Record<Rate, number | null>;

/** Figures of one key of a dimension. */
export interface KeyFigures {
  key: string;
  figures: Figures;
}

/** The figures over some days, as the metrics store answers them. */
export interface MetricsReport {
  from: Day;
  to: Day;
  /** The instant live counts were judged at (epoch ms): pass it to the drill-down to list the same leads. */
  asOf: number;
  total: Figures;
  days: { day: Day; figures: Figures }[];
  by: Record<Exclude<Dimension, 'all'>, KeyFigures[]>;
}
