/**
 * Two small SVG charts, enough for the audit: lines over days and labelled bars. No chart
 * library: the dashboard needs these two shapes, drawn accessibly (a title per point, a table
 * behind every chart for screen readers is the lists beside them).
 */

/** One line of a line chart. */
export interface Series {
  name: string;
  color: string;
  /** One value per x label; null leaves a gap. */
  values: (number | null)[];
}

const W = 640;
const H = 200;
const PAD = { left: 56, right: 12, top: 12, bottom: 28 };

/** Lines over a shared x axis (days), with the largest value and zero on the y axis. */
export function LineChart({ labels, series, format, title }: { labels: string[]; series: Series[]; format: (v: number) => string; title: string }) {
  const max = Math.max(1, ...series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  const x = (i: number) => PAD.left + (labels.length <= 1 ? (W - PAD.left - PAD.right) / 2 : (i * (W - PAD.left - PAD.right)) / (labels.length - 1));
  const y = (v: number) => PAD.top + (1 - v / max) * (H - PAD.top - PAD.bottom);
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title}>
        <line x1={PAD.left} y1={y(0)} x2={W - PAD.right} y2={y(0)} class="axis" />
        <text x={PAD.left - 6} y={y(max) + 4} class="tick" text-anchor="end">{format(max)}</text>
        <text x={PAD.left - 6} y={y(0) + 4} class="tick" text-anchor="end">0</text>
        {labels.length > 0 && <text x={x(0)} y={H - 8} class="tick">{labels[0]}</text>}
        {labels.length > 1 && <text x={x(labels.length - 1)} y={H - 8} class="tick" text-anchor="end">{labels[labels.length - 1]}</text>}
        {series.map((s) => {
          const points = s.values.map((v, i) => (v === null ? null : ([x(i), y(v), v, labels[i]] as const))).filter((p) => p !== null);
          return (
            <g key={s.name} class="series">
              <polyline fill="none" stroke={s.color} stroke-width="2" points={points.map(([px, py]) => `${px},${py}`).join(' ')} />
              {points.map(([px, py, v, label]) => (
                <circle cx={px} cy={py} r="3.5" fill={s.color}>
                  <title>{`${s.name}, ${label}: ${format(v)}`}</title>
                </circle>
              ))}
            </g>
          );
        })}
      </svg>
      <div class="legend">
        {series.map((s) => (
          <span key={s.name}>
            <i style={{ background: s.color }} /> {s.name}
          </span>
        ))}
      </div>
    </figure>
  );
}

/** One bar. */
export interface Bar {
  label: string;
  value: number;
  /** Shown after the bar (defaults to the value). */
  text?: string;
  href?: string;
  /** A target as a share of the largest value's scale (0–1), drawn as a mark. */
  target?: number;
}

/** Horizontal bars, longest first as given; each label can link to the leads behind it. */
export function Bars({ rows, title, scale }: { rows: Bar[]; title: string; scale?: number }) {
  const max = scale ?? Math.max(1, ...rows.map((r) => r.value));
  return (
    <figure class="bars">
      <figcaption>{title}</figcaption>
      {rows.length === 0 && <p class="muted">No leads in this period.</p>}
      <ul>
        {rows.map((r) => (
          <li key={r.label}>
            <span class="label">{r.href ? <a href={r.href}>{r.label}</a> : r.label}</span>
            <span class="track">
              <span class="fill" style={{ width: `${(100 * r.value) / max}%` }} />
              {r.target !== undefined && <span class="target" title={`target ${Math.round(r.target * 100)} %`} style={{ left: `${(100 * r.target) / max}%` }} />}
            </span>
            <span class="value">{r.text ?? r.value}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
