/**
 * Every kind of bill file a user brings, read by the import's one reader (`readBills`, the code
 * the app's worker and the CLI run) in Node: the same 100,000 charge lines as CSV, TSV, pipe, a ZIP
 * of the CSV, an Excel workbook and an EDI X12 811 interchange, each beside PapaParse reading the
 * same rows as CSV in the same run. Printed, never asserted on time.
 */
import { strToU8, zipSync } from 'fflate';
import { it } from 'vitest';
import { readBills, type ReadOutcome } from '../../shared/import/read-bill';
import Papa from 'papaparse';
import { draftAsX12 } from '../fixtures/generate/edi-811';
import { chargeLineVolume } from './xlsx-volume';
import { median, reportBench, type BenchRow } from './report';

const LINES = 100_000;

function linesOf(outcomes: readonly ReadOutcome[]): number {
  let lines = 0;
  for (const outcome of outcomes) {
    if (outcome.kind !== 'draft') throw new Error(`A bench file was not read: ${outcome.kind}`);
    lines += outcome.draft.lines.length;
  }
  return lines;
}

function timed(read: () => number, expected: number): number {
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    const lines = read();
    times.push(performance.now() - start);
    if (lines !== expected) throw new Error(`Read ${lines} lines, expected ${expected}`);
  }
  return median(times);
}

it('every bill source: 100,000 charge lines read to a draft', () => {
  const { csv, xlsx } = chargeLineVolume(LINES);
  const [csvOutcome] = readBills([{ name: 'lumen.csv', bytes: strToU8(csv) }]);
  if (csvOutcome?.kind !== 'draft') throw new Error('The CSV was not read');
  const edi = draftAsX12(csvOutcome.draft);
  const sources: [label: string, name: string, bytes: Uint8Array][] = [
    ['CSV (comma)', 'lumen.csv', strToU8(csv)],
    ['TSV (tab)', 'lumen.tsv', strToU8(csv.replaceAll(',', '\t'))],
    ['pipe-delimited text', 'lumen.txt', strToU8(csv.replaceAll(',', '|'))],
    ['ZIP holding the CSV', 'lumen.zip', zipSync({ 'lumen.csv': strToU8(csv) })],
    ['Excel workbook (.xlsx)', 'lumen.xlsx', xlsx],
    ['EDI X12 811 (.811)', 'lumen.811', strToU8(edi)],
  ];

  const raw = median(
    [0, 1, 2].map(() => {
      const start = performance.now();
      const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true });
      if (parsed.data.length !== LINES + 1) throw new Error('PapaParse misread the CSV');
      return performance.now() - start;
    }),
  );
  const rows: BenchRow[] = sources.map(([label, name, bytes]) => ({
    measure: `${label}, ${(bytes.length / 1024 / 1024).toFixed(1)} MB → draft of ${LINES.toLocaleString('en-US')} lines`,
    value: timed(() => linesOf(readBills([{ name, bytes }])), LINES),
    limit: 2_000,
    raw,
    rawLabel: 'PapaParse alone on the CSV',
  }));
  reportBench('sources', 'Every bill source in Node, 100,000 charge lines, median of 3', rows);
});
