/**
 * T-Mobile's Summary and Detail exports of one bill, picked together: two views of one invoice,
 * read once from the detail (its items and usage), the summary checked against it and kept as
 * the invoice's `summary` part — never refused as a repeated invoice, never counted twice.
 */
import { describe, expect, it } from 'vitest';
import { isoDate } from '../../../shared/dates';
import { readBills } from '../../../shared/import/read-bill';
import { invoicesRepeatedAcrossDrafts } from '../../../shared/ledger/repeated-invoices';
import {
  TMOBILE_ACCOUNT,
  TMOBILE_INVOICE,
  TMOBILE_SUMMARY_ROWS,
  TMOBILE_TOTAL,
  tmobileDetailFile,
  tmobileSummaryFile,
} from '../../helpers/tmobile-bill';
import { readDraft, totalOf as sum } from './fixtures';

describe('a T-Mobile summary and detail of one bill, picked together', () => {
  it.each([
    ['summary first', () => [tmobileSummaryFile(), tmobileDetailFile()]],
    ['detail first', () => [tmobileDetailFile(), tmobileSummaryFile()]],
  ])('make one invoice read from the detail (%s)', (_order, files) => {
    const outcomes = readBills(files());
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['draft']);
    const drafts = outcomes.flatMap((o) => (o.kind === 'draft' ? [o.draft] : []));
    expect(invoicesRepeatedAcrossDrafts(drafts)).toEqual([]);
    const [draft] = drafts;
    expect(draft?.profileId).toBe('tmobile-detail');
    expect(draft?.invoices).toHaveLength(1);
    expect(draft?.invoices[0]).toMatchObject({
      accountNumber: TMOBILE_ACCOUNT,
      invoiceNumber: TMOBILE_INVOICE,
      invoiceDate: isoDate(2023, 8, 11),
      parts: [
        { kind: 'bill', sourceFile: 'T-Mobile Detail.csv' },
        { kind: 'summary', sourceFile: 'T-Mobile Summary.csv' },
      ],
    });
    // The detail's nine items, once; none of the summary's category totals on top.
    expect(draft?.lines).toHaveLength(9);
    expect(draft?.lines.every((line) => line.sourceFile === 'T-Mobile Detail.csv')).toBe(true);
    expect(sum(draft?.lines ?? [])).toBe(TMOBILE_TOTAL);
    expect(draft?.usage).toHaveLength(2);
    expect(draft?.warnings ?? []).toEqual([]);
    expect(draft?.errors).toEqual([]);
    expect(draft?.skipped.map((row) => [row.sourceFile, row.row])).toEqual([
      ['T-Mobile Summary.csv', 2],
      ['T-Mobile Summary.csv', 3],
    ]);
    expect(draft?.skipped[0]?.reason).toBe(
      `Not imported as charges: invoice ${TMOBILE_INVOICE} (account ${TMOBILE_ACCOUNT}) is read item by item from its detail, T-Mobile Detail.csv; this summary row is checked against it.`,
    );
  });

  it('a summary that names no invoice number joins the detail of its account and cycle', () => {
    const draft = readDraft([
      tmobileSummaryFile('summary.csv', TMOBILE_SUMMARY_ROWS, { invoiceNumber: false }),
      tmobileDetailFile(),
    ]);
    expect(draft.invoices.map((invoice) => invoice.invoiceNumber)).toEqual([TMOBILE_INVOICE]);
    expect(sum(draft.lines)).toBe(TMOBILE_TOTAL);
    expect(draft.warnings ?? []).toEqual([]);
  });

  it('a summary that disagrees with the detail is noted, line by line; the detail is imported', () => {
    const [first, second] = TMOBILE_SUMMARY_ROWS;
    const rows = [
      [
        '(555) 010-4001',
        'Ana Ruiz',
        '$45.00',
        '$.15',
        '$29.17',
        '$10.00',
        '$0.00',
        '$6.48',
        '$90.80',
      ],
      second ?? [],
      [
        '(555) 010-4003',
        'Cy Dunn',
        '$20.00',
        '$0.00',
        '$0.00',
        '$0.00',
        '$0.00',
        '$0.00',
        '$20.00',
      ],
    ];
    expect(first).not.toEqual(rows[0]);
    const draft = readDraft([tmobileSummaryFile('summary.csv', rows), tmobileDetailFile()]);
    expect(draft.invoices).toHaveLength(1);
    expect(sum(draft.lines)).toBe(TMOBILE_TOTAL);
    expect(draft.warnings).toEqual([
      {
        sourceFile: 'summary.csv',
        row: 0,
        message: `Invoice ${TMOBILE_INVOICE} (account ${TMOBILE_ACCOUNT}): its summary (summary.csv) adds up to -$168.53 but its detail's lines to -$188.58 (a difference of $20.05): (555) 010-4001 is $90.80 in the summary and $90.75 in the detail; (555) 010-4003 is $20.00 in the summary and $0.00 in the detail. The detail's lines are imported, never both; check the bill.`,
      },
    ]);
  });

  it('a summary alone is still read for its charges', () => {
    const draft = readDraft([tmobileSummaryFile()]);
    expect(draft.profileId).toBe('tmobile-summary');
    expect(draft.invoices[0]?.parts).toEqual([
      { kind: 'summary', sourceFile: 'T-Mobile Summary.csv' },
    ]);
    expect(draft.lines).toHaveLength(8);
    expect(sum(draft.lines)).toBe(TMOBILE_TOTAL);
  });
});

describe('a T-Mobile detail read after a stored summary of its bill', () => {
  const stored = (invoiceNumber: string, day = 11) => ({
    storedInvoices: [
      {
        carrierName: 'T-Mobile',
        accountNumber: TMOBILE_ACCOUNT,
        invoiceNumber,
        invoiceDate: isoDate(2023, 8, day),
      },
    ],
  });
  const invoiceOf = (options: Parameters<typeof readBills>[1]) => {
    const [outcome] = readBills([tmobileDetailFile()], options);
    return outcome?.kind === 'draft' ? outcome.draft.invoices[0] : undefined;
  };

  it('completes the one stored under the number made up for a summary naming none', () => {
    const madeUp = `${TMOBILE_ACCOUNT}-20230811`;
    expect(invoiceOf(stored(madeUp))).toMatchObject({
      invoiceNumber: TMOBILE_INVOICE,
      storedAs: madeUp,
    });
  });

  it('never one of another real number, nor of another bill date', () => {
    expect(invoiceOf(stored('1234567890'))?.storedAs).toBeUndefined();
    expect(invoiceOf(stored(`${TMOBILE_ACCOUNT}-20230711`, 10))?.storedAs).toBeUndefined();
    expect(invoiceOf(stored(`${TMOBILE_ACCOUNT}-20230810`, 11))?.storedAs).toBeUndefined();
  });
});
