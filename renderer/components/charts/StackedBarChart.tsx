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
import { cents, formatCents, type Cents } from '../../../shared/money/cents';
import { useResolvedTheme } from '../../app/useTheme';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

const PALETTE = [
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
  values: Cents[];
}

/**
 * A stacked bar chart of money (Chart.js), following the light/dark theme, with money tooltips, a
 * click that drills down, and the same numbers as a table for screen readers and keyboard users.
 */
export function StackedBarChart({
  title,
  labels,
  series,
  onSelect,
}: {
  title: string;
  labels: string[];
  series: ChartSeries[];
  onSelect?: (seriesIndex: number, labelIndex: number) => void;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const theme = useResolvedTheme();
  const [asTable, setAsTable] = useState(false);

  useEffect(() => {
    if (!canvas.current || asTable) return;
    const text = theme === 'dark' ? '#dbe3ee' : '#1b2330';
    const grid = theme === 'dark' ? '#323c4c' : '#e3e7ee';
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels,
        datasets: series.map((s, i) => ({
          label: s.label,
          data: s.values.map((v) => v / 100),
          backgroundColor: PALETTE[i % PALETTE.length],
          stack: 'spend',
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { labels: { color: text } },
          tooltip: {
            callbacks: {
              label: (item) =>
                `${item.dataset.label ?? ''}: ${formatCents(cents(Math.round((item.parsed.y ?? 0) * 100)))}`,
            },
          },
        },
        scales: {
          x: { stacked: true, ticks: { color: text }, grid: { color: grid } },
          y: {
            stacked: true,
            ticks: {
              color: text,
              callback: (value) => `$${Number(value).toLocaleString('en-US')}`,
            },
            grid: { color: grid },
          },
        },
        onClick: (_event, elements) => {
          const first = elements[0];
          if (first && onSelect) onSelect(first.datasetIndex, first.index);
        },
      },
    });
    return () => chart.destroy();
  }, [labels, series, theme, asTable, onSelect]);

  return (
    <figure className="chart">
      <figcaption>
        <span>{title}</span>
        <button
          type="button"
          className="secondary"
          aria-pressed={asTable}
          onClick={() => setAsTable(!asTable)}
        >
          {asTable ? 'Show as chart' : 'Show as table'}
        </button>
      </figcaption>
      {asTable ? (
        <table className="data-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Series</th>
              {labels.map((label) => (
                <th key={label} scope="col" className="numeric">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {series.map((s, si) => (
              <tr key={s.label}>
                <th scope="row">{s.label}</th>
                {s.values.map((v, li) => (
                  <td key={li} className="numeric">
                    {onSelect ? (
                      <button type="button" className="link" onClick={() => onSelect(si, li)}>
                        {formatCents(v)}
                      </button>
                    ) : (
                      formatCents(v)
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <div className="chart__canvas">
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
