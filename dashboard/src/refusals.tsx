/**
 * Submissions refused at the edge, on the overview: per site key and origin, how many leads a
 * page could not send (its origin not in `SITES`, or a site key nobody knows), from
 * `GET /v1/admin/refusals`. The visitor saw a message and the marketer an `error` event; this
 * is where RevOps sees it, before the missing leads are noticed.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from './api.ts';

/** One row of `GET /v1/admin/refusals`. */
interface Refusal {
  site: string;
  siteName: string | null;
  origin: string;
  reason: 'origin' | 'site';
  count: number;
  firstHour: string;
  lastHour: string;
}

/** What each reason means to RevOps, and what fixes it. */
const REASONS: Record<Refusal['reason'], string> = {
  origin: 'origin not allowed for the site: add it to SITES if it is yours',
  site: 'unknown site key: a typo in data-site, or a key copied elsewhere',
};

/** The refusals of the last `days` days (at most 30: what the store keeps). */
export function Refusals({ days }: { days: number }) {
  const period = Math.min(days, 30);
  const [rows, setRows] = useState<Refusal[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api<{ refusals: Refusal[] }>(`/refusals?days=${period}`).then(
      (body) => setRows(body.refusals),
      (e: Error) => setError(e.message),
    );
  }, [period]);
  return (
    <>
      <h2>Refused at the edge (last {period} days)</h2>
      {error ? (
        <p role="alert" class="error">
          {error}
        </p>
      ) : !rows ? (
        <p class="muted">Loading…</p>
      ) : rows.length === 0 ? (
        <p class="muted">None: every submission came from an allowed origin with a known site key.</p>
      ) : (
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th>Site</th>
                <th>Origin</th>
                <th>Refused</th>
                <th>Why</th>
                <th>Last seen (UTC hour)</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr class="warn">
                  <td>{row.siteName ? `${row.siteName} (${row.site})` : row.site || '(no key)'}</td>
                  <td>{row.origin || '(none)'}</td>
                  <td>{row.count}</td>
                  <td>{REASONS[row.reason]}</td>
                  <td>{row.lastHour.slice(0, 13).replace('T', ' ')}:00</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
