/**
 * AccountSync: one object per CRM (`hubspot`, `salesforce`) fills the accounts index from it,
 * a few pages per alarm, saving its cursor after every page. A rate limit sets the alarm for
 * when the CRM says to come back; a restart resumes from the saved cursor; a second start while
 * one runs changes nothing. The first run, and one every `accountIndex.fullSyncEvery` (7 days),
 * is full and then drops the accounts the CRM no longer has; the others are incremental, from
 * where the last one started (minus a margin for the CRM's search index lag).
 */
import { DurableObject } from 'cloudflare:workers';
import { parseDuration } from '../../shared/time/duration.ts';
import type { AppEnv } from '../app-env.ts';
import { liveConfig } from './live-config.ts';
import { providerSettings } from '../providers/settings.ts';
import type { PageOutcome, PageQuery, Stream } from './crm-page.ts';
import { hubspotPage } from './hubspot-sync.ts';
import { salesforcePage } from './salesforce-sync.ts';
import { dropUnseen, upsertAccounts, upsertContacts } from './store.ts';

/** The CRMs the index syncs from. */
export type Crm = 'hubspot' | 'salesforce';

/** A run in progress. */
interface Running {
  run: number;
  full: boolean;
  streams: Stream[];
  stream: number;
  cursor?: string;
  since?: number;
  pages: number;
  accounts: number;
  contacts: number;
  /** Failures in a row, for the backoff. */
  attempts: number;
  /** Set while waiting out a rate limit. */
  waitingUntil?: number;
  note?: string;
}

/** What the sync says about itself (`GET /v1/admin/accounts/sync`). */
export interface SyncStatus {
  crm: Crm;
  running?: Running;
  /** The last finished (or failed) run. */
  last?: {
    run: number;
    full: boolean;
    finishedAt: number;
    accounts: number;
    contacts: number;
    dropped?: { accounts: number; contacts: number };
    error?: string;
  };
  /** Incremental runs read what changed since this instant, per stream. */
  watermarks: Partial<Record<Stream, number>>;
  lastFullAt?: number;
}

const PAGES_PER_ALARM = 10;
const MAX_ATTEMPTS = 8;
/** How far back an incremental run reaches before the last run's start: CRM search indexes lag. */
const MARGIN_MS = 5 * 60_000;
const DEFAULT_FULL_EVERY_MS = 7 * 86_400_000;

/** The sync object of one CRM; address it by the CRM's name. */
export class AccountSync extends DurableObject<AppEnv> {
  #status: SyncStatus | undefined;

  /**
   * Starts a run unless one is running. Full when asked, on the first run, or when the last
   * full run is older than `fullSyncEvery`.
   * @returns the status, or the reason it cannot start (the CRM is not configured)
   */
  async start(crm: Crm, full = false, now = Date.now()): Promise<SyncStatus | { error: string }> {
    const status = await this.#load(crm);
    if (status.running) {
      // An alarm may have been lost to a deploy: make sure the run goes on.
      if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(Math.max(now, status.running.waitingUntil ?? now));
      return status;
    }
    const setup = await this.#setup(crm);
    if ('error' in setup) return setup;
    const { config } = await liveConfig(this.env, now);
    const everyMs = parseDuration(config.accountIndex?.fullSyncEvery ?? '') ?? DEFAULT_FULL_EVERY_MS;
    const isFull = full || status.watermarks.accounts === undefined || now - (status.lastFullAt ?? 0) >= everyMs;
    const streams: Stream[] = setup.contacts ? ['accounts', 'contacts'] : ['accounts'];
    status.running = { run: now, full: isFull, streams, stream: 0, pages: 0, accounts: 0, contacts: 0, attempts: 0 };
    if (!isFull && status.watermarks.accounts !== undefined) status.running.since = status.watermarks.accounts;
    await this.#save();
    await this.ctx.storage.setAlarm(now);
    return status;
  }

  /** The sync's status. */
  async status(crm: Crm): Promise<SyncStatus> {
    return this.#load(crm);
  }

  /** Reads up to a few pages, then hands over to the next alarm. Safe to run twice: pages are upserts and the cursor is saved after each. */
  override async alarm(): Promise<void> {
    const status = this.#status ?? (await this.ctx.storage.get<SyncStatus>('status'));
    if (!status?.running) return;
    this.#status = status;
    const run = status.running;
    const setup = await this.#setup(status.crm);
    if ('error' in setup) return this.#finish(status, setup.error);
    delete run.waitingUntil;
    for (let n = 0; n < PAGES_PER_ALARM; n++) {
      const now = Date.now();
      const stream = run.streams[run.stream]!;
      const q: PageQuery = { stream, now };
      if (run.cursor !== undefined) q.cursor = run.cursor;
      if (run.since !== undefined) q.since = run.since;
      const outcome: PageOutcome = await setup.page(q);
      if (outcome.kind === 'wait') {
        run.waitingUntil = outcome.until;
        run.note = outcome.why;
        await this.#save();
        await this.ctx.storage.setAlarm(outcome.until);
        return;
      }
      if (outcome.kind === 'error') {
        run.attempts++;
        run.note = outcome.why;
        if (!outcome.retry || run.attempts >= MAX_ATTEMPTS) return this.#finish(status, outcome.why);
        await this.#save();
        await this.ctx.storage.setAlarm(now + Math.min(3_600_000, 2_000 * 3 ** (run.attempts - 1)));
        return;
      }
      const { page } = outcome;
      if (page.accounts.length > 0) await upsertAccounts(this.env.ACCOUNTS_DB, page.accounts, run.run);
      if (page.contacts.length > 0) await upsertContacts(this.env.ACCOUNTS_DB, page.contacts, run.run);
      run.attempts = 0;
      delete run.note;
      run.pages++;
      run.accounts += page.accounts.length;
      run.contacts += page.contacts.length;
      if (page.next !== undefined) run.cursor = page.next;
      else if (page.restartSince !== undefined) {
        delete run.cursor;
        run.since = page.restartSince;
      } else if (run.stream + 1 < run.streams.length) {
        run.stream++;
        delete run.cursor;
        const since = status.watermarks[run.streams[run.stream]!];
        if (run.full || since === undefined) delete run.since;
        else run.since = since;
      } else return this.#finish(status);
      await this.#save();
    }
    await this.ctx.storage.setAlarm(Date.now());
  }

  /** Ends the run: on success moves the watermarks (and, after a full run, drops what the CRM no longer has). */
  async #finish(status: SyncStatus, error?: string): Promise<void> {
    const run = status.running!;
    const last: NonNullable<SyncStatus['last']> = { run: run.run, full: run.full, finishedAt: Date.now(), accounts: run.accounts, contacts: run.contacts };
    if (error !== undefined) last.error = error;
    else {
      if (run.full) {
        last.dropped = await dropUnseen(this.env.ACCOUNTS_DB, status.crm, run.run);
        status.lastFullAt = run.run;
      }
      for (const stream of run.streams) status.watermarks[stream] = run.run - MARGIN_MS;
    }
    status.last = last;
    delete status.running;
    await this.#save();
  }

  /** The CRM's connection and the config's choices for it, or why it cannot sync. */
  async #setup(crm: Crm): Promise<{ contacts: boolean; page: (q: PageQuery) => Promise<PageOutcome> } | { error: string }> {
    const settings = providerSettings(this.env as unknown as Record<string, string | undefined>).crm;
    const { config } = await liveConfig(this.env);
    const choices = config.accountIndex?.[crm] ?? {};
    const fields = { ...(choices.tier ? { tier: choices.tier } : {}), ...(choices.customerSince ? { customerSince: choices.customerSince } : {}) };
    for (const s of settings) {
      if (s.kind === 'hubspot' && crm === 'hubspot') return { contacts: choices.contacts === true, page: (q) => hubspotPage(s, fields, q) };
      if (s.kind === 'salesforce' && crm === 'salesforce') return { contacts: choices.contacts === true, page: (q) => salesforcePage(s, fields, q) };
    }
    return {
      error:
        crm === 'hubspot'
          ? 'HubSpot is not connected: set the HUBSPOT_TOKEN secret'
          : 'Salesforce is not connected: set SALESFORCE_INSTANCE_URL and SALESFORCE_ACCESS_TOKEN',
    };
  }

  async #load(crm: Crm): Promise<SyncStatus> {
    this.#status ??= (await this.ctx.storage.get<SyncStatus>('status')) ?? { crm, watermarks: {} };
    return this.#status;
  }

  async #save(): Promise<void> {
    await this.ctx.storage.put('status', this.#status);
  }
}
