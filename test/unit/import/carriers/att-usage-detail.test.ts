/** AT&T usage detail (ADE): summed per wireless number per cycle onto the Premier summary's invoice. */
import { describe, expect, it } from 'vitest';
import { isoDate } from '../../../../shared/dates';
import {
  ATT_DETAIL_WITH_SUMMARY,
  attDetailAlone,
} from '../../../../shared/import/profiles/att-usage-detail';
import { readBill } from '../../../helpers/read-bill';
import { readDraft } from '../fixtures';
import { carrierFile, editedCarrierFile } from './carrier-fixtures';

const SUMMARY = 'att-premier-billing.synthetic.csv';
const DETAIL = 'att-usage-detail.synthetic.csv';

describe('AT&T usage detail read with its billing summary', () => {
  const draft = readDraft([carrierFile(DETAIL), carrierFile(SUMMARY)]);
  const usageOf = (key: string) => draft.usage.find((u) => u.serviceKey === key);

  it('reads both files as one AT&T draft whose charges come from the summary only', () => {
    expect(draft.profileId).toBe('att-premier-summary');
    expect(draft.invoices).toHaveLength(1);
    expect(draft.invoices[0]).toMatchObject({
      accountNumber: '287099000001',
      invoiceDate: '2026-03-09',
      periodEnd: '2026-03-02',
    });
    // $58.42 + $50.12: the detail's `$1.25` and `($948.03)` are not charge lines.
    expect(draft.lines.reduce((sum, line) => sum + line.amount, 0)).toBe(10854);
  });

  it('sums minutes (whole and m:ss), KB ("2,393") and messages (events of texts) per line', () => {
    expect(usageOf('+15550300001')).toMatchObject({
      invoiceKey: draft.invoices[0]?.key,
      month: '2026-03',
      minutes: 15.5,
      dataKb: 3417,
      messages: 3,
      sourceFile: DETAIL,
    });
    expect(usageOf('+15550300002')).toMatchObject({ minutes: 45, dataKb: 1_048_576, messages: 0 });
  });

  it('reports a bad cell with its file, row and column, and ignores the customer columns', () => {
    expect(draft.errors).toHaveLength(2);
    expect(draft.errors[0]).toMatchObject({ sourceFile: DETAIL, row: 10, column: 'KB usage' });
    expect(draft.errors[0]?.message).toContain('"lots"');
  });

  it('says which bill to import for the account the pick has no summary of', () => {
    expect(usageOf('+15550300003')).toBeUndefined();
    expect(draft.errors[1]).toMatchObject({
      sourceFile: DETAIL,
      row: 12,
      message: `Row 12: ${attDetailAlone('287099000002', isoDate(2026, 3, 2))}`,
    });
  });
});

describe('AT&T usage detail without its bill', () => {
  it('is refused whole with a sentence naming the bill to import', () => {
    const outcome = readBill([carrierFile(DETAIL)]);
    expect(outcome.kind).toBe('unreadable');
    expect(JSON.stringify(outcome)).toContain(
      'AT&T Premier billing summary report of account 287099000001 for the cycle ending 2026-03-02',
    );
  });
});

describe('AT&T usage detail with a summary that already gives usage', () => {
  it('keeps the summary figures and says the detail was not read again', () => {
    const summary = editedCarrierFile(SUMMARY, (text) =>
      text
        .replace(
          '"Total adjustments"',
          '"Total adjustments","Total KB usage","Total minutes usage"',
        )
        .replace(/("\$0\.00","\$0\.00")\n/g, '$1,"10","20"\n'),
    );
    const draft = readDraft([summary, carrierFile(DETAIL)]);
    expect(draft.usage.map((u) => [u.serviceKey, u.minutes, u.dataKb, u.sourceFile])).toEqual([
      ['+15550300001', 20, 10, SUMMARY],
      ['+15550300002', 20, 10, SUMMARY],
    ]);
    expect(draft.ignoredFiles).toContainEqual({
      sourceFile: DETAIL,
      reason: ATT_DETAIL_WITH_SUMMARY,
    });
  });
});

describe('AT&T usage detail without a Source or Charge description column', () => {
  it('leaves messages unknown (null), never zero', () => {
    const detail = editedCarrierFile(DETAIL, (text) =>
      text.replace('"Charge description"', '"Charge text"').replace('"Source"', '"Origin"'),
    );
    const draft = readDraft([carrierFile(SUMMARY), detail]);
    const usage = draft.usage.find((u) => u.serviceKey === '+15550300001');
    expect(usage).toMatchObject({ minutes: 15.5, dataKb: 3417, messages: null });
  });
});
