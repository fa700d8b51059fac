/**
 * A charge description longer than Excel's limit of 32,767 characters a cell: the chargeback
 * workbook cuts it to fit (a longer cell makes Excel refuse or "repair" the file), ends it with a
 * visible marker, lists it on a "Cut text" sheet and says so; amounts are untouched.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCliWorkspace, runCliCaptured } from '../helpers/cli-workspace';
import { inspectXlsx } from '../helpers/xlsx-inspect';

const HEADER =
  'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Category,Description,Amount';
let dir = '';

beforeEach(async () => {
  dir = await makeCliWorkspace('temdesk-cli-chargeback-long-text-');
  await writeFile(
    join(dir, 'bills', 'october.csv'),
    `${HEADER}\nLumen,5-KE4X-001,754240482,2026-10-01,555-010-0001,MRC,"${'C'.repeat(40_000)}",850.00\n`,
  );
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('chargeback XLSX of a charge with a 40,000-character description', () => {
  it('keeps every cell within 32,767 characters and says what was cut', async () => {
    const out = join(dir, 'chargeback.xlsx');
    const run = await runCliCaptured([
      'chargeback',
      ...['--sites', join(dir, 'sites.csv'), '--inventory', join(dir, 'inventory.csv')],
      ...['--contracts', join(dir, 'contracts.csv'), '--bills', join(dir, 'bills')],
      ...['--month', '2026-10', '--out', out],
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "Notice: 1 cell held text longer than Excel's limit of 32,767 characters (Detail!",
    );
    const book = inspectXlsx(new Uint8Array(await readFile(out)));
    const texts = book.sheets.flatMap((sheet) =>
      sheet.values.flat().filter((value): value is string => typeof value === 'string'),
    );
    expect(Math.max(...texts.map((text) => text.length))).toBe(32_767);
    expect(texts.some((text) => /^C+… \(cut: 7,258 characters\)$/.test(text))).toBe(true);
    expect(book.sheets.map((sheet) => sheet.name)).toContain('Cut text');
    const summary = book.sheets.find((sheet) => sheet.name === 'Summary');
    expect(summary?.values.at(-1)).toContain(850);
  });
});
