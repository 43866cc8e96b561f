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

/** The ways figures are cut. `all` has the single key `*`. */
export type Dimension = 'all' | 'route' | 'rep' | 'form' | 'source' | 'pool_rep';

/** Every dimension. */
export const DIMENSIONS: readonly Dimension[] = ['all', 'route', 'rep', 'form', 'source', 'pool_rep'];

/** Per-day counters. Rates are derived from these (see figures.ts). */
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

/** Speed-to-lead stages, each measured from intake. */
export type LatencyStage = 'confirm' | 'notify' | 'respond';

/** Every latency stage. */
export const LATENCY_STAGES: readonly LatencyStage[] = ['confirm', 'notify', 'respond'];

/** A day in UTC, `YYYY-MM-DD`. */
export type Day = string;

/** The counters and latency histograms of one key of a dimension over some days. */
export interface Tally {
  counters: Partial<Record<Counter, number>>;
  /** Per stage: histogram bucket → count. */
  latency: Partial<Record<LatencyStage, Record<number, number>>>;
}

/** Quantiles of one latency stage. */
export interface Quantiles {
  count: number;
  p50: number | null;
  p90: number | null;
}

/** The figures of one key (a day, a route, a rep…), derived from its tally. */
export interface Figures {
  counters: Record<Counter, number>;
  /** Leads past their SLA with no response yet (live, not a counter). */
  overdue: number;
  speed: Record<LatencyStage, Quantiles>;
  /** Share of responses due so far that came within the SLA. */
  slaCompliance: number | null;
  /** Share of routed leads nobody reported as misrouted. */
  firstPassAccuracy: number | null;
  reassignmentRate: number | null;
  escalationRate: number | null;
  /** Share of routed leads the CRM accepted. */
  acceptanceRate: number | null;
  /** Share of routed leads won. */
  conversionRate: number | null;
}

/** Figures of one key of a dimension. */
export interface KeyFigures {
  key: string;
  figures: Figures;
}

/** The figures over some days, as the metrics store answers them. */
export interface MetricsReport {
  from: Day;
  to: Day;
  total: Figures;
  days: { day: Day; figures: Figures }[];
  by: Record<Exclude<Dimension, 'all'>, KeyFigures[]>;
}
