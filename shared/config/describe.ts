/**
 * The routing config on one page, in plain words (seeds/000: "if ownership logic cannot be
 * explained clearly in one page, it is probably already too messy"). Every rule in priority
 * order with people's names — "Enterprise (500+ employees, in US/CA) → Enterprise AEs pool,
 * round-robin between Ana and Ben, answer within 15 minutes; if neither is available → the next
 * rule" —, then each pool's members with their hours and out-of-office, each queue, each
 * escalation chain, the fallback and junk.
 *
 * Generated from the config itself (live or draft), so the page can never drift from what
 * routes the leads. The dashboard renders the structure; {@link describeMarkdown} prints it.
 */
import { ConfigWords } from './config-words.ts';
import { whenWords } from './condition-words.ts';
import type { RoutingConfig } from './schema.ts';
import { dateWords, durationWords, listWords } from './words.ts';

/** One rule in words. */
export interface RuleDescription {
  id: string;
  /** 1 for the first rule tried. */
  position: number;
  title: string;
  /** Which leads it takes: "500+ employees, in US/CA". */
  when: string;
  /** Where they go: "Enterprise AEs pool, round-robin between Priya and Marco". */
  target: string;
  /** "answer within 15 minutes". */
  sla: string;
  /** "if neither is available → the next rule"; absent for queues (always available). */
  unavailable?: string;
  /** The escalation chain's name, when leads of this rule have one. */
  escalation?: string;
  /** The rule's own description from the config. */
  note?: string;
  /** All of it as one sentence. */
  sentence: string;
}

/** A person, a pool, a queue or an escalation chain, with the lines that describe it. */
export interface EntryDescription {
  id: string;
  name: string;
  lines: string[];
  /** A closing remark ("Used by rule Enterprise."). */
  note?: string;
}

/** A pool: how it shares leads, and each member with their availability. */
export interface PoolDescription extends EntryDescription {
  how: string;
  members: EntryDescription[];
}

/** The whole config in words. */
export interface ConfigDescription {
  name: string;
  /** "Last reviewed 3 Dec 2026 by Grace Liu.", or that it never was. */
  reviewed: string;
  rules: RuleDescription[];
  fallback: string;
  junk: string;
  pools: PoolDescription[];
  queues: EntryDescription[];
  escalations: EntryDescription[];
  people: EntryDescription[];
  accounts: string[];
  territories: string[];
  forms: string[];
}

/** Options of {@link describeConfig}. */
export interface DescribeOptions {
  /** Leaves out absences that ended before this instant and marks the current ones. */
  now?: number;
}

/**
 * The config in plain words.
 * @example describeConfig(config).rules[0]!.sentence
 * // 'Named accounts (a named account's leads) → the account's owner (or their out-of-office backup), …'
 */
export function describeConfig(config: RoutingConfig, options: DescribeOptions = {}): ConfigDescription {
  const words = new ConfigWords(config, options);
  return {
    name: config.name ?? 'Routing',
    reviewed: config.reviewed ? `Last reviewed ${dateWords(config.reviewed.at)}${config.reviewed.by ? ` by ${config.reviewed.by}` : ''}.` : 'Never reviewed.',
    rules: config.routes.map((r, i) => words.rule(r, i)),
    fallback: words.fallback(),
    junk: `Junk (bots, disposable addresses, gibberish, link spam) → the ${words.queue(config.qualification.junkQueue)} queue, for review: never confirmed to the sender, never escalated.`,
    pools: Object.keys(config.pools).map((id) => words.pool(id)),
    queues: Object.keys(config.queues).map((id) => words.queueEntry(id)),
    escalations: Object.keys(config.escalations).map((id) => words.escalation(id)),
    people: Object.keys(config.reps).map((id) => words.person(id)),
    accounts: Object.entries(config.accounts).map(([domain, a]) => {
      const owner = typeof a === 'string' ? a : a.owner;
      const name = typeof a === 'string' ? undefined : a.name;
      return `${domain}${name ? ` (${name})` : ''} → ${words.fullName(owner)}`;
    }),
    territories: Object.entries(config.territories).map(([id, when]) => `${id}: ${whenWords(when, words)}`),
    forms: Object.entries(config.formTypes).map(([_id, f]) => {
      const confirm = f.confirm && f.confirm.length > 0 ? `confirmed by ${listWords(f.confirm.map((c) => (c === 'sms' ? 'SMS' : c)))}` : 'not confirmed';
      const escalation = f.escalation ? `, ${words.chainName(f.escalation)} escalation` : '';
      return `${f.label}: answer within ${durationWords(f.sla)}${escalation}; ${confirm}${f.workEmail ? '; work email only' : ''}`;
    }),
  };
}
