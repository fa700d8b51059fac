/** AT&T pooling report: each line's own pooled data (Data rows) and minutes (Voice rows), usage only. */
import { describe, expect, it } from 'vitest';
import { readBill } from '../../../helpers/read-bill';
import { readDraft } from '../fixtures';
import { carrierFile } from './carrier-fixtures';

const SUMMARY = 'att-premier-billing.synthetic.csv';
const POOLING = 'att-pooling.synthetic.csv';

describe('AT&T pooling report read with its billing summary', () => {
  const draft = readDraft([carrierFile(POOLING), carrierFile(SUMMARY)]);
  const usageOf = (key: string) => draft.usage.find((u) => u.serviceKey === key);

  it('adds no charge: the pooling credits are already on the bill', () => {
    expect(draft.invoices).toHaveLength(1);
    expect(draft.lines.reduce((sum, line) => sum + line.amount, 0)).toBe(10854);
  });

  it("gives each line's own pooled KB and minutes; messages are unknown, never zero", () => {
    expect(usageOf('+15550300001')).toMatchObject({
      invoiceKey: draft.invoices[0]?.key,
      month: '2026-03',
      dataKb: 106_739_098,
      minutes: 1250,
      messages: null,
      sourceFile: POOLING,
    });
    // Its Voice row says N/A: minutes stay unknown.
    expect(usageOf('+15550300002')).toMatchObject({
      dataKb: 2_097_152,
      minutes: null,
      messages: null,
    });
  });

  it('reports a pool type it cannot read with file, row and column', () => {
    expect(draft.errors).toEqual([
      expect.objectContaining({ sourceFile: POOLING, row: 6, column: 'Pool type' }),
    ]);
    expect(draft.errors[0]?.message).toContain('"Messaging"');
  });
});

describe('AT&T pooling report without its bill', () => {
  it('is refused whole with a sentence naming the bill to import', () => {
    const outcome = readBill([carrierFile(POOLING)]);
    expect(outcome.kind).toBe('unreadable');
    expect(JSON.stringify(outcome)).toContain(
      'An AT&T pooling report holds usage only: import it together with the AT&T Premier billing summary report of account 287099000001 for the cycle ending 2026-03-02',
    );
  });
});

describe('AT&T pooling report with the usage detail of the same bill', () => {
  it('keeps the usage detail figures: the same use is not counted twice', () => {
    const draft = readDraft([
      carrierFile(POOLING),
      carrierFile('att-usage-detail.synthetic.csv'),
      carrierFile(SUMMARY),
    ]);
    expect(draft.usage.map((u) => [u.serviceKey, u.dataKb, u.sourceFile])).toEqual([
      ['+15550300001', 3417, 'att-usage-detail.synthetic.csv'],
      ['+15550300002', 1_048_576, 'att-usage-detail.synthetic.csv'],
    ]);
  });
});
