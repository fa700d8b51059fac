/** Verizon's Acct & Wireless Charges Detail Summary Usage: its usage rows per line, never its charges. */
import { describe, expect, it } from 'vitest';
import { VERIZON_DETAIL_WITH_SUMMARY } from '../../../../shared/import/profiles/verizon-usage-detail';
import { verizonChargesDetailAlone } from '../../../../shared/import/profiles/verizon-charges-detail';
import { readBill } from '../../../helpers/read-bill';
import { fixtureFile, readDraft, totalOf } from '../fixtures';
import { carrierFile } from './carrier-fixtures';

const DETAIL = 'verizon-charges-detail-usage.synthetic.txt';
const encoder = new TextEncoder();

/** The summary of the same invoice without its usage columns (renamed: read as nothing). */
function summaryWithoutUsage() {
  const file = fixtureFile('verizon-wireless-summary.txt');
  const text = new TextDecoder()
    .decode(file.bytes)
    .replace(
      /\t(Voice Plan Usage|Messaging Usage|Data Usage \(\w+\)|Voice Roaming|Messaging Roaming|Data Roaming \(\w+\))/g,
      '\tNote $1',
    );
  return { name: 'Account & Wireless Summary.txt', bytes: encoder.encode(text) };
}

describe('Charges Detail Summary Usage with a summary that has no usage columns', () => {
  const summaryOnly = readDraft([summaryWithoutUsage()]);
  const draft = readDraft([carrierFile(DETAIL), summaryWithoutUsage()]);
  const usageOf = (key: string) => draft.usage.find((u) => u.serviceKey === key);

  it('adds no charge: the lines are the summary’s alone', () => {
    expect(draft.invoices).toHaveLength(1);
    expect(draft.lines).toHaveLength(summaryOnly.lines.length);
    expect(totalOf(draft.lines)).toBe(totalOf(summaryOnly.lines));
  });

  it('sums Used per line by unit (GB and MB as KB, "1,215" minutes), never the allowance', () => {
    expect(usageOf('+15550000001')).toMatchObject({
      invoiceKey: draft.invoices[0]?.key,
      month: '2021-08',
      minutes: 1215,
      messages: 42,
      dataKb: 1_572_864,
      sourceFile: DETAIL,
    });
    // The "Previous" period row is skipped; the "lots" messages cell is an error: messages unknown.
    expect(usageOf('+15550000002')).toMatchObject({ minutes: 7, messages: null, dataKb: 524_800 });
    expect(draft.skipped).toContainEqual(expect.objectContaining({ sourceFile: DETAIL, row: 10 }));
  });

  it('reports the bad Used cell and the row of an invoice the download lacks', () => {
    expect(draft.errors.map((e) => [e.sourceFile, e.row, e.column])).toEqual([
      [DETAIL, 11, 'Used'],
      [DETAIL, 12, undefined],
    ]);
    expect(draft.errors[1]?.message).toContain(
      verizonChargesDetailAlone('123456789-00002', '9876543299'),
    );
  });
});

describe('Charges Detail Summary Usage with a summary that gives usage', () => {
  it('keeps the summary figures and says the detail is not counted again', () => {
    const draft = readDraft([carrierFile(DETAIL), fixtureFile('verizon-wireless-summary.txt')]);
    expect(draft.usage.every((u) => u.sourceFile === 'verizon-wireless-summary.txt')).toBe(true);
    expect(draft.ignoredFiles).toContainEqual({
      sourceFile: DETAIL,
      reason: VERIZON_DETAIL_WITH_SUMMARY,
    });
  });
});

describe('Charges Detail Summary Usage alone', () => {
  it('is refused naming the summary to import', () => {
    const outcome = readBill([carrierFile(DETAIL)]);
    expect(outcome).toMatchObject({ kind: 'unreadable' });
    if (outcome.kind === 'unreadable') {
      expect(outcome.message).toContain(verizonChargesDetailAlone('123456789-00001', '9876543210'));
    }
  });

  it('attaches to the summary stored earlier', () => {
    const summary = readDraft([summaryWithoutUsage()]);
    const stored = summary.invoices.map((invoice) => ({
      carrierName: invoice.carrierName,
      accountNumber: invoice.accountNumber,
      invoiceNumber: invoice.invoiceNumber,
      invoiceDate: invoice.invoiceDate,
    }));
    const draft = readDraft([carrierFile(DETAIL)], { storedInvoices: stored });
    expect(draft.invoices).toEqual([]);
    expect(draft.usage.map((u) => u.serviceKey)).toEqual(['+15550000001', '+15550000002']);
    expect(draft.usageFor?.map((t) => t.invoiceNumber)).toEqual(['9876543210']);
  });
});
