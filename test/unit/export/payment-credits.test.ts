/**
 * A credit memo is not a payment: an approved invoice whose total is below zero (or zero) is left
 * out of the payment file — never netted against another vendor's payment, never to be marked
 * exported — and said in a sentence a finance person acts on.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../shared/dates/iso-date';
import {
  buildPaymentFile,
  creditSentences,
  INVOICE_PAYMENT_PRESET,
  invoicesToPay,
  STANDARD_PAYMENT_PRESET,
  type PaymentPreset,
} from '../../../shared/export/payment-file';
import type { Invoice } from '../../../shared/model';
import { cents, formatCents } from '../../../shared/money/cents';
import { centsOfText } from '../../helpers/chargeback-csv';
import { approvedInvoice, NO_ALLOCATION } from './payment-fixtures';

const RANGE = { from: '2026-10-01' as IsoDate, to: '2026-11-30' as IsoDate };
const NAMES = {
  carriers: [
    { id: 'tmobile', name: 'T-Mobile for Business' },
    { id: 'verizon', name: 'Verizon Wireless' },
    { id: 'bell', name: 'Bell Mobility' },
  ],
  costCenters: [],
};

function rowsOf(bytes: Uint8Array): Record<string, string>[] {
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

function fileOf(invoices: Invoice[], preset: PaymentPreset = INVOICE_PAYMENT_PRESET) {
  return buildPaymentFile({
    invoices,
    allocation: NO_ALLOCATION,
    names: NAMES,
    preset,
    format: 'csv',
    batch: 'PAY-1',
    ...RANGE,
    includeExported: false,
  });
}

/** An approved invoice of `carrierId` due in November, stating `total`, its lines the same. */
function bill(
  carrierId: string,
  [accountNumber, invoiceNumber]: [string, string],
  total: number,
  overrides: Partial<Invoice> = {},
): Invoice {
  return approvedInvoice(invoiceNumber, {
    carrierId,
    accountNumber,
    invoiceNumber,
    dueDate: '2026-11-08' as IsoDate,
    statedTotal: cents(total),
    linesTotal: cents(total),
    ...overrides,
  });
}

/** T-Mobile's credit memo: lines of $81.44 and −$286.35, a total of −$204.91. */
const CREDIT = bill('tmobile', ['511874540', '6263980354'], -204_91);
const VERIZON = bill('verizon', ['123456789-00001', '9876543210'], 145_26);
const ZERO = bill('verizon', ['123456789-00002', '9876543211'], 0);

const CREDIT_SENTENCE =
  "T-Mobile for Business 511874540 invoice 6263980354 is a credit of $204.91: not in the payment file — apply it against the carrier's next invoice.";

describe('a credit memo in the payment file', () => {
  it('is left out: the file pays the other vendor alone, its total is that payment, never netted', () => {
    for (const preset of [INVOICE_PAYMENT_PRESET, { ...STANDARD_PAYMENT_PRESET, totalRow: true }]) {
      const file = fileOf([CREDIT, VERIZON], preset);
      const rows = rowsOf(file.bytes).filter((row) => row['Vendor'] !== 'Total');
      expect(rows.map((row) => [row['Vendor'], row['Invoice number']])).toEqual(
        rows.map(() => ['Verizon Wireless', '9876543210']),
      );
      expect(rows.reduce((sum, row) => sum + centsOfText(row['Amount'] ?? ''), 0)).toBe(145_26);
      expect(file.total).toBe(145_26);
      expect(file.totals).toEqual([{ currency: 'USD', amount: 145_26, usd: 145_26 }]);
      // Only the payment is to be marked exported (the app's marks, the CLI's register).
      expect(file.invoices.map((i) => i.id)).toEqual(['9876543210']);
      expect(file.credits).toEqual([
        {
          invoice: CREDIT,
          vendor: 'T-Mobile for Business',
          amount: { currency: 'USD', amount: -204_91 },
        },
      ]);
    }
  });

  it('is said in a sentence a finance person acts on', () => {
    expect(creditSentences(fileOf([CREDIT, VERIZON]).credits, formatCents)).toEqual([
      CREDIT_SENTENCE,
    ]);
  });

  it('an invoice of $0.00 asks for nothing: left out too, and said so', () => {
    const file = fileOf([ZERO, VERIZON]);
    expect(file.invoices.map((i) => i.id)).toEqual(['9876543210']);
    expect(creditSentences(file.credits, formatCents)).toEqual([
      'Verizon Wireless 123456789-00002 invoice 9876543211 totals $0.00: not in the payment file — there is nothing to pay.',
    ]);
  });

  it('only credits: a file of no rows and a total of $0.00, never a negative one', () => {
    const file = fileOf([CREDIT]);
    expect(rowsOf(file.bytes).filter((row) => row['Vendor'] !== 'Total')).toEqual([]);
    expect(file.invoices).toEqual([]);
    expect(file.totals).toEqual([]);
    expect(file.credits).toHaveLength(1);
  });

  it('a credit in Canadian dollars is said in them', () => {
    const bell = bill('bell', ['514 555 0100', 'B-77'], -36_56, {
      exchange: {
        currency: 'CAD',
        usdPerUnit: '0.7312',
        originalAmount: '-50.00',
        originalDue: '-50.00',
      },
    });
    expect(creditSentences(fileOf([bell]).credits, formatCents)).toEqual([
      "Bell Mobility 514 555 0100 invoice B-77 is a credit of 50.00 CAD: not in the payment file — apply it against the carrier's next invoice.",
    ]);
  });

  it('five are named, then how many more', () => {
    const credits = Array.from({ length: 7 }, (_, i) =>
      approvedInvoice(`c${String(i)}`, {
        carrierId: 'tmobile',
        dueDate: '2026-11-15' as IsoDate,
        statedTotal: cents(-(i + 1) * 100),
      }),
    );
    const sentences = creditSentences(fileOf(credits).credits, formatCents);
    expect(sentences).toHaveLength(6);
    expect(sentences[0]).toBe(
      "T-Mobile for Business A-1 invoice c0 is a credit of $1.00: not in the payment file — apply it against the carrier's next invoice.",
    );
    expect(sentences[5]).toBe(
      'And 2 more invoices with a credit or nothing to pay are not in the payment file either.',
    );
    expect(creditSentences(fileOf(credits.slice(0, 6)).credits, formatCents)[5]).toBe(
      'And 1 more invoice with a credit or nothing to pay is not in the payment file either.',
    );
  });

  it('whatever the amounts: the file pays each positive invoice, leaves out the rest, and never totals below zero', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            carrier: fc.constantFrom('tmobile', 'verizon'),
            amount: fc.integer({ min: -100_000, max: 100_000 }),
          }),
          { maxLength: 8 },
        ),
        (specs) => {
          const invoices = specs.map(({ carrier, amount }, i) =>
            approvedInvoice(`i${String(i)}`, {
              carrierId: carrier,
              dueDate: '2026-11-01' as IsoDate,
              statedTotal: cents(amount),
            }),
          );
          const file = fileOf(invoices, { ...INVOICE_PAYMENT_PRESET, totalRow: true });
          const rows = rowsOf(file.bytes);
          const body = rows.filter((row) => row['Vendor'] !== 'Total');
          expect(body.every((row) => centsOfText(row['Amount'] ?? '') > 0)).toBe(true);
          expect(body).toHaveLength(specs.filter((s) => s.amount > 0).length);
          const positive = specs.reduce((sum, s) => sum + Math.max(s.amount, 0), 0);
          expect(centsOfText(rows.at(-1)?.['Amount'] ?? '')).toBe(positive);
          expect(file.total).toBe(positive);
          expect(
            [...file.invoices, ...file.credits.map((c) => c.invoice)].map((i) => i.id).sort(),
          ).toEqual(
            invoicesToPay(invoices, { ...RANGE, includeExported: false })
              .map((i) => i.id)
              .sort(),
          );
        },
      ),
    );
  });
});
