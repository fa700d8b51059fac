/**
 * One invoice read by two layouts of one pick is refused whatever each layout calls its carrier:
 * a portal CSV saying "Verizon" and a Raw Data Download saying "Verizon Wireless" are one carrier
 * to the ledger, so taking both would count the invoice twice.
 */
import { expect, it } from 'vitest';
import { invoicesRepeatedAcrossDrafts } from '../../../shared/ledger/repeated-invoices';
import { makeDraft, makeDraftInvoice } from '../../helpers/drafts';

const invoice = (carrierName: string, sourceFile: string) =>
  makeDraftInvoice({
    carrierName,
    accountNumber: '842012345-00001',
    invoiceNumber: '9871234567',
    sourceFile,
  });

it('finds the invoice in both drafts when their carrier names agree by whole words', () => {
  const drafts = [
    makeDraft([invoice('Verizon Wireless', 'AccountSummary.txt')], []),
    makeDraft([invoice('Verizon', 'verizon-generic.csv')], []),
  ];
  expect(
    invoicesRepeatedAcrossDrafts(drafts).map((r) => [r.otherSourceFile, r.sourceFile]),
  ).toEqual([['AccountSummary.txt', 'verizon-generic.csv']]);
});

it('keeps two carriers apart that share an invoice number by chance', () => {
  const drafts = [
    makeDraft([invoice('Verizon Wireless', 'a.txt')], []),
    makeDraft([invoice('Verizon Business', 'b.csv')], []),
  ];
  expect(invoicesRepeatedAcrossDrafts(drafts)).toEqual([]);
});
