/**
 * The retention and erasure role of a LeadObject: a lead past the config's retention (see
 * lead/retention.ts) is deleted once the audit has dropped its personal data; a person who asks
 * to be forgotten is erased with every lead of theirs kept here and their key's mapping; and an
 * object left with nothing deletes itself, alarm and all.
 */
import type { CurrentLead } from './admission.ts';
import type { LeadHouse } from './house.ts';
import type { LeadRecord, OutboxEntry, TimelineEvent } from './record.ts';
import { deletableAt, retentionMs, settledLead } from './retention.ts';
import { metricsStore } from '../metrics/store.ts';

/** The lead as the API shows it. */
export interface LeadView {
  record: LeadRecord;
  timeline: TimelineEvent[];
  outbox: OutboxEntry[];
}

/** What an object keeps of its key's person. */
export interface PersonHere {
  key?: string;
  current?: CurrentLead;
  leads: LeadView[];
  /** The person's leads kept by other objects (their key's mapping points there). */
  elsewhere: string[];
}

/** What this object keeps of its key's person, for an export. */
export function personHere(house: LeadHouse): PersonHere {
  const current = house.identity?.current;
  const leads = [...house.leads.values()].map((lead) => ({ record: lead.record, timeline: lead.timeline, outbox: lead.outbox }));
  return {
    ...(house.identity ? { key: house.identity.key } : {}),
    ...(current ? { current } : {}),
    leads,
    elsewhere: current && !house.leads.has(current.leadId) ? [current.leadId] : [],
  };
}

/** Erases the leads kept here and the key's mapping; returns their ids and the person's leads kept elsewhere. Under the lock. */
export async function erasePerson(house: LeadHouse): Promise<{ leads: string[]; elsewhere: string[] }> {
  const { elsewhere } = personHere(house);
  const leads = [...house.leads.keys()];
  for (const id of leads) drop(house, id);
  house.store.deleteIdentity();
  house.identity = undefined;
  await vanishIfEmpty(house, Date.now());
  return { leads, elsewhere };
}

/**
 * Deletes the leads past retention that have nothing left to do, once the metrics store has
 * dropped their personal data (its anonymous facts stay); then the object itself, when empty.
 * Under the lock.
 */
export async function retire(house: LeadHouse, now: number): Promise<void> {
  const retention = retentionMs(await house.liveConfig(now));
  const due = [...house.leads.values()]
    .filter((lead) => settledLead(lead) && lead.rev <= lead.metricsSent && deletableAt(lead, retention) <= now)
    .map((lead) => lead.id);
  if (due.length > 0) {
    await metricsStore(house.env).erase(due);
    for (const id of due) drop(house, id);
  }
  await vanishIfEmpty(house, now);
}

/** Removes a lead from storage and memory, and any mapping to it; true when it was here. */
export function drop(house: LeadHouse, leadId: string): boolean {
  const here = house.leads.delete(leadId);
  if (here) house.store.deleteLead(leadId);
  if (house.identity?.current?.leadId === leadId) {
    delete house.identity.current;
    house.store.saveIdentity(house.identity);
  }
  return here;
}

/** Deletes the whole object once it keeps no lead, no live mapping and no admission under way. */
export async function vanishIfEmpty(house: LeadHouse, now: number): Promise<void> {
  const state = house.identity;
  const live = state && ((state.current && state.current.until > now) || state.pending || state.owedReleases?.length);
  if (house.leads.size > 0 || live) return;
  await house.ctx.storage.deleteAlarm();
  await house.ctx.storage.deleteAll();
  house.vanished = true;
  house.alarmCleared(null);
  house.load();
}
