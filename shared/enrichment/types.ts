/**
 * Enrichment: what a provider says about a lead's company (firmographics and intent), and how
 * the lead carries what was filled in, so the trace can mark it and the person's own values win.
 */

/** What a provider knows of a company, read into our units (see `contract.ts`). */
export interface Firmographics {
  /** The company's name. */
  company?: string;
  /** The company's main domain (what a lookup by email found). */
  domain?: string;
  /** Head count, or the lower bound of a range. */
  employees?: number;
  /** The upper bound of a head-count range. */
  employeesMax?: number;
  /** Free text, as the provider names it ("Computer Software"). */
  industry?: string;
  /** ISO 3166-1 alpha-2. */
  country?: string;
  /** The likely account tier (`accountTier` in routes when no matched account gives one). */
  tier?: string;
  /** Intent topics, lower case, strongest first. */
  intentTopics?: string[];
  /** The strongest intent signal, 0-100. */
  intentStrength?: number;
}

/** A lead field enrichment may fill. */
export type EnrichedField = keyof Firmographics;

/** Every field enrichment may fill, in the order the trace names them. */
export const ENRICHED_FIELDS: readonly EnrichedField[] = [
  'company',
  'domain',
  'employees',
  'employeesMax',
  'industry',
  'country',
  'tier',
  'intentTopics',
  'intentStrength',
];

/**
 * How enrichment went for a lead, carried on it (`lead.enriched`) and marked in the trace:
 * `filled` names the fields it set (the routing reads them like any other), `kept` those the
 * person gave and enrichment did not overwrite, `replaced` the person's values the config let
 * it overwrite.
 */
export interface EnrichmentMark {
  /** The provider, as people call it ("Apollo", "the enrichment service"). */
  by: string;
  /** When the answer came (epoch ms). */
  at: number;
  /**
   * `filled`: the provider answered (`filled` may be empty: it knew nothing new);
   * `unknown`: it knows nothing of the company; `timed_out`: no answer within the time box,
   * routed on what the lead gave (the answer is added to the lead when it comes); `failed`:
   * it refused or broke (`detail` says how); routed on what the lead gave.
   */
  status: 'filled' | 'unknown' | 'timed_out' | 'failed';
  filled?: EnrichedField[];
  kept?: EnrichedField[];
  /** The person's values that enrichment replaced (the config's `enrichment.overwrite`). */
  replaced?: Partial<Record<EnrichedField, string | number>>;
  /** Set when the answer came after routing: the fields are on the lead, not in its decision. */
  late?: true;
  /** Served from the per-domain cache. */
  cached?: true;
  /** The time box, for `timed_out`; the provider's answer, for `failed`. */
  detail?: string;
}
