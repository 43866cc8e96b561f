/**
 * LeadObject: one per lead. It holds the lead, its decision and trace, its timeline, and an
 * outbox of side effects (confirmation, owner notices, CRM records, manager alerts) that it
 * delivers at once and its alarm retries until each is delivered or dead-lettered. The same
 * alarm runs the escalation chain when nobody acknowledges within the SLA. Everything is written
 * to storage before any side effect, and every alarm is safe to run twice.
 *
 * An identity's object (a normalised email, else an E.164 phone; see lead/lead-id.ts) is also
 * where concurrent submissions by the same person meet: admissions run one at a time, so fifty
 * identical submissions in the same second make one lead and forty-nine duplicates. It keeps the
 * identity's first lead itself, so a new lead is one object, not two; a later lead (after the
 * dedupe window, or a real one after junk) gets an object of its own. KV holds the identity →
 * lead index for the other keys, with the dedupe window as TTL.
 */
import { DurableObject } from 'cloudflare:workers';
import { STAGES, type Stage } from '../../shared/metrics/types.ts';
import type { Qualification } from '../../shared/qualify/types.ts';
import { explain } from '../../shared/routing/explain.ts';
import type { Decision, EscalationStep, Owner, RoutableLead, TraceLine } from '../../shared/routing/types.ts';
import { formatDuration } from '../../shared/time/duration.ts';
import type { AppEnv } from '../app-env.ts';
import { configVersion } from '../config/store.ts';
import { MAX_ATTEMPTS, retryDelay } from '../lead/backoff.ts';
import { leadHome, leadObject, newLeadId } from '../lead/lead-id.ts';
import { slaDue } from '../lead/sla.ts';
import { crmTargetCount, deliver } from '../lead/deliveries.ts';
import { factsOf } from '../lead/facts.ts';
import type { Intent, LeadRecord, OutboxEntry, TimelineEvent, TimelineType } from '../lead/record.ts';

/** What intake asks of an identity's object. */
export interface Admission {
  /** The identity's home tag (lead/lead-id.ts): the address of this object. */
  home: string;
  lead: RoutableLead;
  qualification: Qualification;
  /** Identity keys, this object's own first. */
  keys: string[];
  /**
   * The keys kept in the KV index: those another identity's object may have to look up
   * (every key but the config's first kind, e.g. phones when email comes first).
   */
  indexed: string[];
  windowMs: number;
  site: string;
  receivedAt: number;
  idempotencyKey?: string;
  /** The client's address: confirmations are limited per client (CONFIRM_LIMITER). */
  client: string;
  publicUrl: string;
}

/** The answer intake turns into its 202. */
export interface Admitted {
  leadId: string;
  duplicate: boolean;
  owner: Owner;
  slaMs: number;
}

/** What intake hands a new lead. */
export interface CreateLead {
  id: string;
  site: string;
  receivedAt: number;
  lead: RoutableLead;
  qualification: Qualification;
  decision: Decision;
  trace: TraceLine[];
  configVersion: number;
  /** False when the confirmation is held back (rate limit). */
  confirm: boolean;
  /** Origin for links in notifications. */
  publicUrl: string;
}

/** What a later submission by the same person adds. */
export interface Duplicate {
  at: number;
  formType: string;
  source: string;
  pagePath?: string;
}

/** The lead as the API shows it. */
export interface LeadView {
  record: LeadRecord;
  timeline: TimelineEvent[];
  outbox: OutboxEntry[];
}

/** The outcome of an acknowledgement. */
export type AckResult = { ok: true; already: boolean; record: LeadRecord } | { ok: false; reason: 'not_found' | 'not_owner'; owner?: Owner };

const DEFAULT_BASE_DELAY_MS = 2_000;
const RETRY_AFTER_FAILURE_MS = 30_000;
/** The alarm behind a delivery run under way in a request: it fires only if the run never finishes. */
const WATCHDOG_MS = 10_000;
const KV_PREFIX = 'identity:';
/** How long a half-done admission is resumed rather than started afresh. */
const PENDING_MS = 10 * 60_000;
const MIN_KV_TTL_S = 60;
/** Idempotency-Key answers kept per identity (a widget retries one submission until it is answered). */
const ANSWERS_KEPT = 50;

/** The identity's current lead: later submissions join it until `until`. */
interface CurrentLead {
  leadId: string;
  until: number;
  junk?: true;
}

/** An admission under way, written before routing: a retry of the same submission finishes it under the same id. */
interface PendingAdmission {
  leadId: string;
  at: number;
  fingerprint: string;
}

/**
 * The Durable Object class of one lead (and of an identity's admissions); address it with
 * lead/lead-id.ts: `identityObject` for an identity, `leadObject` for a lead id.
 */
export class LeadObject extends DurableObject<AppEnv> {
  #record: LeadRecord | undefined;
  #timeline: TimelineEvent[] = [];
  #outbox: OutboxEntry[] = [];
  #publicUrl = '';
  /** Revision of the lead, raised by every save; the metrics store has seen `#metricsSent`. */
  #rev = 0;
  #metricsSent = 0;
  /** After a failed metrics send, the next try waits for the failure retry, not the next tick. */
  #metricsRetryAt = 0;
  // The identity's admissions (for an identity's object; empty in a lead's own object).
  #current: CurrentLead | undefined;
  #pending: PendingAdmission | undefined;
  #answers = new Map<string, Admitted>();
  /** The delivery runs, one after another: an entry is never sent by two runs at once. */
  #deliveries: Promise<void> = Promise.resolve();
  /** Runs started by a request (see #deliverSoon) and not finished. */
  #kicked = 0;

  constructor(ctx: DurableObjectState, env: AppEnv) {
    super(ctx, env);
    ctx.blockConcurrencyWhile(async () => {
      // One read for the lead and the admissions: this object is on every submission's path.
      const stored = await ctx.storage.get(['record', 'timeline', 'outbox', 'publicUrl', 'lead', 'pending', 'answers', 'rev', 'metricsSent']);
      this.#record = stored.get('record') as LeadRecord | undefined;
      this.#timeline = (stored.get('timeline') as TimelineEvent[] | undefined) ?? [];
      this.#outbox = (stored.get('outbox') as OutboxEntry[] | undefined) ?? [];
      this.#publicUrl = (stored.get('publicUrl') as string | undefined) ?? '';
      this.#rev = (stored.get('rev') as number | undefined) ?? 0;
      this.#metricsSent = (stored.get('metricsSent') as number | undefined) ?? 0;
      this.#current = stored.get('lead') as CurrentLead | undefined;
      this.#pending = stored.get('pending') as PendingAdmission | undefined;
      this.#answers = new Map((stored.get('answers') as [string, Admitted][] | undefined) ?? []);
    });
  }

  /** Admits a submission by this object's identity: a new lead, or a duplicate joined to its lead. */
  async admit(input: Admission): Promise<Admitted> {
    // One admission at a time: the checks and the creation below must not interleave with
    // another submission by the same person, though they await other objects.
    let result: Admitted | undefined;
    await this.ctx.blockConcurrencyWhile(async () => {
      result = await this.#admit(input);
    });
    return result!;
  }

  async #admit(input: Admission): Promise<Admitted> {
    const storage = this.ctx.storage;
    if (input.idempotencyKey) {
      const answered = this.#answers.get(input.idempotencyKey);
      if (answered) return answered;
    }
    const junk = input.lead.status === 'junk';
    const existing = this.#current;
    // A real submission never joins a junk lead: junk is reviewed, unconfirmed and kept out of
    // the CRM, and someone else's bot must not be able to silence a person for the window.
    let leadId = existing && existing.until > input.receivedAt && !(existing.junk && !junk) ? existing.leadId : undefined;
    // Junk is not in the KV index (see below), so only real leads are found there.
    for (const key of input.indexed) {
      if (leadId) break;
      leadId = (await this.env.LEADS_KV.get(KV_PREFIX + key)) ?? undefined;
    }

    let admitted: Admitted | undefined;
    if (leadId) {
      const duplicate: Duplicate = {
        at: input.receivedAt,
        formType: input.lead.formType,
        source: input.lead.source,
        ...(input.lead.pagePath ? { pagePath: input.lead.pagePath } : {}),
      };
      const record = leadId === this.#record?.id ? await this.addDuplicate(duplicate) : await leadObject(this.env, leadId).addDuplicate(duplicate);
      // The promise to the person is the one made the first time, not what is left of it.
      if (record) admitted = { leadId, duplicate: true, owner: record.owner, slaMs: record.decision.slaMs };
    }
    if (!admitted) {
      // The id is written down before anything else, so an admission that fails half-way is
      // finished under the same id when the client retries: routed once, stored once.
      // Resumed only for the same submission (the client's retry), never for a different one.
      const fingerprint = JSON.stringify(input.lead);
      const pending = this.#pending;
      const resume = pending && input.receivedAt - pending.at < PENDING_MS && pending.fingerprint === fingerprint;
      // The identity's first lead lives here; a later one gets an object of its own.
      const id = resume ? pending.leadId : newLeadId(input.receivedAt, this.#record ? undefined : input.home);
      if (!resume) {
        this.#pending = { leadId: id, at: input.receivedAt, fingerprint };
        await storage.put('pending', this.#pending);
      }
      const router = this.env.ROUTER.getByName('global');
      // Only a new, real lead with an address is confirmed, so only it counts against the
      // client's confirmations (create() words why the others get none). Asked while routing.
      const confirms = !junk && (input.lead.email !== undefined || input.lead.phone !== undefined);
      const [{ decision, configVersion: version }, confirm] = await Promise.all([
        router.decide(id, input.lead, input.receivedAt),
        confirms ? this.env.CONFIRM_LIMITER.limit({ key: input.client }).then((r) => r.success) : true,
      ]);
      const { config } = await configVersion(this.env.LEADS_KV, version, router);
      const lead: CreateLead = {
        id,
        site: input.site,
        receivedAt: input.receivedAt,
        lead: input.lead,
        qualification: input.qualification,
        decision,
        trace: explain(decision, input.lead, config),
        configVersion: version,
        confirm,
        publicUrl: input.publicUrl,
      };
      await (leadHome(id) === input.home ? this.create(lead) : leadObject(this.env, id).create(lead));
      admitted = { leadId: id, duplicate: false, owner: decision.owner, slaMs: decision.slaMs };
      this.#current = { leadId: id, until: input.receivedAt + input.windowMs, ...(junk ? { junk: true as const } : {}) };
      this.#pending = undefined;
      void storage.put('lead', this.#current);
      void storage.delete('pending');
    }
    if (input.idempotencyKey) {
      this.#answers.set(input.idempotencyKey, admitted);
      if (this.#answers.size > ANSWERS_KEPT) this.#answers.delete(this.#answers.keys().next().value!);
      void storage.put('answers', [...this.#answers]);
    }
    // Only new, real leads are indexed: KV takes one write per key per second, and a failed
    // write only weakens cross-key dedupe, so it must not fail the admission. Last, so the
    // writes above commit together.
    if (!admitted.duplicate && !junk && input.indexed.length > 0) {
      const ttl = Math.max(MIN_KV_TTL_S, Math.ceil(input.windowMs / 1000));
      await Promise.all(input.indexed.map((key) => this.env.LEADS_KV.put(KV_PREFIX + key, admitted.leadId, { expirationTtl: ttl }).catch(() => undefined)));
    }
    return admitted;
  }

  /** Stores a new lead and queues its side effects. Calling it again returns the stored lead. */
  async create(input: CreateLead): Promise<LeadRecord> {
    if (this.#record) return this.#record;
    const { config } = await configVersion(this.env.LEADS_KV, input.configVersion, this.env.ROUTER.getByName('global'));
    const { trace: _packed, stateChange: _change, ...decision } = input.decision;
    const record: LeadRecord = {
      id: input.id,
      site: input.site,
      receivedAt: input.receivedAt,
      lead: input.lead,
      qualification: input.qualification,
      decision,
      configVersion: input.configVersion,
      trace: input.trace,
      owner: decision.owner,
      ownerSince: input.receivedAt,
      nextStep: 0,
      duplicates: 0,
    };
    if (decision.pool !== undefined) record.pool = decision.pool;
    record.dueAt = slaDue(record, config, input.receivedAt, decision.slaMs);
    this.#record = record;
    this.#publicUrl = input.publicUrl;
    const at = input.receivedAt;
    this.#event(at, 'received', `${input.lead.formType} from ${input.lead.source}${input.lead.pagePath ? ` (${input.lead.pagePath})` : ''}`);
    this.#event(at, 'assigned', `${ownerLabel(decision.owner)} via ${decision.route}, respond within ${formatDuration(decision.slaMs)}`);

    const junk = input.lead.status === 'junk';
    const channels = config.formTypes[input.lead.formType]?.confirm ?? ['email'];
    const confirmations = channels.filter((ch) => (ch === 'email' ? input.lead.email : input.lead.phone) !== undefined);
    const skipped = junk ? 'junk gets no confirmation' : !input.confirm ? 'confirmations from this client are rate-limited' : confirmations.length === 0 ? 'no address to confirm to' : undefined;
    if (skipped) {
      record.confirmationSkipped = skipped;
      this.#event(at, 'confirmation_skipped', skipped);
    } else {
      for (const channel of confirmations) this.#enqueue(at, { kind: 'confirmation', channel });
    }
    // Junk is reviewed on the dashboard: no pings, and it stays out of the CRM.
    if (!junk) {
      this.#notifyOwner(at, decision.owner, config.queues[decision.owner.id]?.watchers ?? []);
      this.#enqueueCrm(at);
    }
    this.#save();
    await this.#deliverSoon();
    return record;
  }

  /** Joins a later submission by the same person: no second confirmation, the CRM record updated. */
  async addDuplicate(duplicate: Duplicate): Promise<LeadRecord | undefined> {
    const record = this.#record;
    if (!record) return undefined;
    record.duplicates += 1;
    this.#event(duplicate.at, 'duplicate', `${duplicate.formType} again from ${duplicate.source}${duplicate.pagePath ? ` (${duplicate.pagePath})` : ''}; owner stays ${ownerLabel(record.owner)}`);
    // One CRM update covers any number of duplicates that arrive before it goes out.
    const update = record.lead.status !== 'junk' && !this.#outbox.some((e) => e.intent.kind === 'crm' && e.status === 'pending');
    if (update) this.#enqueueCrm(duplicate.at);
    this.#save();
    if (update) await this.#deliverSoon();
    else await this.#schedule();
    return record;
  }

  /** The owner (or, for a queue, one of its watchers) acknowledges: the SLA clock stops. */
  async acknowledge(by: string, at: number): Promise<AckResult> {
    const record = this.#record;
    if (!record) return { ok: false, reason: 'not_found' };
    const { config } = await configVersion(this.env.LEADS_KV, record.configVersion, this.env.ROUTER.getByName('global'));
    // Whose link it is comes first: a former owner's link neither acknowledges nor shows the lead.
    const allowed = record.owner.kind === 'rep' ? record.owner.id === by : (config.queues[record.owner.id]?.watchers ?? []).includes(by);
    if (!allowed) return { ok: false, reason: 'not_owner', owner: record.owner };
    if (record.acknowledged) return { ok: true, already: true, record };
    record.acknowledged = { at, by };
    this.#event(at, 'acknowledged', `by ${config.reps[by]?.name ?? by} after ${formatDuration(at - record.ownerSince)}`);
    this.#save();
    await this.#schedule();
    return { ok: true, already: false, record };
  }

  /**
   * Closes the lead: escalation stops and the owner has one open lead fewer. Closing twice
   * changes nothing the second time.
   */
  async close(outcome: string, by: string, at: number): Promise<LeadRecord | undefined> {
    const record = this.#record;
    if (!record) return undefined;
    if (record.closed) return record;
    record.closed = { at, outcome, by };
    // Closing as won or lost is also the lead's stage, for conversion by route.
    if ((STAGES as readonly string[]).includes(outcome)) record.stage = { stage: outcome as Stage, at, by };
    this.#event(at, 'closed', `${outcome}, by ${by}`);
    this.#save();
    if (record.owner.kind === 'rep') await this.env.ROUTER.getByName('global').release(record.owner.id);
    await this.#schedule();
    return record;
  }

  /**
   * Records that the lead should have gone to `to` (`rep:<id>` or `queue:<id>`): it feeds
   * first-pass accuracy and the misroute review list. A later report replaces an earlier one.
   */
  async reportMisroute(to: string, by: string, at: number, note?: string): Promise<LeadRecord | undefined> {
    const record = this.#record;
    if (!record) return undefined;
    record.misrouted = { to, by, at, ...(note ? { note } : {}) };
    this.#event(at, 'misrouted', `${by} says it should have gone to ${to}${note ? `: ${note}` : ''}`);
    this.#save();
    await this.#schedule();
    return record;
  }

  /** Records the lead's later stage (accepted, qualified, won, lost), as the CRM or a person reports it. */
  async reportStage(stage: Stage, by: string, at: number): Promise<LeadRecord | undefined> {
    const record = this.#record;
    if (!record) return undefined;
    if (record.stage?.stage === stage) return record;
    record.stage = { stage, at, by };
    this.#event(at, 'outcome', `${stage}, reported by ${by}`);
    this.#save();
    await this.#schedule();
    return record;
  }

  /** The lead, its timeline and its outbox. */
  view(): LeadView | undefined {
    return this.#record ? { record: this.#record, timeline: this.#timeline, outbox: this.#outbox } : undefined;
  }

  /** Runs due escalation steps, then delivers due outbox entries. Safe to run twice. */
  override async alarm(): Promise<void> {
    if (!this.#record) return;
    const now = Date.now();
    // Each phase may fail (another object overloaded, KV down); whatever happens the alarm is
    // set again, so nothing pending is ever left without one.
    let failed = false;
    try {
      await this.#escalate(now);
    } catch {
      failed = true;
    }
    try {
      await this.#deliver();
    } catch {
      failed = true;
    }
    // Also when delivery failed, or nothing was due (an acknowledgement, a misroute report).
    await this.#sendMetrics(Date.now());
    await this.#schedule(failed ? now + RETRY_AFTER_FAILURE_MS : undefined);
  }

  /**
   * Sends the lead's facts to the metrics store when they changed since the last send. The
   * revision sent is stored, so a failed send is retried by a later alarm, and a repeated one
   * is ignored by the store.
   */
  async #sendMetrics(now: number): Promise<void> {
    const record = this.#record!;
    if (this.#rev <= this.#metricsSent || now < this.#metricsRetryAt) return;
    const rev = this.#rev;
    try {
      let dueAt = record.dueAt;
      if (dueAt === undefined) {
        const { config } = await configVersion(this.env.LEADS_KV, record.configVersion, this.env.ROUTER.getByName('global'));
        dueAt = slaDue(record, config, record.receivedAt, record.decision.slaMs);
      }
      const facts = factsOf(record, this.#timeline, this.#outbox, dueAt, rev);
      await this.env.METRICS.getByName('global').ingest([{ facts, ...(this.#metricsSent === 0 ? { lead: record.lead } : {}) }]);
      this.#metricsSent = rev;
      void this.ctx.storage.put('metricsSent', rev);
    } catch {
      this.#metricsRetryAt = now + RETRY_AFTER_FAILURE_MS;
    }
  }

  /**
   * Delivers what is due now within the request rather than on an alarm tick: side effects go
   * out at once, and no alarm runs per lead. The alarm is still set, as a watchdog, should this
   * object be evicted before the run finishes. Sends wait for the writes before them (output gate).
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

  /** Delivers the due outbox entries after any run under way, then tells the metrics store. */
  #deliver(): Promise<void> {
    const run = this.#deliveries.then(() => this.#deliverDue(Date.now())).then(() => this.#sendMetrics(Date.now()));
    this.#deliveries = run.catch(() => undefined);
    return run;
  }

  async #escalate(now: number): Promise<void> {
    const record = this.#record!;
    const steps = record.decision.escalation;
    if (record.acknowledged || record.closed || record.nextStep >= steps.length) return;
    const { config } = await configVersion(this.env.LEADS_KV, record.configVersion, this.env.ROUTER.getByName('global'));
    while (!record.acknowledged && !record.closed && record.nextStep < steps.length) {
      const index = record.nextStep;
      const step = steps[index]!;
      if (slaDue(record, config, record.receivedAt, step.afterMs) > now) return;
      // No acknowledgement or close may slip in while the step waits on another object.
      await this.ctx.blockConcurrencyWhile(() => this.#runStep(step, index, now));
    }
  }

  /**
   * One escalation step. The step index advances in the same write as the step's outcome and
   * its outbox entries, so a second alarm finds the step done; the one call to another object
   * (reassignment) is idempotent on the step's key.
   */
  async #runStep(step: EscalationStep, index: number, now: number): Promise<void> {
    const record = this.#record!;
    const { config } = await configVersion(this.env.LEADS_KV, record.configVersion, this.env.ROUTER.getByName('global'));
    const waited = formatDuration(now - record.ownerSince);
    const previous = record.owner;
    if (step.action === 'reassign') {
      const router = this.env.ROUTER.getByName('global');
      const result = await router.reassign(`${record.id}:step:${index}`, step.pool ?? record.pool, previous.kind === 'rep' ? previous.id : undefined, now);
      if (result.ok) {
        record.owner = result.owner;
        record.ownerSince = now;
        record.pool = result.pool;
        this.#event(now, 'reassigned', `from ${ownerLabel(previous)} to ${result.owner.name} in pool ${result.pool}: not acknowledged after ${waited}`);
        this.#notifyOwner(now, result.owner, []);
        this.#enqueueCrm(now);
      } else {
        this.#event(now, 'escalated', `reassignment skipped: ${result.reason === 'no_pool' ? 'the lead came from no pool' : 'nobody else in the pool is available'}`);
      }
    } else if (step.action === 'alert_manager') {
      const manager = step.notify ?? (previous.kind === 'rep' ? config.reps[previous.id]?.manager : config.queues[previous.id]?.watchers[0]);
      if (manager) {
        this.#event(now, 'escalated', `alerting ${config.reps[manager]?.name ?? manager}: ${ownerLabel(previous)} has not acknowledged after ${waited}`);
        this.#enqueue(now, { kind: 'manager_alert', channel: 'slack', to: manager });
        if (config.reps[manager]?.email) this.#enqueue(now, { kind: 'manager_alert', channel: 'email', to: manager });
      } else {
        this.#event(now, 'escalated', 'manager alert skipped: the owner has no manager');
      }
    } else {
      const queue = config.queues[step.queue];
      record.owner = { kind: 'queue', id: step.queue, name: queue?.name ?? step.queue };
      record.ownerSince = now;
      this.#event(now, 'moved_to_queue', `from ${ownerLabel(previous)} to ${record.owner.name}: not acknowledged after ${waited}`);
      if (previous.kind === 'rep') await this.env.ROUTER.getByName('global').release(previous.id);
      this.#notifyOwner(now, record.owner, queue?.watchers ?? []);
      this.#enqueueCrm(now);
    }
    record.nextStep = index + 1;
    this.#save();
  }

  async #deliverDue(now: number): Promise<void> {
    const record = this.#record!;
    for (const entry of this.#outbox) {
      // A notice to a rep who no longer owns the lead would hand them a link that cannot work.
      if (entry.status === 'pending' && entry.intent.kind === 'owner_notice' && record.owner.kind === 'rep' && entry.intent.to !== record.owner.id) {
        entry.status = 'superseded';
      }
    }
    const due = this.#outbox.filter((e) => e.status === 'pending' && e.nextAt <= now);
    if (due.length === 0) return;
    const { config } = await configVersion(this.env.LEADS_KV, record.configVersion, this.env.ROUTER.getByName('global'));
    const base = Number(this.env.OUTBOX_BASE_DELAY_MS ?? DEFAULT_BASE_DELAY_MS);
    await Promise.all(
      due.map(async (entry) => {
        const delivery = await deliver(entry, { record, config, env: this.env, publicUrl: this.#publicUrl, now });
        const at = Date.now();
        entry.attempts += 1;
        if (delivery.ok) {
          entry.status = 'delivered';
          entry.deliveredAt = at;
          if (delivery.ref !== undefined) entry.ref = delivery.ref;
          this.#event(at, deliveredType(entry.intent), describe(entry.intent, record, config.reps));
        } else if (!delivery.retry || entry.attempts >= MAX_ATTEMPTS) {
          entry.status = 'dead';
          entry.lastError = delivery.error;
          this.#event(at, 'dead_lettered', `${describe(entry.intent, record, config.reps)} failed for good after ${entry.attempts} attempt(s): ${delivery.error}`);
        } else {
          entry.lastError = delivery.error;
          entry.nextAt = at + retryDelay(entry.attempts, base);
          if (entry.attempts === 1) this.#event(at, 'delivery_retry', `${describe(entry.intent, record, config.reps)} failed (${delivery.error}); retrying`);
        }
      }),
    );
    this.#save();
  }

  /** The next alarm: the earliest pending delivery or the next escalation step (or `latest`, if sooner). */
  async #schedule(latest?: number): Promise<void> {
    const record = this.#record;
    if (!record) return;
    let next = latest ?? Number.POSITIVE_INFINITY;
    const now = Date.now();
    // Facts the metrics store has not seen go with the next delivery run, or on the alarm.
    if (this.#rev > this.#metricsSent) next = Math.min(next, this.#kicked > 0 ? now + WATCHDOG_MS : Math.max(now, this.#metricsRetryAt));
    for (const entry of this.#outbox) {
      if (entry.status !== 'pending') continue;
      // What is due now is a request's run to deliver; the alarm only watches over it.
      const at = this.#kicked > 0 && entry.nextAt <= now ? now + WATCHDOG_MS : entry.nextAt;
      if (at < next) next = at;
    }
    const step = record.decision.escalation[record.nextStep];
    if (step && !record.acknowledged && !record.closed) {
      const { config } = await configVersion(this.env.LEADS_KV, record.configVersion, this.env.ROUTER.getByName('global'));
      next = Math.min(next, slaDue(record, config, record.receivedAt, step.afterMs));
    }
    if (next === Number.POSITIVE_INFINITY) await this.ctx.storage.deleteAlarm();
    else await this.ctx.storage.setAlarm(next);
  }

  #notifyOwner(at: number, owner: Owner, watchers: readonly string[]): void {
    const people = owner.kind === 'rep' ? [owner.id] : watchers;
    if (people.length === 0) return;
    this.#enqueue(at, { kind: 'owner_notice', channel: 'slack', to: owner.id });
    for (const person of people) this.#enqueue(at, { kind: 'owner_notice', channel: 'email', to: person });
  }

  #enqueueCrm(at: number): void {
    const targets = Math.max(1, crmTargetCount(this.env));
    for (let target = 0; target < targets; target++) this.#enqueue(at, { kind: 'crm', target });
  }

  #enqueue(at: number, intent: Intent): void {
    this.#outbox.push({ id: `${this.#outbox.length + 1}`, intent, status: 'pending', attempts: 0, nextAt: at, createdAt: at });
  }

  #event(at: number, type: TimelineType, detail: string): void {
    this.#timeline.push({ at, type, detail });
  }

  #save(): void {
    this.#rev += 1;
    // Not awaited: the output gate holds replies (and the alarm's completion) until durable.
    void this.ctx.storage.put({ record: this.#record, timeline: this.#timeline, outbox: this.#outbox, publicUrl: this.#publicUrl, rev: this.#rev });
  }
}

function ownerLabel(owner: Owner): string {
  return owner.kind === 'rep' ? owner.name : `queue ${owner.name}`;
}

function deliveredType(intent: Intent): TimelineType {
  switch (intent.kind) {
    case 'confirmation':
      return 'confirmation_sent';
    case 'owner_notice':
      return 'rep_notified';
    case 'manager_alert':
      return 'manager_alerted';
    case 'crm':
      return 'crm_forwarded';
  }
}

function describe(intent: Intent, record: LeadRecord, reps: Record<string, { name: string }>): string {
  switch (intent.kind) {
    case 'confirmation':
      return `confirmation ${intent.channel} to the lead`;
    case 'owner_notice':
      return `${intent.channel} to ${reps[intent.to]?.name ?? (record.owner.kind === 'queue' ? record.owner.name : intent.to)}`;
    case 'manager_alert':
      return `manager alert (${intent.channel}) to ${reps[intent.to]?.name ?? intent.to}`;
    case 'crm':
      return `CRM record (owner ${ownerLabel(record.owner)})`;
  }
}
