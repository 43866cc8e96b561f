/**
 * LeadObject: the object of one identity key (a canonical email, an E.164 phone). It admits the
 * submissions whose first key it is, keeps the key's mapping to its person's current lead (see
 * lead/admission.ts), and holds that person's leads: their records, timelines and outboxes
 * (lead/store.ts), whose side effects it delivers at once and its alarm retries until each is
 * delivered or dead-lettered (lead/outbox.ts), and whose escalation chains it runs when nobody
 * acknowledges in time (lead/escalation.ts). A returning person's submission joins their lead
 * with its content (lead/returns.ts). Everything is written before any side effect, and the alarm
 * is safe to run twice.
 *
 * Address it with lead/lead-id.ts: `identityObject` for a key's home tag, `leadObject` for a lead
 * id (which carries the home tag of the object that keeps it).
 */
import { DurableObject } from 'cloudflare:workers';
import type { RoutingConfig } from '../../shared/config/schema.ts';
import { STAGES, type Stage } from '../../shared/metrics/types.ts';
import { formatDuration } from '../../shared/time/duration.ts';
import type { AppEnv } from '../app-env.ts';
import { configVersion, currentConfig } from '../config/store.ts';
import { decideClaim, ownTarget, rememberAnswer, type Admission, type Admitted, type Claim, type ClaimAnswer, type CurrentLead, type IdentityState } from '../lead/admission.ts';
import { newLead, rescueLead } from '../lead/create.ts';
import { nextStep, runStep } from '../lead/escalation.ts';
import { factsOf } from '../lead/facts.ts';
import { identityObject, leadObject, newLeadId } from '../lead/lead-id.ts';
import { LeadState } from '../lead/lead-state.ts';
import { deliverDue, nextDelivery, WATCHDOG_MS } from '../lead/outbox.ts';
import type { LeadRecord, OutboxEntry, TimelineEvent } from '../lead/record.ts';
import { deletableAt, retentionMs, settledLead } from '../lead/retention.ts';
import { joinSubmission, type Submission } from '../lead/returns.ts';
import { LeadStore } from '../lead/store.ts';

export type { Admission, Admitted } from '../lead/admission.ts';

/** The lead as the API shows it. */
export interface LeadView {
  record: LeadRecord;
  timeline: TimelineEvent[];
  outbox: OutboxEntry[];
}

/** The outcome of an acknowledgement; a former owner learns only who has the lead now, and since when. */
export type AckResult =
  | { ok: true; already: boolean; record: LeadRecord }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'not_owner'; owner: LeadRecord['owner']; ownerSince: number };

/** What an object keeps of its key's person. */
export interface PersonHere {
  key?: string;
  current?: CurrentLead;
  leads: LeadView[];
  /** The person's leads kept by other objects (their key's mapping points there). */
  elsewhere: string[];
}

/** The outcome of marking a junk lead real. */
export type RescueResult = { ok: true; record: LeadRecord } | { ok: false; reason: 'not_found' | 'not_junk' };

const RETRY_AFTER_FAILURE_MS = 30_000;
/** An admission a client has not retried within this is finished by the alarm. */
const PENDING_RESUME_MS = 30_000;
/** How long a half-done admission is resumed by the same submission rather than started afresh. */
const PENDING_MS = 10 * 60_000;

/** The Durable Object class of an identity key and its person's leads. */
export class LeadObject extends DurableObject<AppEnv> {
  #store!: LeadStore;
  #leads = new Map<string, LeadState>();
  #identity: IdentityState | undefined;
  /** Admissions, joins and changes that await other objects run one at a time. */
  #lock: Promise<unknown> = Promise.resolve();
  /** The delivery runs, one after another: an entry is never sent by two runs at once. */
  #deliveries: Promise<void> = Promise.resolve();
  /** Runs started by a request and not finished (the alarm only watches over them). */
  #kicked = 0;
  /** The alarm as last set, so an unchanged one is not written again. */
  #alarmAt: number | null | undefined;
  /** Set once the object deleted itself: nothing is scheduled again. */
  #vanished = false;

  constructor(ctx: DurableObjectState, env: AppEnv) {
    super(ctx, env);
    ctx.blockConcurrencyWhile(async () => this.#load());
  }

  /** Admits a submission whose first key is this object's: a new lead, or the person's lead joined. */
  async admit(input: Admission, retried = false): Promise<Admitted> {
    const step = await this.#exclusive(() => this.#resolve(input));
    if ('answer' in step) return step.answer;
    // Joining happens after the lock is let go (see lead/admission.ts on deadlocks).
    const sub: Submission = { lead: input.lead, qualification: input.qualification, receivedAt: input.receivedAt, ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}) };
    const answer = await this.#joinAnywhere(step.join, sub);
    if (!answer) {
      // The lead the key pointed to is gone (erased): forget it and admit afresh, once.
      await this.#exclusive(async () => this.#forget(step.join));
      if (retried) throw new Error('admission found no lead twice');
      return this.admit(input, true);
    }
    const state = this.#identity!;
    rememberAnswer(state, input.idempotencyKey, answer);
    if (input.idempotencyKey) this.#store.saveIdentity(state);
    return answer;
  }

  /** Claims this object's key for a lead being admitted elsewhere (lock-free: answers at once). */
  claim(key: string, claim: Claim): ClaimAnswer {
    const state = (this.#identity ??= { key, answers: [] });
    const answer = decideClaim(state, claim);
    if (answer.kind !== 'other') this.#store.saveIdentity(state);
    return answer;
  }

  /** Joins a later submission by the lead's person (see lead/returns.ts); undefined when the lead is not here. */
  async join(leadId: string, sub: Submission): Promise<Admitted | undefined> {
    return this.#exclusive(async () => {
      let lead = this.#leads.get(leadId);
      const pending = this.#identity?.pending;
      // The lead is still being admitted (or its admission stopped half-way): finish it first.
      if (!lead && pending?.leadId === leadId) {
        await this.#admitNew(this.#identity!, pending.input, leadId);
        lead = this.#leads.get(leadId);
      }
      if (!lead) return undefined;
      if (!(sub.idempotencyKey && lead.submissionKeys.includes(sub.idempotencyKey))) {
        const { config } = await currentConfig(this.env.LEADS_KV, sub.receivedAt, this.env.ROUTER.getByName('global'));
        await joinSubmission(lead, sub, config, this.env);
        lead.save(this.#store);
        await this.#deliverSoon();
      }
      return answerOf(lead);
    });
  }

  /** The lead, its timeline and its outbox. */
  view(leadId: string): LeadView | undefined {
    const lead = this.#leads.get(leadId);
    return lead ? { record: lead.record, timeline: lead.timeline, outbox: lead.outbox } : undefined;
  }

  /** The owner (or, for a queue, one of its watchers) acknowledges: the SLA clock stops. */
  async acknowledge(leadId: string, by: string, at: number): Promise<AckResult> {
    return this.#exclusive(async () => {
      const lead = this.#leads.get(leadId);
      if (!lead) return { ok: false, reason: 'not_found' } as const;
      const record = lead.record;
      const config = await this.#config(record.configVersion);
      // Whose link it is comes first: a former owner's link neither acknowledges nor shows the lead.
      const allowed = record.owner.kind === 'rep' ? record.owner.id === by : (config.queues[record.owner.id]?.watchers ?? []).includes(by);
      if (!allowed) return { ok: false, reason: 'not_owner', owner: record.owner, ownerSince: record.ownerSince } as const;
      if (record.acknowledged) return { ok: true, already: true, record } as const;
      record.acknowledged = { at, by };
      lead.event(at, 'acknowledged', `by ${config.reps[by]?.name ?? by} after ${formatDuration(at - record.ownerSince)}`);
      lead.save(this.#store);
      await this.#schedule();
      return { ok: true, already: false, record } as const;
    });
  }

  /** Closes the lead: escalation stops and it no longer counts toward its owner's load. Closing twice changes nothing. */
  async close(leadId: string, outcome: string, by: string, at: number): Promise<LeadRecord | undefined> {
    return this.#change(leadId, async (lead) => {
      const record = lead.record;
      if (record.closed) return false;
      record.closed = { at, outcome, by };
      // Closing as won or lost is also the lead's stage, for conversion by route.
      if ((STAGES as readonly string[]).includes(outcome)) record.stage = { stage: outcome as Stage, at, by };
      lead.event(at, 'closed', `${outcome}, by ${by}`);
      await this.#release(lead);
      return true;
    });
  }

  /** Records that the lead should have gone to `to` (`rep:<id>` or `queue:<id>`); a later report replaces an earlier one. */
  async reportMisroute(leadId: string, to: string, by: string, at: number, note?: string): Promise<LeadRecord | undefined> {
    return this.#change(leadId, async (lead) => {
      lead.record.misrouted = { to, by, at, ...(note ? { note } : {}) };
      lead.event(at, 'misrouted', `${by} says it should have gone to ${to}${note ? `: ${note}` : ''}`);
      return true;
    });
  }

  /** Records the lead's later stage (accepted, qualified, won, lost); won or lost ends its claim on its owner's capacity. */
  async reportStage(leadId: string, stage: Stage, by: string, at: number): Promise<LeadRecord | undefined> {
    return this.#change(leadId, async (lead) => {
      if (lead.record.stage?.stage === stage) return false;
      lead.record.stage = { stage, at, by };
      lead.event(at, 'outcome', `${stage}, reported by ${by}`);
      if (stage === 'won' || stage === 'lost') await this.#release(lead);
      return true;
    });
  }

  /** An admin marks a junk lead real: routed, confirmed and notified as if it had just arrived. */
  async rescue(leadId: string, by: string, at: number): Promise<RescueResult> {
    return this.#exclusive(async () => {
      const lead = this.#leads.get(leadId);
      if (!lead) return { ok: false, reason: 'not_found' } as const;
      if (lead.record.lead.status !== 'junk') return { ok: false, reason: 'not_junk' } as const;
      const { config } = await currentConfig(this.env.LEADS_KV, at, this.env.ROUTER.getByName('global'));
      await rescueLead(lead, by, at, config, this.env);
      const current = this.#identity?.current;
      if (current?.leadId === leadId && current.junk) {
        delete current.junk;
        this.#store.saveIdentity(this.#identity);
      }
      lead.save(this.#store);
      await this.#deliverSoon();
      return { ok: true, record: lead.record } as const;
    });
  }

  /** What this object keeps of its key's person (export): the key's mapping, the leads kept here, and the ids of their leads kept elsewhere. */
  exportPerson(): PersonHere {
    const current = this.#identity?.current;
    const here = [...this.#leads.values()].map((lead) => ({ record: lead.record, timeline: lead.timeline, outbox: lead.outbox }));
    return { ...(this.#identity ? { key: this.#identity.key } : {}), ...(current ? { current } : {}), leads: here, elsewhere: current && !this.#leads.has(current.leadId) ? [current.leadId] : [] };
  }

  /**
   * Erases this object's key's person: the leads kept here and the key's mapping. Returns the ids
   * erased and those of the person's leads kept elsewhere (the caller erases them). The object
   * deletes itself when nothing is left.
   */
  async erasePerson(): Promise<{ leads: string[]; elsewhere: string[] }> {
    return this.#exclusive(async () => {
      const { elsewhere } = this.exportPerson();
      const leads = [...this.#leads.keys()];
      for (const id of leads) this.#drop(id);
      this.#store.deleteIdentity();
      this.#identity = undefined;
      await this.#vanishIfEmpty(Date.now());
      return { leads, elsewhere };
    });
  }

  /** Erases one lead kept here, and any mapping to it; true when it was here. */
  async eraseLead(leadId: string): Promise<boolean> {
    return this.#exclusive(async () => {
      const here = this.#drop(leadId);
      await this.#vanishIfEmpty(Date.now());
      return here;
    });
  }

  /** Finishes a stalled admission, gives back owed load, runs due escalation steps, delivers due entries, deletes leads past retention. Safe to run twice. */
  override async alarm(): Promise<void> {
    const now = Date.now();
    this.#alarmAt = undefined;
    // Each phase may fail (another object overloaded, KV down); whatever happens the alarm is
    // set again, so nothing pending is ever left without one.
    let failed = false;
    const phase = (run: () => Promise<unknown>) => run().catch(() => (failed = true));
    await phase(() => this.#resumeStalled(now));
    await phase(() => this.#exclusive(() => this.#settleReleases()));
    for (const lead of [...this.#leads.values()]) await phase(() => this.#escalate(lead, now));
    await phase(() => this.#deliver());
    await this.#sendMetrics(Date.now());
    await phase(() => this.#exclusive(() => this.#retire(now)));
    if (this.#vanished) return;
    await this.#schedule(failed ? now + RETRY_AFTER_FAILURE_MS : undefined);
  }

  // --- admission ------------------------------------------------------------------------------

  async #resolve(input: Admission): Promise<{ answer: Admitted } | { join: string }> {
    const state = (this.#identity ??= { key: input.key, answers: [] });
    const answered = input.idempotencyKey ? state.answers.find(([key]) => key === input.idempotencyKey)?.[1] : undefined;
    if (answered) return { answer: answered };
    // The client's retry of an admission that stopped half-way finishes it under the same id.
    const pending = state.pending;
    if (pending && pending.fingerprint === JSON.stringify(input.lead) && input.receivedAt - pending.at < PENDING_MS) return this.#admitNew(state, pending.input, pending.leadId);
    const own = ownTarget(state, input);
    if (own) return { join: own.leadId };
    return this.#admitNew(state, input);
  }

  /**
   * A new lead: its id and the key's mapping written first, then (side by side) the decision,
   * the confirmation allowance and the claims on the submission's other keys. A claim that
   * finds the person's lead elsewhere turns the admission into a join, and the decision is given back.
   */
  async #admitNew(state: IdentityState, input: Admission, resumeId?: string): Promise<{ answer: Admitted } | { join: string }> {
    const id = resumeId ?? this.#newId(input.receivedAt, input.home);
    const junk = input.lead.status === 'junk';
    const until = input.receivedAt + input.windowMs;
    const email = input.email ? { email: input.email } : {};
    state.pending = { leadId: id, at: input.receivedAt, fingerprint: JSON.stringify(input.lead), input };
    state.current = { leadId: id, until, ...email, ...(junk ? { junk: true as const } : {}) };
    // Durable before any call below leaves (output gate): a claim, a retry or the alarm finds it.
    this.#store.saveIdentity(state);
    const router = this.env.ROUTER.getByName('global');
    // Only a new, real lead with an address is confirmed, so only it counts against the client's confirmations.
    const confirms = !junk && (input.lead.email !== undefined || input.lead.phone !== undefined);
    const claims = junk ? [] : input.others.map((k) => identityObject(this.env, k.home).claim(k.key, { leadId: id, ...email, until, at: input.receivedAt }));
    const [decided, confirm, ...answers] = await Promise.all([
      router.decide(id, id, input.lead, input.receivedAt),
      confirms ? this.env.CONFIRM_LIMITER.limit({ key: input.client }).then((r) => r.success) : Promise.resolve(true),
      ...claims,
    ]);
    const found = answers.find((a): a is Extract<ClaimAnswer, { kind: 'join' }> => a.kind === 'join');
    if (found) {
      state.current = { leadId: found.leadId, until: found.until, ...email };
      delete state.pending;
      this.#store.saveIdentity(state);
      await router.release(id).catch(() => {
        state.owedReleases = [...(state.owedReleases ?? []), id];
        this.#store.saveIdentity(state);
      });
      return { join: found.leadId };
    }
    const config = await this.#config(decided.configVersion);
    const lead = newLead({ id, site: input.site, receivedAt: input.receivedAt, lead: input.lead, qualification: input.qualification, decision: decided.decision, configVersion: decided.configVersion, confirm, publicUrl: input.publicUrl }, config, this.env);
    this.#leads.set(id, lead);
    lead.save(this.#store);
    delete state.pending;
    const answer = answerOf(lead);
    rememberAnswer(state, input.idempotencyKey, answer);
    this.#store.saveIdentity(state);
    await this.#deliverSoon();
    return { answer };
  }

  /** An admission the client never came back for is finished here, so its routing reservation becomes a lead. */
  async #resumeStalled(now: number): Promise<void> {
    const pending = this.#identity?.pending;
    if (!pending || now - pending.at < PENDING_RESUME_MS) return;
    const step = await this.#exclusive(async () => (this.#identity?.pending === pending ? this.#admitNew(this.#identity, pending.input, pending.leadId) : undefined));
    if (step && 'join' in step) {
      const { input } = pending;
      await this.#joinAnywhere(step.join, { lead: input.lead, qualification: input.qualification, receivedAt: input.receivedAt });
    }
  }

  /** Joins a lead kept here or in another object (never while holding the lock). */
  #joinAnywhere(leadId: string, sub: Submission): Promise<Admitted | undefined> {
    const stub = leadObject(this.env, leadId);
    return stub.id.equals(this.ctx.id) ? this.join(leadId, sub) : stub.join(leadId, sub);
  }

  #forget(leadId: string): void {
    const state = this.#identity;
    if (state?.current?.leadId !== leadId) return;
    delete state.current;
    this.#store.saveIdentity(state);
  }

  #newId(at: number, home: string): string {
    let id = newLeadId(at, home);
    // Two leads of one person in one millisecond (junk, then real) must not share an id.
    for (let t = at + 1; this.#leads.has(id) || this.#identity?.pending?.leadId === id; t++) id = newLeadId(t, home);
    return id;
  }

  // --- retention and erasure -------------------------------------------------------------------

  /**
   * Deletes the leads past retention that have nothing left to do, once the metrics store has
   * dropped their personal data (its anonymous facts stay); then the object itself, when empty.
   */
  async #retire(now: number): Promise<void> {
    const { config } = await currentConfig(this.env.LEADS_KV, now, this.env.ROUTER.getByName('global'));
    const retention = retentionMs(config);
    const due = [...this.#leads.values()].filter((lead) => settledLead(lead) && lead.rev <= lead.metricsSent && deletableAt(lead, retention) <= now).map((lead) => lead.id);
    if (due.length > 0) {
      await this.env.METRICS.getByName('global').erase(due);
      for (const id of due) this.#drop(id);
    }
    await this.#vanishIfEmpty(now);
  }

  /** Removes a lead from storage and memory, and any mapping to it; true when it was here. */
  #drop(leadId: string): boolean {
    const here = this.#leads.delete(leadId);
    if (here) this.#store.deleteLead(leadId);
    if (this.#identity?.current?.leadId === leadId) {
      delete this.#identity.current;
      this.#store.saveIdentity(this.#identity);
    }
    return here;
  }

  /** Deletes the whole object once it keeps no lead, no live mapping and no admission under way. */
  async #vanishIfEmpty(now: number): Promise<void> {
    const state = this.#identity;
    const live = state && ((state.current && state.current.until > now) || state.pending || state.owedReleases?.length);
    if (this.#leads.size > 0 || live) return;
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
    this.#identity = undefined;
    this.#alarmAt = null;
    this.#vanished = true;
    this.#load();
  }

  // --- changes, load, escalation, delivery ----------------------------------------------------

  /** Runs `change` on a lead under the lock; saves and reschedules when it says something changed. */
  async #change(leadId: string, change: (lead: LeadState) => Promise<boolean>): Promise<LeadRecord | undefined> {
    return this.#exclusive(async () => {
      const lead = this.#leads.get(leadId);
      if (!lead) return undefined;
      if (await change(lead)) {
        lead.save(this.#store);
        await this.#schedule();
      }
      return lead.record;
    });
  }

  /** Gives the lead's place in its owner's load back to RouterState; if that fails, the alarm tries again. */
  async #release(lead: LeadState): Promise<void> {
    try {
      await this.env.ROUTER.getByName('global').release(lead.id);
      delete lead.record.releaseOwed;
    } catch {
      lead.record.releaseOwed = true;
    }
  }

  async #settleReleases(): Promise<void> {
    const state = this.#identity;
    for (const id of state?.owedReleases ?? []) {
      await this.env.ROUTER.getByName('global').release(id);
      state!.owedReleases = state!.owedReleases!.filter((owed) => owed !== id);
      this.#store.saveIdentity(state);
    }
    for (const lead of this.#leads.values()) {
      if (!lead.record.releaseOwed) continue;
      await this.#release(lead);
      if (!lead.record.releaseOwed) lead.save(this.#store);
    }
  }

  async #escalate(lead: LeadState, now: number): Promise<void> {
    for (;;) {
      const config = await this.#config(lead.record.configVersion);
      const due = nextStep(lead, config);
      if (!due || due.dueAt > now) return;
      // No acknowledgement or close may slip in while the step waits on RouterState.
      await this.#exclusive(async () => {
        if (lead.record.nextStep !== due.index || lead.record.acknowledged || lead.record.closed) return;
        await runStep(lead, due.step, due.index, config, this.env, now);
        if (lead.record.releaseOwed) await this.#release(lead);
        lead.save(this.#store);
      });
    }
  }

  /**
   * Delivers what is due now within the request rather than on an alarm tick: side effects go
   * out at once. The alarm is still set, as a watchdog, should this object be evicted before the
   * run finishes. Sends wait for the writes before them (output gate).
   */
  async #deliverSoon(): Promise<void> {
    this.#kicked += 1;
    const run = this.#deliver()
      .catch(() => undefined)
      .finally(() => (this.#kicked -= 1))
      // The last run to finish sets the alarm to what is really next (a retry, an escalation step).
      .then(() => this.#schedule())
      .catch(() => undefined);
    this.ctx.waitUntil(run);
    await this.#schedule();
  }

  /** Delivers every lead's due entries after any run under way, then tells the metrics store. */
  #deliver(): Promise<void> {
    const run = this.#deliveries.then(async () => {
      for (const lead of this.#leads.values()) {
        const config = await this.#config(lead.record.configVersion);
        if (await deliverDue(lead, config, this.env, Date.now())) lead.save(this.#store);
      }
      await this.#sendMetrics(Date.now());
    });
    this.#deliveries = run.catch(() => undefined);
    return run;
  }

  /**
   * Sends the facts of every lead that changed since its last send to the metrics store, in one
   * call. The revision sent is stored, so a failed send is retried later, and a repeated one is
   * ignored by the store.
   */
  async #sendMetrics(now: number): Promise<void> {
    const due = [...this.#leads.values()].filter((lead) => lead.rev > lead.metricsSent && now >= lead.metricsRetryAt);
    if (due.length === 0) return;
    const sent = due.map((lead) => ({ lead, rev: lead.rev }));
    try {
      const snapshots = sent.map(({ lead, rev }) => ({ facts: factsOf(lead.record, lead.timeline, lead.outbox, lead.record.dueAt ?? lead.record.receivedAt, rev), ...(lead.metricsSent === 0 ? { lead: lead.record.lead } : {}) }));
      await this.env.METRICS.getByName('global').ingest(snapshots);
      for (const { lead, rev } of sent) lead.markMetricsSent(rev, this.#store);
    } catch {
      for (const { lead } of sent) lead.metricsRetryAt = now + RETRY_AFTER_FAILURE_MS;
    }
  }

  /** The next alarm: the earliest of every lead's next delivery, escalation step, metrics send or owed release, and a stalled admission. */
  async #schedule(latest?: number): Promise<void> {
    let next = latest ?? Number.POSITIVE_INFINITY;
    const now = Date.now();
    const running = this.#kicked > 0;
    for (const lead of this.#leads.values()) {
      if (lead.rev > lead.metricsSent) next = Math.min(next, running ? now + WATCHDOG_MS : Math.max(now, lead.metricsRetryAt));
      if (lead.record.releaseOwed) next = Math.min(next, now + RETRY_AFTER_FAILURE_MS);
      next = Math.min(next, nextDelivery(lead, now, running));
      const step = nextStep(lead, await this.#config(lead.record.configVersion));
      if (step) next = Math.min(next, step.dueAt);
    }
    const state = this.#identity;
    if (state?.pending) next = Math.min(next, state.pending.at + PENDING_RESUME_MS);
    if (state?.owedReleases?.length) next = Math.min(next, now + RETRY_AFTER_FAILURE_MS);
    // Retention: the earliest lead to delete, or the mapping's end when no lead is left here.
    const retention = this.#leads.size > 0 ? retentionMs(await this.#config(Math.max(...[...this.#leads.values()].map((l) => l.record.configVersion)))) : 0;
    for (const lead of this.#leads.values()) next = Math.min(next, deletableAt(lead, retention));
    if (this.#leads.size === 0 && state?.current) next = Math.min(next, state.current.until);
    const at = next === Number.POSITIVE_INFINITY ? null : next;
    if (at === this.#alarmAt) return;
    this.#alarmAt = at;
    if (at === null) await this.ctx.storage.deleteAlarm();
    else await this.ctx.storage.setAlarm(at);
  }

  // --- plumbing -------------------------------------------------------------------------------

  #load(): void {
    this.#store = new LeadStore(this.ctx.storage.sql);
    this.#leads = new Map([...this.#store.loadLeads()].map(([id, loaded]) => [id, new LeadState(loaded)]));
    this.#identity = this.#store.loadIdentity<IdentityState>();
  }

  /** Runs `section` after the ones before it; one that fails leaves memory as storage has it. */
  #exclusive<T>(section: () => Promise<T>): Promise<T> {
    const run = this.#lock.then(section);
    this.#lock = run.then(
      () => undefined,
      () => this.#load(),
    );
    return run;
  }

  async #config(version: number): Promise<RoutingConfig> {
    return (await configVersion(this.env.LEADS_KV, version, this.env.ROUTER.getByName('global'))).config;
  }
}

/** What the person is told: who owns their lead and how soon they answer (junk promises nothing). */
function answerOf(lead: LeadState): Admitted {
  const record = lead.record;
  return { leadId: record.id, owner: record.owner, slaMs: record.decision.slaMs, junk: record.lead.status === 'junk' };
}
