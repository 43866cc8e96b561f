/**
 * The overview's review box: when the rules were last reviewed (quarterly, seeds/001 and
 * seeds/004), what a review should look at now (shared/review/checklist.ts, from the last 90
 * days), a button to record the review (published with the config, so the history shows it),
 * and this week's spot-check.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PoolShares } from '../../shared/metrics/fairness.ts';
import type { MetricsReport } from '../../shared/metrics/types.ts';
import { reviewChecklist } from '../../shared/review/checklist.ts';
import { dateWords } from '../../shared/config/words.ts';
import { api, ApiError } from './api.ts';
import { author, rememberAuthor } from './config/draft.ts';
import { publishConfig } from './config/publish.tsx';
import { liveConfig, type LiveConfig } from './names.ts';
import { confirmed, weeklySample } from './spot-check.tsx';

const DAY_MS = 86_400_000;

/** The review box. */
export function Review({ live: given }: { live: LiveConfig | undefined }) {
  // The live config as this box last saw it: recording a review publishes a new version.
  const [fresh, setFresh] = useState<LiveConfig>();
  const live = fresh && given && fresh.version > given.version ? fresh : given;
  const [report, setReport] = useState<MetricsReport & { pools: PoolShares[] }>();
  const [spot, setSpot] = useState<{ done: number; of: number }>();
  const [marking, setMarking] = useState(false);
  const [notice, setNotice] = useState<string>();
  useEffect(() => {
    const to = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 89 * DAY_MS).toISOString().slice(0, 10);
    api<MetricsReport & { pools: PoolShares[] }>(`/metrics?from=${from}&to=${to}`)
      .then(setReport)
      .catch(() => undefined);
    weeklySample()
      .then(async ({ leads }) => {
        const done = await confirmed(leads);
        setSpot({ done: leads.filter((l) => l.misroutedTo || done[l.id]).length, of: leads.length });
      })
      .catch(() => undefined);
  }, [live?.version]);
  if (!live || !report) return null;
  const review = reviewChecklist(live.config, report, Date.now());
  return (
    <section class="card review" aria-labelledby="review-title">
      <h2 id="review-title">Review</h2>
      <p>
        {review.last
          ? `Rules last reviewed ${dateWords(review.last.at)}${review.last.by ? ` by ${review.last.by}` : ''}. `
          : 'The rules have never been reviewed. '}
        {review.due ? (
          <strong class="warn">A quarterly review is due.</strong>
        ) : (
          `Next review by ${dateWords(new Date(Date.parse(review.last!.at) + 91 * DAY_MS).toISOString().slice(0, 10))}.`
        )}
      </p>
      <details open={review.due}>
        <summary>What a review should look at ({review.items.length})</summary>
        {review.items.length === 0 ? (
          <p class="muted">Nothing stands out in the last 90 days.</p>
        ) : (
          <ul>
            {review.items.map((i) => (
              <li key={i.text}>
                <a href={i.link}>{i.text}</a>
              </li>
            ))}
          </ul>
        )}
      </details>
      {spot && (
        <p>
          Weekly spot-check: <a href="#/spot-check">{spot.of === 0 ? 'no routed lead last week' : `${spot.done} of ${spot.of} of last week's leads checked`}</a>
        </p>
      )}
      {notice && <p role="status">{notice}</p>}
      {!marking ? (
        <button type="button" onClick={() => setMarking(true)}>
          Mark the rules as reviewed
        </button>
      ) : (
        <form
          class="fields"
          aria-label="Record the review"
          onSubmit={(e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget);
            const note = String(data.get('note') ?? '').trim();
            const by = String(data.get('by') ?? '').trim();
            rememberAuthor(by);
            api<{ config: Record<string, unknown> }>(`/config/versions/${live.version}`)
              .then(({ config }) =>
                publishConfig(
                  { ...config, reviewed: { at: new Date().toISOString().slice(0, 10), ...(by ? { by } : {}), ...(note ? { note } : {}) } },
                  `Quarterly review${note ? `: ${note}` : ''}`,
                  by,
                  live.version,
                ),
              )
              .then(async (r) => {
                setFresh(await liveConfig(true));
                setMarking(false);
                setNotice(`Review recorded as v${r.version}.`);
              })
              .catch((err: Error) =>
                setNotice(err instanceof ApiError && err.status === 409 ? 'Someone published meanwhile: reload and try again.' : err.message),
              );
          }}
        >
          <label class="wide">
            What the review found <input name="note" maxLength={400} placeholder="Removed the unused Payroll rule; rebalanced SDRs" />
          </label>
          <label>
            Your name <input name="by" defaultValue={author()} maxLength={80} />
          </label>
          <button type="submit" class="primary">
            Record the review
          </button>
        </form>
      )}
    </section>
  );
}
