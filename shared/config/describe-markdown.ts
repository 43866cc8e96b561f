/**
 * The routing config as a printable Markdown document: the same words as the routing page
 * (both come from {@link describeConfig}), for a wiki, an email or a quarterly review.
 */
import type { ConfigDescription, EntryDescription } from './describe.ts';

function entries(list: readonly EntryDescription[]): string[] {
  return list.map((e) => `- **${e.name}**: ${[e.lines.join('; '), e.note].filter(Boolean).join('. ')}`);
}

/**
 * A description as Markdown.
 * @example describeMarkdown(describeConfig(config), 'Live config v4')
 */
export function describeMarkdown(d: ConfigDescription, subtitle?: string): string {
  const out: string[] = [`# ${d.name}`];
  out.push('', [subtitle, d.reviewed].filter(Boolean).join(' '));
  out.push('', '## Rules, in priority order', '', 'Each lead goes to the first rule it matches.', '');
  for (const r of d.rules) {
    out.push(`${r.position}. **${r.title}** (${r.when}) → ${r.target}, ${r.sla}${r.unavailable ? `; ${r.unavailable}` : ''}.`);
    const extra = [r.escalation ? `Unanswered: the ${r.escalation} escalation.` : '', r.note ?? ''].filter(Boolean);
    if (extra.length > 0) out.push(`   ${extra.join(' ')}`);
  }
  out.push('', `**Fallback.** ${d.fallback}`, '', `**Junk.** ${d.junk}`);
  out.push('', '## Pools', '', 'A member who is inactive, out of office, off hours or at capacity is skipped.');
  for (const p of d.pools) {
    out.push('', `### ${p.name} (${p.how})`, '', p.note ?? '', '', ...entries(p.members));
  }
  out.push('', '## Queues', '', ...entries(d.queues));
  out.push('', '## Escalation chains', '', 'When the owner has not acknowledged a lead in time:', '');
  out.push(...entries(d.escalations));
  out.push('', '## People', '', ...entries(d.people));
  if (d.accounts.length > 0) out.push('', '## Named accounts', '', ...d.accounts.map((a) => `- ${a}`));
  if (d.territories.length > 0) out.push('', '## Territories', '', ...d.territories.map((t) => `- ${t}`));
  out.push('', '## Forms', '', ...d.forms.map((f) => `- ${f}`), '');
  return out.join('\n');
}
