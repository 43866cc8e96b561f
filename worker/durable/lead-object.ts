/**
 * LeadObject: the object of one identity key (a canonical email, an E.164 phone). It admits the
 * submissions whose first key it is and keeps the key's mapping to its person's current lead
 * (lead/admission.ts, lead/admitting.ts); it holds that person's leads — records, timelines and
 * outboxes (lead/store.ts) — whose side effects it delivers at once and its alarm retries until
 * each is delivered or dead-lettered (lead/outbox.ts), and whose escalation chains it runs when
 * nobody acknowledges in time (lead/escalation.ts); a returning person's submission joins their
 * lead with its content (lead/returns.ts); a lead past retention, or a person who asks to be
 * forgotten, is deleted (lead/privacy.ts). Its state and shared machinery are in lead/house.ts;
 * this class is its RPC surface. Everything is written before any side effect, and the alarm is
 * safe to run twice.
 *
 * Address it with lead/lead-id.ts: `identityObject` for a key's home tag, `leadObject` for a lead
 * id (which carries the home tag of the object that keeps it).
 */
import { DurableObject } from 'cloudflare:workers';
import { STAGES, type Stage } from '../../shared/metrics/types.ts';
import { formatDuration } from '../../shared/time/duration.ts';
import type { AppEnv } from '../app-env.ts';
import { answerOf, decideClaim, type Admission, type Admitted, type Claim, type ClaimAnswer } from '../lead/admission.ts';
import { admit, finishPending, resumeStalled, type Join } from '../lead/admitting.ts';
import { rescueLead } from '../lead/create.ts';
import { LeadHouse, RETRY_AFTER_FAILURE_MS } from '../lead/house.ts';
import { leadObject } from '../lead/lead-id.ts';
import type { LeadState } from '../lead/lead-state.ts';
import { drop, erasePerson, personHere, retire, vanishIfEmpty, type LeadView, type PersonHere } from '../lead/privacy.ts';
import { leadEnded, type LeadRecord } from '../lead/record.ts';
import { correctLead } from '../lead/corrections.ts';
import { crmTargetCount } from '../lead/deliveries.ts';
import { joinSubmission, routeAgain, type Submission } from '../lead/returns.ts';
import { ensurePhoneMetadata } from '../phone-metadata.ts';
import { qualifyLead } from '../../shared/lead/prepare.ts';
import type { FieldIssue, LeadFields } from '../../shared/lead/types.ts';
import type { EnrichmentMark, Firmographics } from '../../shared/enrichment/types.ts';
import { enrichStoredLead } from '../enrichment/late.ts';

export type { Admission, Admitted } from '../lead/admission.ts';
export type { LeadView, PersonHere } from '../lead/privacy.ts';

/** The outcome of an acknowledgement; a former owner learns only who has the lead now, and since when. */
export type AckResult =
  | { ok: true; already: boolean; record: LeadRecord }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'not_owner'; owner: LeadRecord['owner']; ownerSince: number };

/** The outcome of correcting a lead's data and routing it again. */
export type RerouteResult =
  | { ok: true; record: LeadRecord }
  | { ok: false; reason: 'not_found' | 'ended' }
  | { ok: false; reason: 'invalid'; issues: FieldIssue[] };

/** The outcome of marking a junk lead real. */
export type RescueResult = { ok: true; record: LeadRecord } | { ok: false; reason: 'not_found' | 'not_junk' };

/** The Durable Object class of an identity key and its person's leads. */
export class LeadObject extends DurableObject<AppEnv> {
  readonly #house: LeadHouse;
  /** Joins a lead kept here directly, one kept elsewhere through its object. */
  readonly #join: Join = (leadId, sub) => {
    const stub = leadObject(this.env, leadId);
    return stub.id.equals(this.ctx.id) ? this.join(leadId, sub) : stub.join(leadId, sub);
  };

  constructor(ctx: DurableObjectState, env: AppEnv) {
    super(ctx, env);
    this.#house = new LeadHouse(ctx, env);
    // Not awaited in a constructor: the runtime holds every event until it settles.
    void ctx.blockConcurrencyWhile(async () => {
      this.#house.load();
      // A fresh object (most are: one per new person) has no alarm to ask about.
      this.#house.alarmCleared(this.#house.store.stored ? await ctx.storage.getAlarm() : null);
    });
  }

  /** Admits a submission whose first key is this object's: a new lead, or the person's lead joined. */
  admit(input: Admission): Promise<Admitted> {
    return admit(this.#house, input, this.#join);
  }

  /** Claims this object's key for a lead being admitted elsewhere (lock-free: answers at once). */
  claim(key: string, claim: Claim): ClaimAnswer {
    const house = this.#house;
    const state = (house.identity ??= { key, answers: [] });
    const answer = decideClaim(state, claim);
    if (answer.kind !== 'other') house.store.saveIdentity(state);
    return answer;
  }

  /**
   * Joins a later submission by the lead's person (see lead/returns.ts); undefined when the lead
   * is not here, `ended` when it is closed, won or lost (the person's new request is a new lead).
   */
  join(leadId: string, sub: Submission): Promise<Admitted | 'ended' | undefined> {
    const house = this.#house;
    return house.exclusive(async () => {
      // The lead may still be being admitted (or its admission stopped half-way): finish it first.
      await finishPending(house, leadId);
      const lead = house.leads.get(leadId);
      if (!lead) return undefined;
      if (leadEnded(lead.record)) return 'ended';
      if (!(sub.idempotencyKey && lead.submissionKeys.includes(sub.idempotencyKey))) {
        await joinSubmission(lead, sub, await house.liveConfig(sub.receivedAt), this.env);
        lead.save(house.store);
        await house.deliverSoon();
      }
      return answerOf(lead);
    });
  }

  /** The lead, its timeline and its outbox. */
  view(leadId: string): LeadView | undefined {
    const lead = this.#house.leads.get(leadId);
    return lead ? { record: lead.record, timeline: lead.timeline, outbox: lead.outbox } : undefined;
  }

  /** The owner (or, for a queue, one of its watchers) acknowledges: the SLA clock stops. */
  async acknowledge(leadId: string, by: string, at: number): Promise<AckResult> {
    const house = this.#house;
    const result = await house.exclusive(async () => {
      const lead = house.leads.get(leadId);
      if (!lead) return { ok: false, reason: 'not_found' } as const;
      const record = lead.record;
      const config = await house.config(record.configVersion);
      // Whose link it is comes first: a former owner's link neither acknowledges nor shows the lead.
      const allowed = record.owner.kind === 'rep' ? record.owner.id === by : (config.queues[record.owner.id]?.watchers ?? []).includes(by);
      if (!allowed) return { ok: false, reason: 'not_owner', owner: record.owner, ownerSince: record.ownerSince } as const;
      if (record.acknowledged) return { ok: true, already: true, record } as const;
      record.acknowledged = { at, by };
      lead.event(at, 'acknowledged', `by ${config.reps[by]?.name ?? by} after ${formatDuration(at - record.ownerSince)}`);
      lead.save(house.store);
      return { ok: true, already: false, record } as const;
    });
    if (result.ok && !result.already) await house.feed();
    return result;
  }

  /** Closes the lead: escalation stops and it no longer counts toward its owner's load. Closing twice changes nothing. */
  close(leadId: string, outcome: string, by: string, at: number): Promise<LeadRecord | undefined> {
    return this.#change(leadId, async (lead) => {
      const record = lead.record;
      if (record.closed) return false;
      record.closed = { at, outcome, by };
      // Closing as won or lost is also the lead's stage, for conversion by route.
      if ((STAGES as readonly string[]).includes(outcome)) record.stage = { stage: outcome as Stage, at, by };
      lead.event(at, 'closed', `${outcome}, by ${by}`);
      await this.#house.release(lead);
      return true;
    });
  }

  /** Records that the lead should have gone to `to` (`rep:<id>` or `queue:<id>`); a later report replaces an earlier one. */
  reportMisroute(leadId: string, to: string, by: string, at: number, note?: string): Promise<LeadRecord | undefined> {
    return this.#change(leadId, async (lead) => {
      lead.record.misrouted = { to, by, at, ...(note ? { note } : {}) };
      lead.event(at, 'misrouted', `${by} says it should have gone to ${to}${note ? `: ${note}` : ''}`);
      return true;
    });
  }

  /** Records that someone found the route and owner right in the weekly spot-check. */
  reportSpotCheck(leadId: string, by: string, at: number): Promise<LeadRecord | undefined> {
    return this.#change(leadId, async (lead) => {
      lead.record.spotChecked = { at, by };
      lead.event(at, 'spot_checked', `${by} says the route and owner are right`);
      return true;
    });
  }

  /** Records the lead's later stage (accepted, qualified, won, lost); won or lost is an outcome: it ends the lead's claim on its owner's capacity and stays. */
  reportStage(leadId: string, stage: Stage, by: string, at: number): Promise<LeadRecord | undefined> {
    return this.#change(leadId, async (lead) => {
      const now = lead.record.stage?.stage;
      // Won and lost are outcomes: a later report of an earlier stage (a CRM event out of order) does not undo them.
      if (now === stage || ((now === 'won' || now === 'lost') && stage !== 'won' && stage !== 'lost')) return false;
      lead.record.stage = { stage, at, by };
      lead.event(at, 'outcome', `${stage}, reported by ${by}`);
      if (stage === 'won' || stage === 'lost') await this.#house.release(lead);
      return true;
    });
  }

  /** An admin marks a junk lead real: routed, confirmed and notified as if it had just arrived. */
  rescue(leadId: string, by: string, at: number): Promise<RescueResult> {
    const house = this.#house;
    return house.exclusive(async () => {
      const lead = house.leads.get(leadId);
      if (!lead) return { ok: false, reason: 'not_found' } as const;
      if (lead.record.lead.status !== 'junk') return { ok: false, reason: 'not_junk' } as const;
      await rescueLead(lead, by, at, await house.liveConfig(at), this.env);
      const current = house.identity?.current;
      if (current?.leadId === leadId && current.junk) {
        delete current.junk;
        house.store.saveIdentity(house.identity);
      }
      lead.save(house.store);
      await house.deliverSoon();
      return { ok: true, record: lead.record } as const;
    });
  }

  /**
   * Corrects the lead's data (a misroute that came from wrong data) and routes it again with the
   * rules: a new owner and SLA from now if the rules say so, the change on the timeline and the trace.
   */
  reroute(leadId: string, corrections: LeadFields, by: string, at: number): Promise<RerouteResult> {
    const house = this.#house;
    return house.exclusive(async () => {
      const lead = house.leads.get(leadId);
      if (!lead) return { ok: false, reason: 'not_found' } as const;
      if (leadEnded(lead.record)) return { ok: false, reason: 'ended' } as const;
      await ensurePhoneMetadata(this.env);
      const corrected = correctLead(lead.record.lead, corrections);
      if (!corrected.ok) return { ok: false, reason: 'invalid', issues: corrected.issues } as const;
      const config = await house.liveConfig(at);
      const q = qualifyLead(corrected.lead, config);
      const record = lead.record;
      record.lead = { ...corrected.lead, status: record.lead.status === 'junk' ? 'junk' : q.status, urgency: q.urgency, intent: q.intent };
      const what = corrected.changed.join(', ') || 'nothing';
      lead.event(at, 'corrected', `${by} corrected ${what}`);
      const n = lead.timeline.filter((e) => e.type === 'corrected').length;
      await routeAgain(lead, config, this.env, at, `data corrected by ${by} (${what})`, undefined, `${leadId}:corrected:${n}`);
      if (!lead.crmPending()) lead.enqueueCrm(at, crmTargetCount(this.env));
      lead.save(house.store);
      await house.deliverSoon();
      return { ok: true, record } as const;
    });
  }

  /** Puts enrichment that answered after routing onto the lead (see enrichment/late.ts). */
  enrich(leadId: string, found: Firmographics, mark: EnrichmentMark): Promise<boolean> {
    return enrichStoredLead(this.#house, leadId, found, mark);
  }

  /** What this object keeps of its key's person (export). */
  exportPerson(): PersonHere {
    return personHere(this.#house);
  }

  /** Erases this object's key's person (the leads kept here, the key's mapping); see lead/privacy.ts. */
  erasePerson(): Promise<{ leads: string[]; elsewhere: string[] }> {
    return this.#house.exclusive(() => erasePerson(this.#house));
  }

  /** Erases one lead kept here, and any mapping to it; true when it was here. */
  eraseLead(leadId: string): Promise<boolean> {
    const house = this.#house;
    return house.exclusive(async () => {
      const here = drop(house, leadId);
      await vanishIfEmpty(house, Date.now());
      return here;
    });
  }

  /** Finishes a stalled admission, gives back owed load, runs due escalation steps, delivers due entries, deletes leads past retention. Safe to run twice. */
  override async alarm(): Promise<void> {
    const house = this.#house;
    const now = Date.now();
    house.alarmCleared();
    // Each phase may fail (another object overloaded, KV down); whatever happens the alarm is
    // set again, so nothing pending is ever left without one.
    let failed = false;
    const phase = (run: () => Promise<unknown>) => run().catch(() => (failed = true));
    await phase(() => resumeStalled(house, now, this.#join));
    await phase(() => house.exclusive(() => house.settleReleases()));
    for (const lead of [...house.leads.values()]) await phase(() => house.escalate(lead, now));
    await phase(() => house.deliver());
    await house.sendMetrics(Date.now());
    await phase(() => house.exclusive(() => retire(house, now)));
    await house.schedule(failed ? now + RETRY_AFTER_FAILURE_MS : undefined);
  }

  /** Runs `change` on a lead under the lock; saves, tells the metrics store and reschedules when it says something changed. */
  async #change(leadId: string, change: (lead: LeadState) => Promise<boolean>): Promise<LeadRecord | undefined> {
    const house = this.#house;
    let changed = false;
    const record = await house.exclusive(async () => {
      const lead = house.leads.get(leadId);
      if (!lead) return undefined;
      if (await change(lead)) {
        lead.save(house.store);
        changed = true;
      }
      return lead.record;
    });
    if (changed) await house.feed();
    return record;
  }
}
