/**
 * SiteHealth: submissions refused at the edge, counted per site, origin and hour, so RevOps
 * sees a site whose form cannot send (a new domain not yet in `SITES`, a site key copied onto
 * another site, a typo in the key) instead of learning of it from leads that never came.
 * One SQLite object (`global`), written at most once every few seconds per isolate
 * (refusal-count.ts batches), read by `GET /v1/admin/refusals` and the dashboard.
 *
 * Bounded whatever an attacker sends (any Origin, any key): at most MAX_KEYS_PER_HOUR rows an
 * hour (later new pairs are added up under `(other)`), site keys and origins cut to a fixed
 * length, and rows older than KEPT_HOURS dropped: at most 30 × 24 × 102 small rows.
 */
import { DurableObject } from 'cloudflare:workers';
import type { AppEnv } from '../app-env.ts';

/** Why a submission was refused: its origin is not allowed for its site, or the site key is unknown or missing. */
export type RefusalReason = 'origin' | 'site';

/** Refused submissions of one site key, origin and reason. */
export interface RefusalCount {
  /** The site key as sent ('' when missing; `(other)` once an hour holds too many pairs). */
  site: string;
  /** The page's origin ('' when the request had none). */
  origin: string;
  reason: RefusalReason;
  count: number;
}

/** The refusals of a period, per site, origin and reason, most refused first. */
export interface RefusalRow extends RefusalCount {
  /** The first and last hour (UTC, ISO) with a refusal in the period. */
  firstHour: string;
  lastHour: string;
}

const HOUR_MS = 3_600_000;
/** Hours of refusals kept: 30 days. */
export const KEPT_HOURS = 30 * 24;
/** Distinct site–origin–reason rows an hour; more fold into `(other)`. */
export const MAX_KEYS_PER_HOUR = 100;
/** The longest site key and origin kept. */
export const MAX_TEXT = 120;
/** The name a folded site or origin takes. */
export const OTHER = '(other)';
/** Rows a read returns at most. */
const MAX_ROWS = 200;

const SCHEMA = `CREATE TABLE IF NOT EXISTS refusals (
  hour INTEGER NOT NULL, site TEXT NOT NULL, origin TEXT NOT NULL, reason TEXT NOT NULL, count INTEGER NOT NULL,
  PRIMARY KEY (hour, site, origin, reason)
) WITHOUT ROWID`;

/** The refusal counts; address it by the name `global`. */
export class SiteHealth extends DurableObject<AppEnv> {
  readonly #sql: SqlStorage;
  /** The last hour this instance pruned in. */
  #prunedHour = 0;

  constructor(ctx: DurableObjectState, env: AppEnv) {
    super(ctx, env);
    this.#sql = ctx.storage.sql;
    this.#sql.exec(SCHEMA);
  }

  /** Adds a batch of counts to the hour of `now`, in one transaction; prunes old hours once an hour. */
  record(counts: RefusalCount[], now = Date.now()): void {
    const hour = Math.floor(now / HOUR_MS);
    this.ctx.storage.transactionSync(() => {
      let keys = this.#sql.exec<{ n: number }>('SELECT count(*) AS n FROM refusals WHERE hour = ?', hour).one().n;
      for (const { site, origin, reason, count } of counts) {
        if (!(count > 0) || (reason !== 'origin' && reason !== 'site')) continue;
        let key = [site.slice(0, MAX_TEXT), origin.slice(0, MAX_TEXT), reason];
        let known = this.#has(hour, key);
        if (!known && keys >= MAX_KEYS_PER_HOUR) {
          key = [OTHER, OTHER, reason];
          known = this.#has(hour, key);
        }
        this.#sql.exec(
          'INSERT INTO refusals (hour, site, origin, reason, count) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET count = count + excluded.count',
          hour,
          ...key,
          Math.floor(count),
        );
        if (!known) keys++;
      }
      if (hour !== this.#prunedHour) {
        this.#sql.exec('DELETE FROM refusals WHERE hour <= ?', hour - KEPT_HOURS);
        this.#prunedHour = hour;
      }
    });
  }

  /** Whether the hour has a row for `[site, origin, reason]`. */
  #has(hour: number, key: string[]): boolean {
    return this.#sql.exec('SELECT 1 FROM refusals WHERE hour = ? AND site = ? AND origin = ? AND reason = ?', hour, ...key).toArray().length > 0;
  }

  /** The refusals of the last `days` days (1–30) up to `now`, per site, origin and reason. */
  refusals(days: number, now = Date.now()): RefusalRow[] {
    const since = Math.floor(now / HOUR_MS) - Math.min(Math.max(1, Math.floor(days)), KEPT_HOURS / 24) * 24 + 1;
    const rows = this.#sql.exec<{ site: string; origin: string; reason: RefusalReason; count: number; first: number; last: number }>(
      'SELECT site, origin, reason, sum(count) AS count, min(hour) AS first, max(hour) AS last FROM refusals WHERE hour >= ? GROUP BY site, origin, reason ORDER BY count DESC, last DESC LIMIT ?',
      since,
      MAX_ROWS,
    );
    return [...rows].map(({ first, last, ...row }) => ({
      ...row,
      firstHour: new Date(first * HOUR_MS).toISOString(),
      lastHour: new Date(last * HOUR_MS).toISOString(),
    }));
  }
}
