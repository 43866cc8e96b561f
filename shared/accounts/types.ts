/**
 * Accounts as the index holds them and as a lead carries its match into routing.
 */

/** Where an account came from. */
export type AccountSource = 'hubspot' | 'salesforce' | 'csv' | 'config';

/** An account in the index (D1), or one of the config's `accounts`. */
export interface IndexedAccount {
  /** Unique across sources: `hubspot:123`, `salesforce:001…`, `csv:acme.com`, `config:acme.com`. */
  id: string;
  source: AccountSource;
  name: string;
  /** Lower-case hosts, no `www.`. */
  domains: string[];
  /**
   * Who owns it: a rep id (CSV, config), or the CRM's owner id as `hubspot:<id>` /
   * `salesforce:<id>`, mapped to a rep through the config's `reps.<id>.crm` when a lead matches.
   */
  owner?: string;
  tier?: string;
  /** The parent account's id. */
  parent?: string;
  /** True when the CRM says the company is a customer. */
  customer?: boolean;
  /** `YYYY-MM-DD`, when the CRM knows since when. */
  customerSince?: string;
}

/** How a lead was tied to an account. */
export type MatchedBy = 'contact' | 'domain' | 'name';

/**
 * The account a lead belongs to, found by the Worker before routing
 * (`worker/accounts/lookup.ts`) and carried on the lead as `lead.account`, so the engine stays
 * pure. A match below the config's `accountMatching.minConfidence` is carried too: routing
 * ignores it, the rep is shown it.
 */
export interface LeadAccount {
  id: string;
  name: string;
  source: AccountSource;
  /** The owning rep's id, when the owner is one of the config's reps. */
  owner?: string;
  /** The owner as the index holds it, when it is no rep of the config (shown, never routed to). */
  ownerRef?: string;
  tier?: string;
  parent?: string;
  customer?: boolean;
  customerSince?: string;
  matchedBy: MatchedBy;
  /** 1 for a contact or domain match; the name similarity for a name match. */
  confidence: number;
  /** What matched: the domain, or the lead's company name as typed. */
  matchedOn: string;
  /** Another account the name resembles as closely (a name match is then not trusted). */
  alsoLike?: string;
}
