/**
 * A lead's facts for the metrics store (shared/metrics), read off its record, timeline and
 * outbox: when it was confirmed, when its owner heard of it, when anyone first responded,
 * what escalation did, and what became of it.
 */
import type { LeadFacts } from '../../shared/metrics/types.ts';
import type { Owner } from '../../shared/routing/types.ts';
import type { LeadRecord, OutboxEntry, TimelineEvent, TimelineType } from './record.ts';

/** The facts of a lead at revision `rev`; `dueAt` is when its first owner's SLA ran out. */
export function factsOf(record: LeadRecord, timeline: readonly TimelineEvent[], outbox: readonly OutboxEntry[], dueAt: number, rev: number): LeadFacts {
  const first = (type: TimelineType) => timeline.find((event) => event.type === type)?.at;
  const responses = [record.acknowledged?.at, record.closed?.at].filter((at): at is number => at !== undefined);
  const lead = record.lead;
  const facts: LeadFacts = {
    id: record.id,
    rev,
    receivedAt: record.receivedAt,
    formType: lead.formType,
    source: lead.source,
    status: lead.status,
    route: record.decision.route,
    firstOwner: ownerKey(record.decision.owner),
    owner: ownerKey(record.owner),
    configVersion: record.configVersion,
    dueAt,
    reassignments: timeline.filter((event) => event.type === 'reassigned').length,
    escalated: timeline.some((event) => event.type === 'reassigned' || event.type === 'escalated' || event.type === 'moved_to_queue'),
    duplicates: record.duplicates,
    deadLetters: outbox.filter((entry) => entry.status === 'dead').length,
  };
  const optional: Partial<LeadFacts> = {
    pool: record.decision.pool,
    confirmedAt: first('confirmation_sent'),
    notifiedAt: first('rep_notified'),
    respondedAt: responses.length > 0 ? Math.min(...responses) : undefined,
    misroutedTo: record.misrouted?.to,
    stage: record.stage?.stage,
    email: lead.email,
    phone: lead.phone,
    company: lead.company,
    name: lead.fullName,
  };
  for (const [field, value] of Object.entries(optional)) if (value !== undefined) (facts as unknown as Record<string, unknown>)[field] = value;
  return facts;
}

/** An owner as the metrics store keys it: `rep:<id>` or `queue:<id>`. */
export function ownerKey(owner: Owner): string {
  return `${owner.kind}:${owner.id}`;
}
