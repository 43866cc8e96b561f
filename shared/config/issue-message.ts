/**
 * Sentences for the config's shape issues that the schema's own checks do not word.
 */
import type * as z from 'zod/mini';

/**
 * A sentence for the issues the schema's own checks do not word (unknown keys, enums, types,
 * sizes): zod's English locale would cost the Worker about 1 KB gzip for the same.
 */
export function issueMessage(issue: z.core.$ZodRawIssue): string {
  const list = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');
  if (issue.code === 'unrecognized_keys') return `unknown key ${list(issue.keys)}`;
  if (issue.code === 'invalid_value') return `expected one of ${list(issue.values)}`;
  // "received undefined" is how `parseConfig` tells a missing key ("is required").
  if (issue.code === 'invalid_type') return `expected ${issue.expected}, received ${issue.input === undefined ? 'undefined' : JSON.stringify(issue.input)}`;
  if (issue.code === 'too_small')
    return `expected at least ${issue.minimum}${issue.origin === 'number' ? '' : issue.origin === 'string' ? ' characters' : ' items'}`;
  if (issue.code === 'invalid_union') return 'is none of the forms it can take';
  return issue.code === 'too_big' ? `expected at most ${issue.maximum}` : 'invalid value';
}
