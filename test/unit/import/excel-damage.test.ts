/**
 * Identifiers Excel has saved in scientific notation (`2.87012E+11`): their last digits are gone,
 * so two accounts would read as one. The row is refused, naming the cell; never merged.
 */
import { PINNED_TODAY } from '../../helpers/clock';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guessInventoryMapping, readInventoryRows } from '../../../shared/inventory/import';
import { readTabularFile } from '../../../shared/inventory/table-file';
import { readBill } from '../../helpers/read-bill';

const bytes = (text: string) => new TextEncoder().encode(text);

/** The AT&T Premier fixture as Excel re-saves it: every 12-digit account number in E notation. */
function premierResavedByExcel(): string {
  const text = readFileSync(
    new URL('../../fixtures/carriers/att-premier-billing.synthetic.csv', import.meta.url),
    'utf8',
  );
  return text.replace(/"(2870\d{8})"/g, (_match, digits: string) => {
    const mantissa = (Number(digits) / 1e11).toFixed(5);
    return `"${mantissa}E+11"`;
  });
}

describe('identifiers in scientific notation', () => {
  it('refuses each bill row whose account number Excel turned into 2.87099E+11', () => {
    const text = premierResavedByExcel();
    expect(text).toContain('"2.87099E+11"');
    const outcome = readBill([{ name: 'premier.csv', bytes: bytes(text) }]);
    if (outcome.kind !== 'draft') throw new Error(outcome.kind);
    expect(outcome.draft.invoices).toEqual([]);
    expect(outcome.draft.errors.length).toBeGreaterThan(0);
    expect(outcome.draft.errors[0]).toMatchObject({
      row: 2,
      column: 'Account number',
      message: expect.stringContaining(
        '"2.87099E+11" is a number in scientific notation: Excel saved the file with the column as a number and dropped its last digits',
      ),
    });
  });

  it('refuses the same in the canonical layout: account, invoice and service columns', () => {
    const outcome = readBill([
      {
        name: 'charges.csv',
        bytes: bytes(
          [
            'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Category,Amount',
            'Lumen,5-KE4X-001,7.5424E+11,2026-10-01,555-010-0001,MRC,850.00',
            'Lumen,5-KE4X-001,754240482,2026-10-01,5.5501E+9,MRC,45.00',
            'Lumen,5-KE4X-001,754240482,2026-10-01,555-010-0003,MRC,45.00',
            '',
          ].join('\n'),
        ),
      },
    ]);
    if (outcome.kind !== 'draft') throw new Error(outcome.kind);
    expect(outcome.draft.errors.map((error) => [error.row, error.column])).toEqual([
      [2, 'Invoice Number'],
      [3, 'Service ID'],
    ]);
    expect(outcome.draft.lines.map((line) => line.serviceIdRaw)).toEqual(['555-010-0003']);
  });

  it('refuses an inventory row whose account or service ID is in scientific notation', () => {
    const table = readTabularFile(
      'inventory.csv',
      bytes(
        [
          'Site Code,Carrier,Account Number,Service Type,Service ID',
          'STR-1,AT&T Mobility,2.87012E+11,mobile,555-010-0001',
          'STR-1,AT&T Mobility,287012399999,mobile,5.5501E+09',
          'STR-1,AT&T Mobility,287012399999,mobile,555-010-0003',
          '',
        ].join('\n'),
      ),
    );
    if (!table.ok) throw new Error(JSON.stringify(table.errors));
    const { drafts, errors } = readInventoryRows(
      table.value,
      guessInventoryMapping(table.value.header),
      PINNED_TODAY,
    );
    expect(errors.map((error) => [error.row, error.column])).toEqual([
      [2, 'Account Number'],
      [3, 'Service ID'],
    ]);
    expect(drafts.map((draft) => draft.serviceIdRaw)).toEqual(['555-010-0003']);
  });
});
