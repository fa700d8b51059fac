import { isoDate, isoMonth } from '../../shared/dates';
import {
  invoiceKey,
  type BillDraft,
  type DraftChargeLine,
  type DraftInvoice,
} from '../../shared/import/draft';
import type { ChargeCategory } from '../../shared/model';
import { cents } from '../../shared/money/cents';

/** A draft invoice with sensible defaults: `makeDraftInvoice({ invoiceNumber: '77' })`. */
export function makeDraftInvoice(overrides: Partial<DraftInvoice> = {}): DraftInvoice {
  const base = {
    carrierName: 'Lumen',
    accountNumber: '5-ACME-001',
    invoiceNumber: 'INV-1001',
    invoiceDate: isoDate(2026, 9, 1),
    dueDate: isoDate(2026, 9, 25),
    periodStart: isoDate(2026, 8, 1),
    periodEnd: isoDate(2026, 8, 31),
    statedTotal: null,
    sourceFile: 'lumen-2026-09.csv',
    ...overrides,
  };
  return { ...base, key: invoiceKey(base.carrierName, base.accountNumber, base.invoiceNumber) };
}

/** A charge line on `invoice`: `makeDraftLine(invoice, 'recurring', 45_00)`. */
export function makeDraftLine(
  invoice: DraftInvoice,
  category: ChargeCategory,
  amountCents: number,
  overrides: Partial<DraftChargeLine> = {},
): DraftChargeLine {
  return {
    invoiceKey: invoice.key,
    serviceIdRaw: '555-010-0001',
    serviceKey: '+15550100001',
    description: category === 'recurring' ? 'Business Line' : category,
    category,
    quantity: 1,
    amount: cents(amountCents),
    sourceFile: invoice.sourceFile,
    sourceRow: 2,
    ...overrides,
  };
}

/** A whole draft from invoices and lines. */
export function makeDraft(invoices: DraftInvoice[], lines: DraftChargeLine[]): BillDraft {
  return {
    profileId: 'temdesk-charges',
    layoutName: 'TEM Desk charge lines',
    dateOrder: 'YMD',
    invoices,
    lines,
    usage: lines
      .filter((line) => line.serviceKey)
      .slice(0, 1)
      .map((line) => ({
        invoiceKey: line.invoiceKey,
        serviceIdRaw: line.serviceIdRaw,
        serviceKey: line.serviceKey ?? '',
        month: isoMonth(2026, 9),
        minutes: 100,
        messages: 20,
        dataKb: 1024,
        sourceFile: line.sourceFile,
        sourceRow: line.sourceRow,
      })),
    skipped: [],
    errors: [],
    rowsRead: lines.length,
  };
}

/** Bytes of a small text file. */
export function textBytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** A one-file upload named `${name}.csv`, with a fake hash unique to the name, for `commitImport`. */
export function oneFileUpload(name: string) {
  return {
    fileName: `${name}.csv`,
    bytes: textBytes(name),
    fileHash: name.padEnd(64, '0'),
    memberNames: [`${name}.csv`],
  };
}
