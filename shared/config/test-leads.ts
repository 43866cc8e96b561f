/**
 * Test leads: a file of sample submissions, each with the owner it must get, run against a
 * config with no side effects (seeds/004: "run 10-15 test leads that represent every routing
 * scenario before going live"). Used by the rules CLI and the admin dry-run endpoint.
 */
import * as z from 'zod/mini';
import type { FieldIssue } from '../lead/types.ts';
import type { Qualification } from '../qualify/types.ts';
import { prepareLead } from '../lead/prepare.ts';
import { explain, summarize } from '../routing/explain.ts';
import { applyStateChange, copyState, route } from '../routing/route.ts';
import type { Decision, RoutableLead, RoutingState, TraceLine } from '../routing/types.ts';
import type { RoutingConfig } from './schema.ts';

/** An instant with its offset, `2026-11-17T18:30:00Z` (a regex, not zod's ISO module: the Worker counts bytes). */
const Instant = z
  .string()
  .check(
    z.refine(
      (s) => /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(s) && !Number.isNaN(Date.parse(s)),
      'an instant like 2026-11-17T18:30:00Z',
    ),
  );

const TestLeadSchema = z.strictObject({
  name: z.string().check(z.minLength(1)),
  /** When the lead arrives; defaults to the file's `at`, then to now. */
  at: z.optional(Instant),
  formType: z.string(),
  fields: z.record(z.string(), z.union([z.string(), z.boolean()])),
  context: z.optional(z.record(z.string(), z.unknown())),
  expect: z.optional(
    z.strictObject({
      /** The rep who must own it. */
      owner: z.optional(z.string()),
      /** The queue that must own it. */
      queue: z.optional(z.string()),
      /** The route that must take it. */
      route: z.optional(z.string()),
      /** The lead must be refused, with issues on these fields. */
      rejected: z.optional(z.array(z.string())),
    }),
  ),
});

/** A file of test leads. */
export const TestLeadFileSchema = z.strictObject({
  $comment: z.optional(z.string()),
  at: z.optional(Instant),
  leads: z.array(TestLeadSchema).check(z.minLength(1)),
});

/** A file of test leads, parsed. */
export type TestLeadFile = z.output<typeof TestLeadFileSchema>;
/** One test lead. */
export type TestLead = TestLeadFile['leads'][number];

/** What one test lead got, and whether that is what it expected. */
export interface TestLeadResult {
  name: string;
  /** True when every expectation held (or there were none). */
  passed: boolean;
  /** What differed from the expectation. */
  mismatches: string[];
  /** Present when the lead was refused. */
  issues?: FieldIssue[];
  lead?: RoutableLead;
  qualification?: Qualification;
  decision?: Decision;
  /** One line: owner, route, strategy, SLA. */
  summary: string;
  trace?: TraceLine[];
}

/**
 * Runs test leads in order against `config`, carrying routing state from one to the next as
 * live traffic would. Nothing is written anywhere.
 */
export function runTestLeads(file: TestLeadFile, config: RoutingConfig, now = Date.now(), initial: RoutingState = { cursors: {}, load: {} }): TestLeadResult[] {
  // A copy: `applyStateChange` updates in place, and the caller's state must stay as it was.
  const state = copyState(initial);
  const fileAt = file.at === undefined ? now : Date.parse(file.at);
  return file.leads.map((test) => {
    const at = test.at === undefined ? fileAt : Date.parse(test.at);
    const prepared = prepareLead({ formType: test.formType, fields: test.fields, context: test.context }, config);
    const expect = test.expect ?? {};
    const mismatches: string[] = [];
    if (!prepared.ok) {
      const fields = prepared.issues.map((i) => i.field);
      if (!expect.rejected) mismatches.push(`refused: ${prepared.issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`);
      else if (fields.join() !== expect.rejected.join()) mismatches.push(`refused on [${fields.join(', ')}], expected [${expect.rejected.join(', ')}]`);
      return {
        name: test.name,
        passed: mismatches.length === 0,
        mismatches,
        issues: prepared.issues,
        summary: `refused: ${prepared.issues.map((i) => `${i.field} (${i.message})`).join('; ')}`,
      };
    }
    const decision = route(prepared.lead, config, state, at);
    applyStateChange(state, decision.stateChange);
    if (expect.rejected) mismatches.push(`accepted, expected refusal on [${expect.rejected.join(', ')}]`);
    if (expect.owner !== undefined && !(decision.owner.kind === 'rep' && decision.owner.id === expect.owner)) {
      mismatches.push(`owner ${decision.owner.kind} "${decision.owner.id}", expected rep "${expect.owner}"`);
    }
    if (expect.queue !== undefined && !(decision.owner.kind === 'queue' && decision.owner.id === expect.queue)) {
      mismatches.push(`owner ${decision.owner.kind} "${decision.owner.id}", expected queue "${expect.queue}"`);
    }
    if (expect.route !== undefined && decision.route !== expect.route) mismatches.push(`route "${decision.route}", expected "${expect.route}"`);
    return {
      name: test.name,
      passed: mismatches.length === 0,
      mismatches,
      lead: prepared.lead,
      qualification: prepared.qualification,
      decision,
      summary: summarize(decision),
      trace: explain(decision, prepared.lead, config),
    };
  });
}
