import {
  Chart,
  Legend,
  LinearScale,
  PointElement,
  ScatterController,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { useEffect, useRef } from 'react';
import type { TimelinePoint } from '../../../shared/contracts';
import { addDays, addMonths, daysBetween, startOfMonth, type IsoDate } from '../../../shared/dates';
import { formatCents } from '../../../shared/money/cents';
import { useResolvedTheme } from '../../components/theme';
import { shortMonth } from './labels';

Chart.register(ScatterController, LinearScale, PointElement, Tooltip, Legend);

function monthTicks(today: IsoDate): { value: number }[] {
  const ticks: { value: number }[] = [];
  for (let months = 1; months <= 24; months += 3) {
    ticks.push({ value: daysBetween(today, startOfMonth(addMonths(today, months))) });
  }
  return ticks;
}

interface Dot {
  x: number;
  y: number;
  point: TimelinePoint;
}

/**
 * The next 24 months of notice deadlines and end dates: one row per contract, days from today
 * across. The same points are in the table under it, for screen readers and for reading values.
 */
export function RenewalsTimeline({
  points,
  today,
}: {
  points: readonly TimelinePoint[];
  today: IsoDate;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const theme = useResolvedTheme();
  const names = [...new Set(points.map((p) => p.name))];
  const namesKey = names.join('|');

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const style = getComputedStyle(document.documentElement);
    const color = (name: string) => style.getPropertyValue(name).trim();
    const dots = (kind: TimelinePoint['kind']): Dot[] =>
      points
        .filter((p) => p.kind === kind)
        .map((p) => ({ x: daysBetween(today, p.date), y: names.indexOf(p.name), point: p }));
    const notices = dots('notice');
    const ends = dots('end');
    const config: ChartConfiguration<'scatter', Dot[]> = {
      type: 'scatter',
      data: {
        datasets: [
          {
            label: 'Notice deadline',
            data: notices,
            pointStyle: 'triangle',
            pointRadius: 8,
            backgroundColor: color('--danger'),
            borderColor: color('--danger'),
          },
          {
            label: 'Term ends',
            data: ends,
            pointStyle: 'circle',
            pointRadius: 6,
            backgroundColor: color('--accent'),
            borderColor: color('--accent'),
          },
        ],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        plugins: {
          legend: { labels: { color: color('--text') } },
          tooltip: {
            callbacks: {
              label: (item) => {
                const dot = (item.datasetIndex === 0 ? notices : ends)[item.dataIndex];
                if (!dot) return '';
                const { point } = dot;
                const what = point.kind === 'notice' ? 'Notice deadline' : 'Term ends';
                const stake =
                  point.atStakeCents > 0 ? ` — ${formatCents(point.atStakeCents)} at stake` : '';
                return `${point.name}: ${what} ${point.date}${stake}`;
              },
            },
          },
        },
        scales: {
          x: {
            type: 'linear',
            min: 0,
            max: daysBetween(today, addDays(today, 731)),
            // A tick on the first of every third month, labelled `Mar 2027`.
            afterBuildTicks: (scale) => {
              scale.ticks = monthTicks(today);
            },
            ticks: {
              color: color('--text-muted'),
              callback: (value) => shortMonth(addDays(today, Math.round(Number(value)))),
            },
            grid: { color: color('--border') },
          },
          y: {
            type: 'linear',
            min: -0.5,
            max: names.length - 0.5,
            reverse: true,
            // One tick per contract, labelled with its name.
            afterBuildTicks: (scale) => {
              scale.ticks = names.map((_, index) => ({ value: index }));
            },
            ticks: {
              autoSkip: false,
              color: color('--text'),
              callback: (value) => names[Number(value)] ?? '',
            },
            grid: { color: color('--border') },
          },
        },
      },
    };
    const chart = new Chart(element, config);
    return () => chart.destroy();
    // `namesKey` stands for `names`, which is rebuilt on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [points, today, theme, namesKey]);

  return (
    <section className="panel renewals-timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Next 24 months</h2>
      {points.length === 0 ? (
        <p>No notice deadline or end date in the next 24 months.</p>
      ) : (
        <>
          <div className="renewals-timeline__chart" style={{ height: 60 + names.length * 34 }}>
            <canvas
              ref={canvas}
              role="img"
              aria-label={`Timeline of ${points.length} notice deadlines and end dates over the next 24 months; the same dates are in the table below.`}
            />
          </div>
          <details>
            <summary>Timeline as a table</summary>
            <table className="data-table">
              <caption>Notice deadlines and end dates in the next 24 months</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Contract</th>
                  <th scope="col">What</th>
                  <th scope="col" className="numeric">
                    At stake
                  </th>
                </tr>
              </thead>
              <tbody>
                {points.map((p) => (
                  <tr key={`${p.contractId}-${p.kind}`}>
                    <td>{p.date}</td>
                    <th scope="row">{p.name}</th>
                    <td>{p.kind === 'notice' ? 'Notice deadline' : 'Term ends'}</td>
                    <td className="numeric">
                      {p.atStakeCents > 0 ? formatCents(p.atStakeCents) : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
