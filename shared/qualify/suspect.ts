/**
 * Suspicions: signs a reviewer may want to see that do not make a lead junk. Fill speed is
 * one: a browser's autofill fills a whole form in a second, so a fast form is a real person
 * as often as a bot, and junking it loses the lead (issue 9, case 4). The lead is routed as
 * usual and carries the finding to its trace, its record and the rep's notice.
 */
import type { NormalizedLead } from '../lead/types.ts';
import type { JunkFinding, QualifyRules } from './types.ts';

/** Milliseconds as seconds with at most one decimal: 800 → "0.8", 3000 → "3". */
function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}

/** What the browser reported of how the values got in, when it explains nothing. */
function noEvidence(keys: number | undefined): string {
  if (keys === undefined) return 'no typing, autofill or paste reported';
  return `${keys === 0 ? 'no key' : keys === 1 ? '1 key' : `${keys} keys`} typed, no autofill or paste`;
}

/**
 * Every suspicion about `lead`; today only `too_fast`.
 *
 * A fast fill that the browser says was autofilled or pasted is explained, so it raises no
 * suspicion at all: that is the common case of a returning visitor with a helpful browser, and
 * a flag on every such lead would teach reps to ignore the flag. These signals come from the
 * client, as the fill time does: a bot that fakes them could as well fake a slow fill, so
 * the check only ever catches naive scripts, and they report neither.
 */
export function suspectFindings(lead: NormalizedLead, rules: Readonly<QualifyRules>): JunkFinding[] {
  // Undefined means the client did not measure: unknown, not fast.
  const ms = lead.timeOnFormMs;
  if (ms === undefined || ms >= rules.minFillMs || lead.autofilled || lead.pasted) return [];
  return [
    {
      signal: 'too_fast',
      detail: `form filled in ${seconds(ms)} s (minimum ${seconds(rules.minFillMs)} s); ${noEvidence(lead.keysTyped)}`,
    },
  ];
}
