import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef, useState } from 'react';
import { cents, formatAxisDollars, formatCents, type Cents } from '../../../shared/money/cents';
import { wrapLabel } from '../../../shared/text';
import { useResolvedTheme } from '../theme';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

/** Colours that stay apart for colour-blind readers and on both themes. */
export const PALETTE = [
  '#1f5fbf',
  '#e07b00',
  '#2a9d8f',
  '#b83280',
  '#6b7f00',
  '#7a5cff',
  '#c0392b',
  '#5d6d7e',
];

export interface ChartSeries {
  label: string;
  /** Null: no figure for that label (no bar; "—" in the table, never $0.00). */
  values: (Cents | null)[];
  /** Why the value at a label is null, said after its "—" in the table (e.g. "not billed yet"). */
  missingText?: (labelIndex: number) => string;
  /** Fixed colour; by default the palette's next one. */
  color?: string;
}

/**
 * A bar chart of money (Chart.js) — stacked or side by side, vertical or horizontal — following the
 * light/dark theme, with money tooltips, a click that drills down, and the same numbers as a table
 * (every figure a button doing the same drill-down) for screen readers and keyboard users.
 */
export function MoneyBarChart({
  title,
  labels,
  series,
  onSelect,
  stacked = true,
  horizontal = false,
  height = 320,
  signedColors = false,
  missing = 'no figure',
}: {
  title: string;
  labels: string[];
  series: ChartSeries[];
  onSelect?: (seriesIndex: number, labelIndex: number) => void;
  stacked?: boolean;
  horizontal?: boolean;
  height?: number;
  /** Colour bars by sign (increases red, decreases green), for changes. */
  signedColors?: boolean;
  /** What a null value means, said in the table beside its "—" (e.g. "not billed yet"). */
  missing?: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const theme = useResolvedTheme();
  const [asTable, setAsTable] = useState(false);

  useEffect(() => {
    if (!canvas.current || asTable) return;
    const text = theme === 'dark' ? '#dbe3ee' : '#1b2330';
    const grid = theme === 'dark' ? '#323c4c' : '#e3e7ee';
    // -$2,000, never $-2,000. Whole dollars, unless the ticks step by less than a dollar (small
    // amounts): then cents, so that no two ticks read the same.
    const money = (value: number | string, _index: number, ticks: readonly { value: number }[]) =>
      ticks.every((tick) => Number.isInteger(tick.value))
        ? formatAxisDollars(Number(value))
        : formatCents(cents(Math.round(Number(value) * 100)));
    // Nothing but zeros (no change in any month): an axis of whole dollars around the zero line,
    // not Chart.js's 0 to 1 in tenths.
    const allZero = series.every((s) => s.values.every((v) => (v ?? 0) === 0));
    const valueAxis = {
      stacked,
      ...(allZero ? { min: signedColors ? -1 : 0, max: 1 } : {}),
      ticks: { color: text, callback: money, precision: 2, ...(allZero ? { stepSize: 1 } : {}) },
      grid: { color: grid },
    };
    const labelAxis = {
      stacked,
      ticks: {
        color: text,
        autoSkip: !horizontal,
        // Long rule and cost-center names wrap onto lines rather than being cut; the tooltip and
        // the table show them whole.
        callback(this: unknown, value: number | string) {
          const label = labels[Number(value)] ?? String(value);
          return wrapLabel(label, horizontal ? 28 : 16);
        },
      },
      grid: { color: grid },
    };
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels,
        datasets: series.map((s, i) => ({
          label: s.label,
          data: s.values.map((v) => (v === null ? null : v / 100)),
          backgroundColor: signedColors
            ? s.values.map((v) => ((v ?? 0) > 0 ? '#c0392b' : '#2a9d8f'))
            : (s.color ?? PALETTE[i % PALETTE.length]),
          stack: stacked ? 'money' : `series-${i}`,
        })),
      },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { display: series.length > 1, labels: { color: text } },
          tooltip: {
            callbacks: {
              label: (item) => {
                const value = horizontal ? item.parsed.x : item.parsed.y;
                const amount = formatCents(cents(Math.round((value ?? 0) * 100)));
                return series.length > 1 ? `${item.dataset.label ?? ''}: ${amount}` : amount;
              },
            },
          },
        },
        scales: horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis },
        onClick: (_event, elements) => {
          const first = elements[0];
          if (first && onSelect) onSelect(first.datasetIndex, first.index);
        },
        onHover: (event, elements) => {
          const target = event.native?.target;
          if (onSelect && target instanceof HTMLElement)
            target.style.cursor = elements.length > 0 ? 'pointer' : 'default';
        },
      },
    });
    return () => chart.destroy();
  }, [labels, series, theme, asTable, onSelect, stacked, horizontal, signedColors]);

  const cell = (value: Cents | null | undefined, si: number, li: number) =>
    value === undefined ? (
      formatCents(cents(0))
    ) : value === null ? (
      <MissingValue text={series[si]?.missingText?.(li) ?? missing} />
    ) : onSelect ? (
      <button type="button" className="link" onClick={() => onSelect(si, li)}>
        {formatCents(value)}
      </button>
    ) : (
      formatCents(value)
    );

  return (
    <figure className="chart" aria-label={title}>
      <figcaption>
        <span>{title}</span>
        <button
          type="button"
          className="secondary"
          aria-pressed={asTable}
          onClick={() => setAsTable(!asTable)}
        >
          {asTable ? 'Show as chart' : 'Show as table'}
          <span className="visually-hidden">: {title}</span>
        </button>
      </figcaption>
      {asTable ? (
        <div className="chart__table">
          <table className="data-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{horizontal ? '' : 'Series'}</th>
                {horizontal
                  ? series.map((s) => (
                      <th key={s.label} scope="col" className="numeric">
                        {s.label}
                      </th>
                    ))
                  : labels.map((label) => (
                      <th key={label} scope="col" className="numeric">
                        {label}
                      </th>
                    ))}
              </tr>
            </thead>
            <tbody>
              {horizontal
                ? labels.map((label, li) => (
                    <tr key={label}>
                      <th scope="row">{label}</th>
                      {series.map((s, si) => (
                        <td key={s.label} className="numeric">
                          {cell(s.values[li], si, li)}
                        </td>
                      ))}
                    </tr>
                  ))
                : series.map((s, si) => (
                    <tr key={s.label}>
                      <th scope="row">{s.label}</th>
                      {s.values.map((v, li) => (
                        <td key={li} className="numeric">
                          {cell(v, si, li)}
                        </td>
                      ))}
                    </tr>
                  ))}
            </tbody>
          </table>
        </div>
      ) : (
        <div className="chart__canvas" style={{ height }}>
          <canvas
            ref={canvas}
            role="img"
            aria-label={`${title}. Use "Show as table" for the numbers.`}
          />
        </div>
      )}
    </figure>
  );
}

/** "—" for a value that does not exist, with its reason as a tooltip and for screen readers. */
function MissingValue({ text }: { text: string | undefined }) {
  return (
    <span title={text}>
      —{text !== undefined && <span className="visually-hidden"> ({text})</span>}
    </span>
  );
}
