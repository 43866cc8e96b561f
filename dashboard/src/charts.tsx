/**
 * Two small SVG charts, enough for the audit: lines over time and labelled bars. No chart
 * library: the dashboard needs these two shapes. The line chart is drawn at the pixel width it
 * is shown at (a ResizeObserver), so its axis labels are 12 px on a phone as on a wide screen,
 * with as many time labels as fit, a grid at round values, and a title per point.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

/** One line of a line chart. */
export interface Series {
  name: string;
  color: string;
  /** One value per x label; null leaves a gap. */
  values: (number | null)[];
}

const H = 210;
const PAD = { left: 52, right: 14, top: 12, bottom: 30 };

/** A round step for about `n` grid lines up to `max` (1, 2 or 5 times a power of ten). */
function niceStep(max: number, n: number): number {
  const raw = max / n;
  const power = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw) || 1;
}

/** The width an element is shown at, kept current. */
function useWidth(initial: number): [(el: HTMLElement | null) => void, number] {
  const [width, setWidth] = useState(initial);
  const observer = useRef<ResizeObserver | undefined>(undefined);
  const ref = (el: HTMLElement | null) => {
    observer.current?.disconnect();
    if (!el) return;
    observer.current = new ResizeObserver(([entry]) => entry && setWidth(Math.max(240, Math.round(entry.contentRect.width))));
    observer.current.observe(el);
  };
  useEffect(() => () => observer.current?.disconnect(), []);
  return [ref, width];
}

/** Lines over a shared x axis (hours, days or weeks), with a grid at round values. */
export function LineChart({
  labels,
  series,
  format,
  title,
  note,
}: {
  labels: string[];
  series: Series[];
  format: (v: number) => string;
  title: string;
  note?: string;
}) {
  const [ref, W] = useWidth(600);
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const step = niceStep(Math.max(1, ...values), 3);
  const max = step * Math.max(1, Math.ceil(Math.max(1, ...values) / step));
  const plot = W - PAD.left - PAD.right;
  const x = (i: number) => PAD.left + (labels.length <= 1 ? plot / 2 : (i * plot) / (labels.length - 1));
  const y = (v: number) => PAD.top + (1 - v / max) * (H - PAD.top - PAD.bottom);
  // As many x labels as fit, about 80 px apart, always the first and the last.
  const every = Math.max(1, Math.ceil(labels.length / Math.max(2, Math.floor(plot / 80))));
  const ticks = labels.map((_, i) => i).filter((i) => i % every === 0 && (labels.length - 1 - i >= every / 2 || i === labels.length - 1));
  if (labels.length > 1 && ticks[ticks.length - 1] !== labels.length - 1) ticks.push(labels.length - 1);
  const grid: number[] = [];
  for (let v = 0; v <= max + step / 2; v += step) grid.push(v);
  return (
    <figure class="chart" ref={ref}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={`${title}: ${series.map((s) => s.name).join(', ')}`}>
        {grid.map((v) => (
          <g key={v}>
            <line x1={PAD.left} y1={y(v)} x2={W - PAD.right} y2={y(v)} class={v === 0 ? 'axis' : 'gridline'} />
            <text x={PAD.left - 6} y={y(v) + 4} class="tick" text-anchor="end">
              {v === 0 ? '0' : format(v)}
            </text>
          </g>
        ))}
        {ticks.map((i) => (
          <text
            key={i}
            x={x(i)}
            y={H - 10}
            class="tick"
            text-anchor={i === 0 && labels.length > 1 ? 'start' : i === labels.length - 1 && labels.length > 1 ? 'end' : 'middle'}
          >
            {labels[i]}
          </text>
        ))}
        {series.map((s) => {
          const points = s.values.map((v, i) => (v === null ? null : ([x(i), y(v), v, labels[i]] as const))).filter((p) => p !== null);
          return (
            <g key={s.name} class="series">
              <polyline fill="none" stroke={s.color} stroke-width="2" points={points.map(([px, py]) => `${px},${py}`).join(' ')} />
              {points.map(([px, py, v, label]) => (
                <circle key={`${px}`} cx={px} cy={py} r={labels.length > 60 ? 2 : 3.5} fill={s.color}>
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
        {note && <span class="muted">{note}</span>}
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
  /** A second mark (e.g. the share expected given availability). */
  expected?: number;
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
              {r.target !== undefined && (
                <span class="target" title={`target ${Math.round(r.target * 100)} %`} style={{ left: `${(100 * r.target) / max}%` }} />
              )}
              {r.expected !== undefined && (
                <span class="expected" title={`expected ${Math.round(r.expected * 100)} %`} style={{ left: `${(100 * r.expected) / max}%` }} />
              )}
            </span>
            <span class="value">{r.text ?? r.value}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
