'use client';
/**
 * A small time-series chart drawn as inline SVG: paired bars or a filled line, a value axis with
 * round ticks, UTC date labels, a native tooltip per point, a summary for screen readers
 * (role="img" + aria-label) and the numbers as a table behind a disclosure. Its box has one
 * aspect ratio whether loading, empty or drawn.
 */
import { useEffect, useRef, useState } from 'react';
import { bucketLabel, bucketName, labelledIndexes, niceMax } from './chart-scale';
import styles from './charts.module.css';

export interface ChartSeries {
  label: string;
  color: string;
  values: readonly number[];
}

export interface TimeChartProps {
  title: string;
  /** Bucket starts (ISO), oldest first; one value per series per start. */
  starts: readonly string[];
  bucketSeconds: number;
  series: readonly ChartSeries[];
  kind: 'bars' | 'area';
  /** Shown instead of the chart when every value is zero. */
  emptyMessage: string;
}

/** The drawing is as wide as its box in CSS pixels (so text keeps its size) and 200 px tall. */
const DEFAULT_WIDTH = 640;
const HEIGHT = 200;
const PAD = { top: 10, right: 8, bottom: 26, left: 36 };
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;

/** The box's width, followed as it changes (phone rotation, window resizing). */
function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry && entry.contentRect.width > 0) setWidth(Math.round(entry.contentRect.width));
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

export function TimeChart(props: TimeChartProps) {
  const { starts, series, bucketSeconds } = props;
  const { ref, width } = useWidth();
  const total = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0);
  const empty = series.every((one) => total(one.values) === 0);
  const first = starts[0];
  const last = starts.at(-1);
  const period =
    first && last
      ? `from ${bucketName(first, bucketSeconds)} to ${bucketName(last, bucketSeconds)}`
      : '';
  const summary = `${props.title} ${period}: ${series
    .map((one) => `${total(one.values)} ${one.label.toLowerCase()}`)
    .join(', ')}.`;

  return (
    <figure className="chart" style={{ margin: 0 }}>
      {series.length > 1 && (
        <ul className={styles.legend} aria-hidden="true">
          {series.map((one) => (
            <li key={one.label}>
              <span className={styles.swatch} style={{ background: one.color }} />
              {one.label}
            </li>
          ))}
        </ul>
      )}
      <div className={styles.frame} ref={ref}>
        {empty ? (
          <div className={styles.empty}>
            <p>{props.emptyMessage}</p>
          </div>
        ) : (
          <svg
            className={styles.svg}
            viewBox={`0 0 ${width} ${HEIGHT}`}
            role="img"
            aria-label={summary}
          >
            <Plot {...props} width={width} />
          </svg>
        )}
      </div>
      <details className={styles.data}>
        <summary>Show data: {props.title.toLowerCase()}</summary>
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{summary}</caption>
            <thead>
              <tr>
                <th scope="col">{bucketSeconds < 86_400 ? 'Hour (UTC)' : 'Day (UTC)'}</th>
                {series.map((one) => (
                  <th key={one.label} scope="col" className="numeric">
                    {one.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {starts.map((start, index) => (
                <tr key={start}>
                  <th scope="row">{bucketName(start, bucketSeconds)}</th>
                  {series.map((one) => (
                    <td key={one.label} className="numeric">
                      {one.values[index] ?? 0}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

/** The same box as a drawn chart, shimmering while the numbers load. */
export function ChartPlaceholder(props: { busy: boolean }) {
  return (
    <div className={styles.frame} role="status" aria-busy={props.busy || undefined}>
      {props.busy && <span className="visually-hidden">Loading chart…</span>}
      <div className={props.busy ? styles.placeholder : styles.empty} />
    </div>
  );
}

function Plot(props: TimeChartProps & { width: number }) {
  const { starts, series, bucketSeconds, width } = props;
  const plotWidth = width - PAD.left - PAD.right;
  const top = niceMax(Math.max(0, ...series.flatMap((one) => one.values)));
  const slot = plotWidth / Math.max(1, starts.length);
  const y = (value: number) => PAD.top + PLOT_H - (value / top) * PLOT_H;
  const x = (index: number) => PAD.left + slot * index + slot / 2;
  const ticks = [0, top / 2, top].filter((tick) => Number.isInteger(tick));
  // A date label needs about 64 px.
  const labelled = labelledIndexes(starts.length, Math.max(2, Math.floor(plotWidth / 64)));
  return (
    <>
      {ticks.map((tick) => (
        <g key={tick}>
          <line
            className={tick === 0 ? styles.axis : styles.grid}
            x1={PAD.left}
            x2={width - PAD.right}
            y1={y(tick)}
            y2={y(tick)}
          />
          <text className={styles.tick} x={PAD.left - 6} y={y(tick) + 4} textAnchor="end">
            {tick}
          </text>
        </g>
      ))}
      {labelled.map((index) => {
        const start = starts[index];
        if (!start) return null;
        return (
          <text
            key={start}
            className={styles.tick}
            x={x(index)}
            y={HEIGHT - 8}
            textAnchor={index === 0 ? 'start' : index === starts.length - 1 ? 'end' : 'middle'}
          >
            {bucketLabel(start, bucketSeconds)}
          </text>
        );
      })}
      {props.kind === 'bars' ? (
        <Bars starts={starts} series={series} bucketSeconds={bucketSeconds} slot={slot} y={y} />
      ) : (
        <Area starts={starts} series={series} bucketSeconds={bucketSeconds} x={x} y={y} />
      )}
    </>
  );
}

interface PartProps {
  starts: readonly string[];
  series: readonly ChartSeries[];
  bucketSeconds: number;
  y: (value: number) => number;
}

function Bars(props: PartProps & { slot: number }) {
  const { starts, series, slot, y } = props;
  const groupWidth = Math.min(slot * 0.8, 48);
  const barWidth = groupWidth / series.length;
  return (
    <g>
      {starts.map((start, index) => {
        const left = PAD.left + slot * index + (slot - groupWidth) / 2;
        return series.map((one, position) => {
          const value = one.values[index] ?? 0;
          if (value === 0) return null;
          return (
            <rect
              key={`${start}-${one.label}`}
              className={styles.bar}
              x={left + position * barWidth}
              y={y(value)}
              width={Math.max(1, barWidth - 1)}
              height={y(0) - y(value)}
              fill={one.color}
            >
              <title>{`${bucketName(start, props.bucketSeconds)}: ${value} ${one.label.toLowerCase()}`}</title>
            </rect>
          );
        });
      })}
    </g>
  );
}

function Area(props: PartProps & { x: (index: number) => number }) {
  const { starts, series, x, y } = props;
  return (
    <g>
      {series.map((one) => {
        const points = starts.map((_, index) => `${x(index)},${y(one.values[index] ?? 0)}`);
        const baseline = `${x(starts.length - 1)},${y(0)} ${x(0)},${y(0)}`;
        return (
          <g key={one.label}>
            <polygon points={`${points.join(' ')} ${baseline}`} fill={one.color} opacity={0.18} />
            <polyline
              points={points.join(' ')}
              fill="none"
              stroke={one.color}
              strokeWidth={2}
              vectorEffect="non-scaling-stroke"
            />
            {starts.map((start, index) => (
              <circle
                key={start}
                cx={x(index)}
                cy={y(one.values[index] ?? 0)}
                r={3}
                fill={one.color}
              >
                <title>{`${bucketName(start, props.bucketSeconds)}: ${one.values[index] ?? 0} ${one.label.toLowerCase()}`}</title>
              </circle>
            ))}
          </g>
        );
      })}
    </g>
  );
}
