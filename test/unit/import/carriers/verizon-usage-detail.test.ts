/** Verizon Wireless Usage Detail: Voice minutes summed per line onto the summary's invoice. */
import { describe, expect, it } from 'vitest';
import { VERIZON_DETAIL_WITH_SUMMARY } from '../../../../shared/import/profiles/verizon-usage-detail';
import { fixtureFile, readDraft } from '../fixtures';
import { carrierFile, editedCarrierFile } from './carrier-fixtures';

const DETAIL = 'verizon-usage-detail.synthetic.txt';
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

describe('Verizon Wireless Usage Detail with a summary that has no usage columns', () => {
  const draft = readDraft([carrierFile(DETAIL), summaryWithoutUsage()]);
  const usageOf = (key: string) => draft.usage.find((u) => u.serviceKey === key);

  it('sums Voice minutes ("1,200" included) per line; data and messages stay unknown', () => {
    expect(draft.invoices).toHaveLength(1);
    expect(usageOf('+15550000001')).toMatchObject({
      invoiceKey: draft.invoices[0]?.key,
      month: '2021-08',
      minutes: 1215,
      messages: null,
      dataKb: null,
      sourceFile: DETAIL,
    });
    expect(usageOf('+15550000002')).toMatchObject({ minutes: 7, messages: null, dataKb: null });
  });

  it('reports the bad minutes cell and the row of an invoice the download lacks', () => {
    expect(draft.errors.map((e) => [e.sourceFile, e.row, e.column])).toEqual([
      [DETAIL, 6, 'Min'],
      [DETAIL, 8, undefined],
    ]);
    expect(draft.errors[1]?.message).toContain(
      'Account & Wireless Summary of account 123456789-00002, invoice 9876543299',
    );
  });
});

describe('Verizon Wireless Usage Detail with a summary that gives usage', () => {
  it('keeps the summary figures and says the detail is not counted again', () => {
    const draft = readDraft([
      editedCarrierFile(DETAIL, (text) => text.replace('about 5', '5')),
      fixtureFile('verizon-wireless-summary.txt'),
    ]);
    expect(draft.usage.every((u) => u.sourceFile === 'verizon-wireless-summary.txt')).toBe(true);
    expect(draft.ignoredFiles).toContainEqual({
      sourceFile: DETAIL,
      reason: VERIZON_DETAIL_WITH_SUMMARY,
    });
  });
});
