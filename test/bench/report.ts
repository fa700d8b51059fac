import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One measured figure, with the target it must meet and the raw baseline from the same run. */
export interface BenchRow {
  measure: string;
  /** Milliseconds (or whatever `unit` says). */
  value: number;
  unit?: string;
  /** The target from the issue, same unit; lower is better. */
  limit?: number;
  /** A target stated against the raw baseline: result ÷ raw must be at most this. */
  rawLimit?: number;
  /** What the raw library/API does for the same work in the same run. */
  raw?: number;
  rawLabel?: string;
}

function cell(value: number | undefined, digits = 0): string {
  return value === undefined
    ? '—'
    : value.toLocaleString('en-US', {
        maximumFractionDigits: digits,
        minimumFractionDigits: digits,
      });
}

/** A markdown table (pasted into the README as is) with the ratios against limit and raw figure. */
export function benchTable(title: string, rows: readonly BenchRow[]): string {
  const lines = [
    `**${title}**`,
    '',
    '| measure | result | target | result ÷ target | raw baseline (same run) | result ÷ raw |',
    '|---|---:|---:|---:|---|---:|',
  ];
  for (const row of rows) {
    const unit = row.unit ?? 'ms';
    lines.push(
      `| ${row.measure} | ${cell(row.value)} ${unit} | ${row.limit === undefined ? '—' : `≤ ${cell(row.limit)} ${unit}`} | ${
        row.limit === undefined ? '—' : cell(row.value / row.limit, 2)
      } | ${row.raw === undefined ? '—' : `${row.rawLabel ?? 'raw'}: ${cell(row.raw)} ${unit}`} | ${
        row.raw === undefined || row.raw === 0 ? '—' : cell(row.value / row.raw, 2)
      } |`,
    );
  }
  return lines.join('\n');
}

/** Prints the table and keeps it (and the numbers) in test-results/bench/ for the README. */
export function reportBench(
  name: string,
  title: string,
  rows: readonly BenchRow[],
  extra: object = {},
): void {
  const table = benchTable(title, rows);
  console.log(`\n${table}\n`);
  const dir = join(process.cwd(), 'test-results', 'bench');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.md`), `${table}\n`);
  // The extras first: a figure of theirs named `rows` or `title` must not replace the table.
  writeFileSync(join(dir, `${name}.json`), JSON.stringify({ ...extra, title, rows }, null, 2));
}

/** The median of a few runs: steadier than one run on a busy 2-core machine. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
