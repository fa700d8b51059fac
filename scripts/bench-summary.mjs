// One table of every figure a `npm run bench` run measured (read back from the JSON each bench
// keeps in test-results/bench/): result, target, result ÷ target, raw baseline and result ÷ raw,
// with a verdict column, so a run shows at a glance which targets it met.

/** @param {number | undefined} value @param {number} digits */
function cell(value, digits = 0) {
  return value === undefined || value === null
    ? '—'
    : value.toLocaleString('en-US', {
        maximumFractionDigits: digits,
        minimumFractionDigits: digits,
      });
}

/**
 * @param {{ title: string; rows: { measure: string; value: number; unit?: string; limit?: number;
 *   raw?: number; rawLabel?: string; rawLimit?: number }[] }[]} reports
 */
export function summaryTable(reports) {
  const lines = [
    '**Summary of this run** (every figure with its target and its raw baseline from the same run)',
    '',
    '| table | measure | result | target | raw baseline | result ÷ raw | met |',
    '|---|---|---:|---:|---|---:|:---:|',
  ];
  for (const report of reports) {
    for (const row of report.rows) {
      const unit = row.unit ?? 'ms';
      const ratio = row.raw ? row.value / row.raw : undefined;
      const targets = [];
      if (row.limit !== undefined) targets.push(`≤ ${cell(row.limit)} ${unit}`);
      if (row.rawLimit !== undefined) targets.push(`≤ ${cell(row.rawLimit, 1)}× raw`);
      const met =
        row.limit === undefined && row.rawLimit === undefined
          ? '—'
          : (row.limit === undefined || row.value <= row.limit) &&
              (row.rawLimit === undefined || (ratio !== undefined && ratio <= row.rawLimit))
            ? 'yes'
            : 'no';
      const title = report.title.replace(/\*\*/g, '').split(' (')[0];
      lines.push(
        `| ${title} | ${row.measure} | ${cell(row.value)} ${unit} | ${targets.join(', ') || '—'} | ${
          row.raw === undefined ? '—' : `${row.rawLabel ?? 'raw'}: ${cell(row.raw)} ${unit}`
        } | ${cell(ratio, 2)} | ${met} |`,
      );
    }
  }
  return lines.join('\n');
}
