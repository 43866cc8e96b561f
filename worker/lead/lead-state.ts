/**
 * One lead as a LeadObject holds it in memory: its record, timeline and outbox, the events since
 * the timeline's last page, and the helpers that grow them (an event, a side effect to deliver,
 * the owner's notices, the CRM record). `save` writes the lead's row, the latest events with it;
 * once they are PAGE_EVENTS, they go to a page of their own first (lead/store.ts).
 */
import type { Owner } from '../../shared/routing/types.ts';
import { PAGE_EVENTS, type LeadRow, type LeadStore, type LoadedLead } from './store.ts';
import type { Intent, LeadRecord, NoticeReason, OutboxEntry, TimelineEvent, TimelineType } from './record.ts';

/** Outbox entries kept once delivered: the latest few, and the first of each kind (the audit reads it). */
const DELIVERED_KEPT = 30;

/** A lead in memory. */
export class LeadState {
  record: LeadRecord;
  timeline: TimelineEvent[];
  outbox: OutboxEntry[];
  rev: number;
  /**
   * The latest revision the metrics store has taken. Stored with the lead's next save, not on its
   * own (a row written per send): after a restart it may be behind, and a revision the store
   * already has is sent again with the next send (the store ignores it).
   */
  metricsSent: number;
  /** After a failed metrics send, the next try waits until then. */
  metricsRetryAt = 0;
  publicUrl: string;
  /** Idempotency keys of the latest submissions joined to this lead: a client's retry joins once. */
  submissionKeys: string[];
  #pages: number;
  /** Events since the last page: kept in the lead's row. */
  #latest: TimelineEvent[];

  constructor(loaded: LoadedLead) {
    this.record = loaded.record;
    this.timeline = loaded.timeline;
    this.outbox = loaded.outbox;
    this.rev = loaded.rev;
    this.metricsSent = loaded.metricsSent;
    this.publicUrl = loaded.publicUrl;
    this.submissionKeys = loaded.submissionKeys ?? [];
    this.#pages = loaded.pages;
    this.#latest = loaded.events ?? [];
  }

  /** A new lead, not yet saved. */
  static fresh(record: LeadRecord, publicUrl: string): LeadState {
    return new LeadState({ record, timeline: [], outbox: [], rev: 0, metricsSent: 0, publicUrl, pages: 0 });
  }

  get id(): string {
    return this.record.id;
  }

  /** Adds an event to the timeline (saved with the next `save`). */
  event(at: number, type: TimelineType, detail: string): void {
    const event = { at, type, detail };
    this.timeline.push(event);
    this.#latest.push(event);
  }

  /** Queues a side effect, due at `at`. */
  enqueue(at: number, intent: Intent): void {
    let last = 0;
    for (const entry of this.outbox) last = Math.max(last, Number(entry.id) || 0);
    this.outbox.push({ id: String(last + 1), intent, status: 'pending', attempts: 0, nextAt: at, createdAt: at });
  }

  /** Tells the owner (a rep, or a queue's watchers) on Slack and by email; `reason` says why if the lead is not new to them. */
  notifyOwner(at: number, owner: Owner, watchers: readonly string[], reason?: NoticeReason, context: { from?: string; before?: string } = {}): void {
    const people = owner.kind === 'rep' ? [owner.id] : watchers;
    if (people.length === 0) return;
    const why = reason === undefined ? {} : { reason, ...context };
    this.enqueue(at, { kind: 'owner_notice', channel: 'slack', to: owner.id, ...why });
    for (const person of people) this.enqueue(at, { kind: 'owner_notice', channel: 'email', to: person, ...why });
  }

  /** Sends the record, as it is when delivered, to every CRM target. */
  enqueueCrm(at: number, targets: number): void {
    for (let target = 0; target < Math.max(1, targets); target++) this.enqueue(at, { kind: 'crm', target });
  }

  /** True when a CRM update is queued and not yet sent: a later change rides on it. */
  crmPending(): boolean {
    return this.outbox.some((e) => e.intent.kind === 'crm' && e.status === 'pending');
  }

  /** The row as stored. */
  row(): LeadRow {
    return {
      record: this.record,
      outbox: this.outbox,
      rev: this.rev,
      metricsSent: this.metricsSent,
      publicUrl: this.publicUrl,
      submissionKeys: this.submissionKeys,
      events: this.#latest,
    };
  }

  /** Writes the lead (a new revision): one row, and a page first when its latest events fill one. */
  save(store: LeadStore): void {
    this.rev += 1;
    this.#trimOutbox();
    if (this.#latest.length >= PAGE_EVENTS) {
      store.savePage(this.id, this.#pages, this.#latest);
      this.#pages += 1;
      this.#latest = [];
    }
    store.saveLead(this.id, this.row());
  }

  /** Records that the metrics store has taken revision `rev` (stored with the next save). */
  markMetricsSent(rev: number): void {
    this.metricsSent = rev;
  }

  /**
   * Bounds the outbox: delivered entries beyond the latest few go (their delivery is on the
   * timeline), except the first of each kind, which the audit's speed-to-lead figures read.
   */
  #trimOutbox(): void {
    const done = this.outbox.filter((e) => e.status === 'delivered' || e.status === 'superseded');
    if (done.length <= DELIVERED_KEPT) return;
    const firsts = new Set<OutboxEntry>();
    const seen = new Set<string>();
    for (const entry of this.outbox) {
      const kind = `${entry.intent.kind}:${'channel' in entry.intent ? entry.intent.channel : ''}`;
      if (!seen.has(kind)) {
        seen.add(kind);
        firsts.add(entry);
      }
    }
    const drop = new Set(done.slice(0, done.length - DELIVERED_KEPT).filter((e) => !firsts.has(e)));
    this.outbox = this.outbox.filter((e) => !drop.has(e));
  }
}
