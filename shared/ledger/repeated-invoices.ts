/**
 * The same invoice read by two layouts of one pick (an EDI 811 and the portal's CSV of one bill):
 * each layout's reader counts its own copies once, but two drafts know nothing of each other. Both
 * doors refuse the pick, so no bill is counted twice. (Two views of one bill that one profile
 * reads, T-Mobile's summary and detail, make one draft and are joined there: `profiles/tmobile.ts`.)
 */
import type { BillDraft } from '../import/draft';
import { accountNumberKey, carrierNamesAgree, invoiceNumberKey } from '../ids/keys';

/** An invoice met in a second draft of one pick, and the file that had it first. */
export interface RepeatedInvoice {
  carrierName: string;
  accountNumber: string;
  invoiceNumber: string;
  /** The file of the later draft. */
  sourceFile: string;
  /** The file of the draft that had it first. */
  otherSourceFile: string;
}

/**
 * Each invoice of `drafts` an earlier draft of the same pick already has, in order: the same
 * account and invoice number, of one carrier however written ("Verizon" and "Verizon Wireless"
 * are one carrier to the ledger, see `carrierNamesAgree`).
 */
export function invoicesRepeatedAcrossDrafts(drafts: readonly BillDraft[]): RepeatedInvoice[] {
  const repeated: RepeatedInvoice[] = [];
  const seen = new Map<string, { carrierName: string; draft: BillDraft; sourceFile: string }[]>();
  for (const draft of drafts) {
    for (const invoice of draft.invoices) {
      const key = `${accountNumberKey(invoice.accountNumber)}|${invoiceNumberKey(invoice.invoiceNumber)}`;
      const earlier = seen.get(key) ?? [];
      const other = earlier.find((entry) =>
        carrierNamesAgree(entry.carrierName, invoice.carrierName),
      );
      if (other === undefined) {
        earlier.push({ carrierName: invoice.carrierName, draft, sourceFile: invoice.sourceFile });
        seen.set(key, earlier);
      } else if (other.draft !== draft)
        repeated.push({
          carrierName: invoice.carrierName,
          accountNumber: invoice.accountNumber,
          invoiceNumber: invoice.invoiceNumber,
          sourceFile: invoice.sourceFile,
          otherSourceFile: other.sourceFile,
        });
    }
  }
  return repeated;
}

/** What is said of a repeated invoice: both files, and why the pick cannot be taken whole. */
export function repeatedInvoiceSentence(repeated: RepeatedInvoice): string {
  return `${repeated.carrierName} invoice ${repeated.invoiceNumber} (account ${repeated.accountNumber}) is in both ${repeated.otherSourceFile} and ${repeated.sourceFile}, read as two different layouts: taking both would count its charges twice. Import one of them.`;
}
