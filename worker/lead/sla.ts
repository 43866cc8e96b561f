/**
 * When SLA time runs out for a lead: on the wall clock, or, where the config says
 * `slaClock: "working_hours"`, counting only the owner's working hours (a queue keeps the
 * config's default hours).
 */
import type { RoutingConfig } from '../../shared/config/schema.ts';
import { compiled } from '../../shared/routing/route.ts';
import { addWorkingTime } from '../../shared/routing/working-time.ts';
import type { LeadRecord } from './record.ts';

/** The instant `afterMs` of SLA time after `from` for this lead's current owner. */
export function slaDue(record: LeadRecord, config: RoutingConfig, from: number, afterMs: number): number {
  if (record.decision.slaClock !== 'working_hours') return from + afterMs;
  const c = compiled(config);
  const rep = record.owner.kind === 'rep' ? c.reps[c.repIndex.get(record.owner.id) ?? -1] : undefined;
  const week = rep ? rep.week : c.defaultWeek;
  const zone = rep ? rep.zone : c.defaultZone;
  return week ? addWorkingTime(from, afterMs, week, zone) : from + afterMs;
}
