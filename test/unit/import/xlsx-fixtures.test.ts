/**
 * Workbooks saved by LibreOffice (test/fixtures/xlsx/, written by scripts/make-xlsx-fixtures.mjs
 * from the sample company's CSV bills and from hand-written flat ODS files): each reads to the
 * same invoices and charge lines as the CSV it came from, and each quirk reads as it should.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ReadOutcome } from '../../../shared/import/read-bill';
import { readBills } from '../../../shared/import/read-bill';
import { generateSampleCompany } from '../../../shared/sample/index';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/xlsx/${name}`, import.meta.url)));

function draftOf(outcomes: ReadOutcome[]) {
  const [outcome] = outcomes;
  if (outcome?.kind !== 'draft') throw new Error(`Expected a draft: ${JSON.stringify(outcomes)}`);
  return outcome.draft;
}

/** What a draft says about money and identity, without file names. */
function essence(outcomes: ReadOutcome[]) {
  const draft = draftOf(outcomes);
  return {
    profileId: draft.profileId,
    invoices: draft.invoices.map(({ key, invoiceDate, dueDate, statedTotal }) => ({
      key,
      invoiceDate,
      dueDate,
      statedTotal,
    })),
    lines: draft.lines.map(({ invoiceKey, serviceKey, category, amount, sourceRow }) => ({
      invoiceKey,
      serviceKey,
      category,
      amount,
      sourceRow,
    })),
    errors: draft.errors.length,
  };
}

describe('LibreOffice workbooks of the sample company bills', () => {
  const company = generateSampleCompany();
  const csv = (name: string) => {
    const file = company.files.find((candidate) => candidate.name === name);
    if (file === undefined) throw new Error(name);
    return file;
  };

  it.each([
    ['att-premier-2026-10.xlsx', 'att-premier-billing-summary-2026-10.csv'],
    ['lumen-2026-10.xlsx', 'lumen-2026-10.csv'],
  ])('%s reads as %s does', (xlsxName, csvName) => {
    const fromXlsx = essence(readBills([{ name: xlsxName, bytes: fixture(xlsxName) }]));
    const fromCsv = essence(readBills([csv(csvName)]));
    expect(fromXlsx.lines.length).toBeGreaterThan(10);
    expect(fromXlsx).toEqual(fromCsv);
  });
});

describe('LibreOffice quirks workbook', () => {
  it.each([
    ['quirks.xlsx', false],
    ['quirks-1904.xlsx', true],
  ])('%s: cover sheet skipped, title block, formulas, rich text, #N/A, hidden sheet', (name) => {
    const draft = draftOf(readBills([{ name, bytes: fixture(name) }]));
    expect(draft.invoices.map((invoice) => invoice.invoiceDate)).toEqual(['2026-10-01']);
    expect(draft.lines.map((line) => [line.sourceRow, line.description, line.amount])).toEqual([
      [5, 'Ethernet 100M', 125000],
      [6, 'Federal Universal Service Fund', 30],
      [8, 'Credit', -3750],
    ]);
    expect(draft.errors.map((error) => error.message)).toEqual([
      expect.stringMatching(/^Sheet Detail, row 7, column F \(Amount\): .*"#N\/A"/),
    ]);
    expect(draft.warnings?.map((warning) => warning.message)).toEqual([
      expect.stringMatching(/Hidden sheet "Old" not read/),
    ]);
  });
});
