/** One lead's facts as the metrics store receives them: a qualified contact lead routed to Ana, 15 minutes to answer. */
import type { LeadFacts } from '../../shared/metrics/types.ts';

/** A lead's facts at `receivedAt`, with `extra` laid over them. */
export function leadFacts(id: string, receivedAt: number, extra: Partial<LeadFacts> = {}): LeadFacts {
  return {
    id,
    rev: 1,
    receivedAt,
    formType: 'contact',
    source: 'google',
    status: 'qualified',
    route: 'smb',
    firstOwner: 'rep:ana',
    owner: 'rep:ana',
    configVersion: 1,
    dueAt: receivedAt + 900_000,
    reassignments: 0,
    escalated: false,
    duplicates: 0,
    deadLetters: 0,
    ...extra,
  };
}
