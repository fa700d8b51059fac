/**
 * Bell ACC, MOB and DTL reports saved as Excel workbooks (LibreOffice, from the CSV fixtures, every
 * column as text as Bell's portal writes them): the same recognition, the same two header rows
 * (English, then French: the second is not data), the same invoices, lines and usage as the CSV.
 */
import { describe, expect, it } from 'vitest';
import type { BillDraft } from '../../../../shared/import/draft';
import { readDraft } from '../fixtures';
import { carrierFile, AS_WRITTEN } from './carrier-fixtures';

/** What a draft says about money, usage and rows, without file names. */
function essence(draft: BillDraft) {
  return {
    profileId: draft.profileId,
    invoices: draft.invoices.map(({ key, invoiceDate, statedTotal, parts }) => ({
      key,
      invoiceDate,
      statedTotal,
      parts: parts?.map((part) => part.kind),
    })),
    lines: draft.lines.map(({ serviceKey, description, category, amount, sourceRow }) => ({
      serviceKey,
      description,
      category,
      amount,
      sourceRow,
    })),
    usage: draft.usage.map(({ serviceKey, month, minutes, messages, dataKb, sourceRow }) => ({
      serviceKey,
      month,
      minutes,
      messages,
      dataKb,
      sourceRow,
    })),
    errors: draft.errors.map(({ row, message }) => ({ row, message })),
    skipped: draft.skipped.map(({ row, reason }) => ({ row, reason })),
  };
}

const read = (ext: 'csv' | 'xlsx', parts: string[]) =>
  readDraft(
    parts.map((part) => carrierFile(`bell-${part}.synthetic.${ext}`)),
    AS_WRITTEN,
  );

describe('Bell reports saved as XLSX', () => {
  it.each([[['acc', 'mob']], [['acc', 'dtl']], [['mob']]])(
    '%j read from workbooks as from the CSV files',
    (parts) => {
      const fromXlsx = read('xlsx', parts);
      const fromCsv = read('csv', parts);
      expect(fromXlsx.lines.length + fromXlsx.usage.length).toBeGreaterThan(2);
      expect(essence(fromXlsx)).toEqual(essence(fromCsv));
    },
  );

  it('skips the French header row of each sheet and says so, reading no row as data twice', () => {
    const draft = read('xlsx', ['acc', 'mob']);
    expect(draft.errors).toEqual([]);
    expect(draft.skipped).toEqual([
      expect.objectContaining({
        sourceFile: 'bell-mob.synthetic.xlsx',
        row: 2,
        reason: 'Not imported: a second header row (the column names again, e.g. in French).',
      }),
      expect.objectContaining({ sourceFile: 'bell-acc.synthetic.xlsx', row: 2 }),
    ]);
    expect(draft.invoices[0]?.parts).toEqual([
      { kind: 'bell-acc', sourceFile: 'bell-acc.synthetic.xlsx' },
      { kind: 'bell-mob', sourceFile: 'bell-mob.synthetic.xlsx' },
    ]);
    expect(draft.usage.map((u) => [u.minutes, u.messages, u.dataKb])).toEqual([
      [95.5, 42, 2_097_664],
      [22, 7, 1_126_400],
      [0, 0, 0],
    ]);
  });
});
