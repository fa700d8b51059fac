#!/usr/bin/env node
// Writes the XLSX fixtures of test/fixtures/xlsx/ with LibreOffice (`soffice --headless`), once:
// the results are committed, so tests never need LibreOffice. Run: node scripts/make-xlsx-fixtures.mjs
//
// - att-premier-2026-10.xlsx: the sample company's AT&T Premier billing summary for 2026-10, as
//   LibreOffice imports the CSV (amounts and dates become numeric cells with currency and date
//   formats; the account number columns are imported as text, as a careful user would, so their
//   leading zeros survive).
// - lumen-2026-10.xlsx: the sample's Lumen bill, in TEM Desk's charge-line format.
// - quirks.xlsx, quirks-1904.xlsx: from the hand-written flat ODS sources in
//   test/fixtures/xlsx/source/ (cover sheet, title block, rich text, cached formulas, an =NA()
//   error cell, a hidden sheet; the second in the 1904 date system).
// - inventory-account-zeros.xlsx: an inventory whose account numbers were typed as numbers, one
//   in a General cell (0012345 saved as 12345: its zeros lost in the file itself), one in a cell
//   formatted `0000000` (saved as 67890, shown as 0067890), from its flat ODS source.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'test/fixtures/xlsx');
const work = mkdtempSync(join(tmpdir(), 'xlsx-fixtures-'));

try {
  // The sample generator is TypeScript: bundle it for Node, then call it.
  const bundle = join(work, 'sample.mjs');
  await build({
    entryPoints: [join(root, 'shared/sample/index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: bundle,
    logLevel: 'warning',
  });
  const { generateSampleCompany } = await import(pathToFileURL(bundle).href);
  const company = generateSampleCompany({ endMonth: '2026-10' });
  const pick = (name) => {
    const file = company.files.find((candidate) => candidate.name === name);
    if (file === undefined) throw new Error(`The sample has no ${name}`);
    return file.bytes;
  };

  const convert = (source, filter) => {
    const args = ['--headless', '--convert-to', 'xlsx', '--outdir', work, source];
    if (filter !== undefined) args.splice(1, 0, `--infilter=${filter}`);
    execFileSync('soffice', args, { stdio: 'inherit' });
  };

  writeFileSync(
    join(work, 'att-premier-2026-10.csv'),
    pick('att-premier-billing-summary-2026-10.csv'),
  );
  // CSV filter: comma, double quote, UTF-8 (76), from line 1; then column/format pairs:
  // 1 standard, 2 text, 3 MM/DD/YY date. Foundation account (1) and Account number (3) as text.
  convert(join(work, 'att-premier-2026-10.csv'), 'CSV:44,34,76,1,1/2/3/2/12/3/13/3');
  writeFileSync(join(work, 'lumen-2026-10.csv'), pick('lumen-2026-10.csv'));
  convert(join(work, 'lumen-2026-10.csv'), 'CSV:44,34,76,1,2/2/3/2');
  for (const name of ['quirks', 'quirks-1904', 'inventory-account-zeros'])
    convert(join(out, 'source', `${name}.fods`));

  mkdirSync(out, { recursive: true });
  for (const name of [
    'att-premier-2026-10',
    'lumen-2026-10',
    'quirks',
    'quirks-1904',
    'inventory-account-zeros',
  ]) {
    copyFileSync(join(work, `${name}.xlsx`), join(out, `${name}.xlsx`));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
