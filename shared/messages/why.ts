/**
 * "Why you": the one or two lines of an explained trace a rep needs, out of the dozen a RevOps
 * person audits. The route that took the lead and why, and why this rep among the candidates.
 */
import type { TraceLine } from '../routing/types.ts';

/**
 * The lines that say why a lead reached its owner, from `explain()`: the matched route with its
 * reason and the taken candidate's detail, or the junk or fallback reason. At most two lines.
 * `names` maps rep ids to names for the candidate line.
 * @example whyLines(explain(decision, lead, config), { sam: 'Sam Patel' })
 * // ['Route mid-market: employees 200 ≥ 50', 'Sam Patel: next in the weighted rotation']
 */
export function whyLines(trace: readonly TraceLine[], names: Readonly<Record<string, string>> = {}): string[] {
  const out: string[] = [];
  // The last matched route is the one that took the lead: an earlier match may have found nobody.
  const matched = trace.findLast((l) => l.step === 'route' && l.matched);
  const taken = trace.findLast((l) => l.step === 'candidate' && l.taken);
  const end = trace.findLast((l) => l.step === 'junk' || l.step === 'fallback');
  if (end && (end.step === 'junk' || end.step === 'fallback')) {
    out.push(capitalize(end.reason));
    return out;
  }
  if (matched?.step === 'route') out.push(`Route ${matched.route}: ${matched.reason}`);
  if (taken?.step === 'candidate' && taken.detail) out.push(`${names[taken.rep] ?? taken.rep}: ${taken.detail}`);
  return out;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
