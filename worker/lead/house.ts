/**
 * What a LeadObject runs on: its storage, the leads and identity it holds in memory, the lock
 * its changes take turns on, and the machinery every role shares — config versions, handing a
 * lead's place in its owner's load back to RouterState, escalation steps, delivery runs, the
 * metrics feed and the alarm. The object's roles (admitting, changing a lead, retention and
 * erasure) are written against it: worker/lead/admitting.ts, worker/lead/privacy.ts and the
 * RPC methods of worker/durable/lead-object.ts.
 */
import type { RoutingConfig } from '../../shared/config/schema.ts';
import type { AppEnv } from '../app-env.ts';
import { configVersion, currentConfig, routerSource } from '../config/store.ts';
import { PENDING_RESUME_MS, type IdentityState } from './admission.ts';
import { escalationStopped, nextStep, runStep } from './escalation.ts';
import { factsOf } from './facts.ts';
import { LeadState } from './lead-state.ts';
import { deliverDue, nextDelivery, WATCHDOG_MS } from './outbox.ts';
import { deletableAt, retentionMs } from './retention.ts';
import { LeadStore } from './store.ts';
import { metricsStore } from '../metrics/store.ts';

/** After a failure (another object, KV), the alarm comes back this much later. */
export const RETRY_AFTER_FAILURE_MS = 30_000;
/** An alarm already set this much earlier than needed is left as it is (the watchdog set before routing). */
const ALARM_SLACK_MS = 1_000;

/** A LeadObject's state and shared machinery. */
export class LeadHouse {
  readonly env: AppEnv;
  readonly ctx: DurableObjectState;
  store!: LeadStore;
  leads = new Map<string, LeadState>();
  identity: IdentityState | undefined;
  /** Set once the object deleted itself: nothing is scheduled again. */
  vanished = false;
  /** Admissions, joins and changes that await other objects run one at a time. */
  #lock: Promise<unknown> = Promise.resolve();
  /** The delivery runs, one after another: an entry is never sent by two runs at once. */
  #deliveries: Promise<void> = Promise.resolve();
  /** Runs started by a request and not finished (the alarm only watches over them). */
  #kicked = 0;
  /** The alarm as last set, so an unchanged one is not written again. */
  #alarmAt: number | null | undefined;

  constructor(ctx: DurableObjectState, env: AppEnv) {
    this.ctx = ctx;
    this.env = env;
  }

  /** Reads everything from storage (when the object starts, and after a failed change): one query. */
  load(): void {
    this.store = new LeadStore(this.ctx.storage.sql);
    const { leads, identity } = this.store.load<IdentityState>();
    this.leads = new Map([...leads].map(([id, loaded]) => [id, new LeadState(loaded)]));
    this.identity = identity;
    // An admission whose lead was stored is done (lead/admission.ts).
    if (identity?.pending && leads.has(identity.pending.leadId)) delete identity.pending;
  }

  /** Runs `section` after the ones before it; one that fails leaves memory as storage has it. */
  exclusive<T>(section: () => Promise<T>): Promise<T> {
    const run = this.#lock.then(section);
    this.#lock = run.then(
      () => undefined,
      () => this.load(),
    );
    return run;
  }

  /** A config version, as the lead that made its decision with it needs. */
  async config(version: number): Promise<RoutingConfig> {
    return (await configVersion(this.env.LEADS_KV, version, routerSource(this.env))).config;
  }

  /** The live config. */
  async liveConfig(now: number): Promise<RoutingConfig> {
    return (await currentConfig(this.env.LEADS_KV, now, routerSource(this.env))).config;
  }

  /** Forgets the alarm as last set: the runtime cleared it (it fired) or the storage is gone. */
  alarmCleared(at?: number | null): void {
    this.#alarmAt = at;
  }

  /** Gives the lead's place in its owner's load back to RouterState; if that fails, the alarm tries again. */
  async release(lead: LeadState): Promise<void> {
    // Only a rep's lead counts toward a load (a queue's was let go when it moved there, or is owed).
    if (lead.record.owner.kind !== 'rep' && !lead.record.releaseOwed) return;
    try {
      await this.env.ROUTER.getByName('global').release(lead.id);
      delete lead.record.releaseOwed;
    } catch {
      lead.record.releaseOwed = true;
    }
  }

  /** Gives back every owed release: reservations of admissions that joined another lead, and leads' places. */
  async settleReleases(): Promise<void> {
    const state = this.identity;
    for (const id of state?.owedReleases ?? []) {
      await this.env.ROUTER.getByName('global').release(id);
      state!.owedReleases = state!.owedReleases!.filter((owed) => owed !== id);
      this.store.saveIdentity(state);
    }
    for (const lead of this.leads.values()) {
      if (!lead.record.releaseOwed) continue;
      await this.release(lead);
      if (!lead.record.releaseOwed) lead.save(this.store);
    }
  }

  /** Runs the lead's escalation steps that are due, each once, each saved with its outcome. */
  async escalate(lead: LeadState, now: number): Promise<void> {
    for (;;) {
      const config = await this.config(lead.record.configVersion);
      const due = nextStep(lead, config);
      if (!due || due.dueAt > now) return;
      // No acknowledgement or close may slip in while the step waits on RouterState.
      await this.exclusive(async () => {
        if (lead.record.nextStep !== due.index || escalationStopped(lead.record)) return;
        await runStep(lead, due.step, due.index, config, this.env, now);
        if (lead.record.releaseOwed) await this.release(lead);
        lead.save(this.store);
      });
    }
  }

  /**
   * Delivers what is due now within the request rather than on an alarm tick: side effects go
   * out at once. The alarm is still set, as a watchdog, should this object be evicted before the
   * run finishes. Sends wait for the writes before them (output gate).
   */
  async deliverSoon(): Promise<void> {
    this.#kicked += 1;
    const run = this.deliver()
      .catch(() => undefined)
      .finally(() => (this.#kicked -= 1))
      // The last run to finish sets the alarm to what is really next (a retry, an escalation step).
      .then(() => this.schedule())
      .catch(() => undefined);
    this.ctx.waitUntil(run);
    await this.schedule();
  }

  /** Delivers every lead's due entries after any run under way, then tells the metrics store. */
  deliver(): Promise<void> {
    const run = this.#deliveries.then(async () => {
      let saved = false;
      for (const lead of this.leads.values()) {
        const config = await this.config(lead.record.configVersion);
        if (await deliverDue(lead, config, this.env, Date.now())) saved = (lead.save(this.store), true);
      }
      // The alarm moves (to the next step, or a retry) in the same write as the outcomes, not
      // after the metrics call; the snapshots about to be sent do not pull it to now.
      if (saved) await this.schedule(undefined, true);
      await this.sendMetrics(Date.now());
    });
    this.#deliveries = run.catch(() => undefined);
    return run;
  }

  /**
   * Sends the facts of every lead that changed since its last send to the metrics store, in one
   * call. The revision sent is stored, so a failed send is retried later, and a repeated one is
   * ignored by the store.
   */
  async sendMetrics(now: number): Promise<void> {
    const due = [...this.leads.values()].filter((lead) => lead.rev > lead.metricsSent && now >= lead.metricsRetryAt);
    if (due.length === 0) return;
    const sent = due.map((lead) => ({ lead, rev: lead.rev }));
    try {
      const snapshots = sent.map(({ lead, rev }) => ({
        facts: factsOf(lead.record, lead.timeline, lead.outbox, lead.record.dueAt ?? lead.record.receivedAt, rev),
        ...(lead.metricsSent === 0 ? { lead: lead.record.lead } : {}),
      }));
      await metricsStore(this.env).ingest(snapshots);
      for (const { lead, rev } of sent) lead.markMetricsSent(rev);
    } catch {
      for (const { lead } of sent) lead.metricsRetryAt = now + RETRY_AFTER_FAILURE_MS;
    }
  }

  /**
   * After a change: the metrics store is told at once (after any delivery run under way) rather
   * than by an alarm set for now (a row written and an invocation), then the alarm is set to what
   * comes next (a retry of the send, should it have failed).
   */
  async feed(): Promise<void> {
    await this.deliver().catch(() => undefined);
    await this.schedule();
  }

  /** Sets the alarm to `at` unless it is already set no later (an admission's watchdog, set with its first write). */
  async alarmNoLaterThan(at: number): Promise<void> {
    if (this.vanished || (this.#alarmAt != null && this.#alarmAt <= at)) return;
    this.#alarmAt = at;
    await this.ctx.storage.setAlarm(at);
  }

  /**
   * Sets the alarm to the earliest of: every lead's next delivery, escalation step, metrics send,
   * owed release and retention; a stalled admission; the key's mapping ending when no lead is left.
   */
  async schedule(latest?: number, sending = false): Promise<void> {
    if (this.vanished) return;
    let next = latest ?? Number.POSITIVE_INFINITY;
    const now = Date.now();
    const running = this.#kicked > 0 || sending;
    let retention: number | undefined;
    let metricsDue = Number.POSITIVE_INFINITY;
    for (const lead of this.leads.values()) {
      const config = await this.config(lead.record.configVersion);
      retention ??= retentionMs(await this.liveConfig(now));
      if (lead.rev > lead.metricsSent) metricsDue = Math.min(metricsDue, Math.max(now, lead.metricsRetryAt));
      if (lead.record.releaseOwed) next = Math.min(next, now + RETRY_AFTER_FAILURE_MS);
      next = Math.min(next, nextDelivery(lead, now, running), deletableAt(lead, retention));
      const step = nextStep(lead, config);
      if (step) next = Math.min(next, step.dueAt);
    }
    const state = this.identity;
    if (state?.pending) next = Math.min(next, state.pending.at + PENDING_RESUME_MS);
    if (state?.owedReleases?.length) next = Math.min(next, now + RETRY_AFTER_FAILURE_MS);
    if (this.leads.size === 0 && state?.current) next = Math.min(next, state.current.until);
    // Snapshots a run under way will send do not move the alarm (a row written twice per repeat):
    // should the object stop first, the next alarm sends them; only without any alarm is one set
    // to watch over them.
    if (metricsDue < Number.POSITIVE_INFINITY) next = running ? (next === Number.POSITIVE_INFINITY ? now + WATCHDOG_MS : next) : Math.min(next, metricsDue);
    const at = next === Number.POSITIVE_INFINITY ? null : next;
    const setEarlier = at !== null && this.#alarmAt != null && this.#alarmAt >= now && this.#alarmAt <= at && at - this.#alarmAt < ALARM_SLACK_MS;
    if (at === this.#alarmAt || setEarlier) return;
    this.#alarmAt = at;
    if (at === null) await this.ctx.storage.deleteAlarm();
    else await this.ctx.storage.setAlarm(at);
  }
}
