/**
 * The payment file: per invoice and overall it sums to the invoices to the cent, whatever the
 * allocation and stated totals; the selection takes approved invoices due in the range, and a
 * second run leaves out what the first exported. An invoice whose total is zero or below (a credit
 * memo) is no payment: it is left out, and returned apart.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../shared/dates/iso-date';
import { inspectXlsx } from '../../helpers/xlsx-inspect';
import {
  buildPaymentFile,
  INVOICE_PAYMENT_PRESET,
  invoicesToPay,
  paymentBatchId,
  paymentPresetProblem,
  reconcileParts,
  STANDARD_PAYMENT_PRESET,
  type PaymentAllocationInput,
  type PaymentPreset,
} from '../../../shared/export/payment-file';
import type { Invoice } from '../../../shared/model';
import { cents } from '../../../shared/money/cents';
import { centsOfText } from '../../helpers/chargeback-csv';
import { inputFor, worldArb } from '../allocation/world';
import { approvedInvoice, NO_ALLOCATION } from './payment-fixtures';

const FROM = '2026-01-01' as IsoDate;
const TO = '2026-12-31' as IsoDate;

function rowsOf(bytes: Uint8Array): Record<string, string>[] {
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

/** Random worlds' invoices, approved and due in the range, some with a stated total off the lines. */
const payableArb = fc
  .tuple(worldArb, fc.array(fc.integer({ min: -50_000, max: 50_000 }), { maxLength: 5 }))
  .map(([world, offsets]) => {
    const input = inputFor(world);
    const invoices = input.invoices.map((invoice, index): Invoice => ({
      ...invoice,
      status: 'approved',
      dueDate: '2026-06-15' as IsoDate,
      statedTotal:
        offsets[index] === undefined ? null : cents(invoice.linesTotal + (offsets[index] ?? 0)),
    }));
    const { month: _month, basis: _basis, invoices: _invoices, ...allocation } = input;
    return { invoices, allocation: allocation satisfies PaymentAllocationInput };
  });

/** What an invoice asks to be paid (in US dollars). */
const billed = (invoice: Invoice) => invoice.statedTotal ?? invoice.linesTotal;

const NAMES = {
  carriers: [{ id: 'carrier-1', name: 'Verizon' }],
  costCenters: [{ id: 'cc0', code: '0100', name: 'Stores' }],
};

function fileOf(
  invoices: Invoice[],
  allocation: PaymentAllocationInput,
  preset: PaymentPreset,
  format: 'csv' | 'xlsx',
) {
  return buildPaymentFile({
    invoices,
    allocation,
    names: NAMES,
    preset,
    format,
    batch: 'PAY-1',
    from: FROM,
    to: TO,
    includeExported: false,
  });
}

describe('the payment file reconciles to the cent', () => {
  it('CSV by cost center: each invoice’s rows sum to its billed amount, and the file to all; credits are left out', () => {
    fc.assert(
      fc.property(payableArb, ({ invoices, allocation }) => {
        const file = fileOf(invoices, allocation, STANDARD_PAYMENT_PRESET, 'csv');
        const byInvoice = new Map<string, number>();
        let total = 0;
        for (const row of rowsOf(file.bytes)) {
          const amount = centsOfText(row['Amount'] ?? '');
          const key = row['Invoice number'] ?? '';
          byInvoice.set(key, (byInvoice.get(key) ?? 0) + amount);
          total += amount;
        }
        const payable = invoices.filter((invoice) => billed(invoice) > 0);
        for (const invoice of invoices) {
          expect(byInvoice.get(invoice.invoiceNumber)).toBe(
            billed(invoice) > 0 ? billed(invoice) : undefined,
          );
        }
        const expected = payable.reduce((sum, i) => sum + billed(i), 0);
        expect(total).toBe(expected);
        expect(file.total).toBe(expected);
        expect(file.invoices.map((i) => i.id).sort()).toEqual(payable.map((i) => i.id).sort());
        expect(file.credits.map((c) => c.invoice.id).sort()).toEqual(
          invoices
            .filter((i) => billed(i) <= 0)
            .map((i) => i.id)
            .sort(),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('XLSX: the amount cells and the total row hold the invoices’ sum', () => {
    fc.assert(
      fc.property(payableArb, ({ invoices, allocation }) => {
        const file = fileOf(
          invoices,
          allocation,
          { ...STANDARD_PAYMENT_PRESET, totalRow: true },
          'xlsx',
        );
        const sheet = inspectXlsx(file.bytes).sheets[0];
        const amountColumn = STANDARD_PAYMENT_PRESET.columns.findIndex((c) => c.field === 'amount');
        const values = sheet?.values ?? [];
        const body = values.slice(1, -1);
        const sum = body.reduce((s, row) => s + Math.round(Number(row[amountColumn]) * 100), 0);
        const expected = invoices.reduce((s, i) => s + Math.max(billed(i), 0), 0);
        expect(sum).toBe(expected);
        expect(values.at(-1)?.[0]).toBe('Total');
        expect(Math.round(Number(values.at(-1)?.[amountColumn]) * 100)).toBe(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('parts adjusted to a stated total keep their sum exact, even all negative', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -100_000, max: 100_000 }), { maxLength: 6 }),
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        (amounts, billed) => {
          const parts = amounts.map((amount, i) => ({
            costCenterId: `cc${i}`,
            glAccount: '',
            amount: cents(amount),
          }));
          const result = reconcileParts(cents(billed), parts);
          expect(result.reduce((sum, part) => sum + part.amount, 0)).toBe(billed);
          for (const part of result) expect(Number.isSafeInteger(part.amount)).toBe(true);
        },
      ),
    );
  });
});

function approved(id: string, due: string, overrides: Partial<Invoice> = {}): Invoice {
  return approvedInvoice(id, { dueDate: due as IsoDate, ...overrides });
}

describe('which invoices are paid', () => {
  const invoices = [
    approved('in-range', '2026-12-10'),
    approved('first-day', '2026-12-01'),
    approved('last-day', '2026-12-31'),
    approved('too-late', '2027-01-01'),
    approved('received', '2026-12-10', { status: 'received' }),
    approved('paid', '2026-12-10', { status: 'paid' }),
    approved('exported', '2026-12-10', { exportedForPaymentAt: '2026-12-01T09:00:00.000Z' }),
    approved('no-due-date', '', { dueDate: undefined, invoiceDate: '2026-12-05' as IsoDate }),
  ];
  const range = { from: '2026-12-01' as IsoDate, to: '2026-12-31' as IsoDate };

  it('approved, due in the range, not exported before; by due date', () => {
    expect(invoicesToPay(invoices, { ...range, includeExported: false }).map((i) => i.id)).toEqual([
      'first-day',
      'no-due-date',
      'in-range',
      'last-day',
    ]);
  });

  it('“Include invoices already exported” takes them again', () => {
    expect(invoicesToPay(invoices, { ...range, includeExported: true }).map((i) => i.id)).toContain(
      'exported',
    );
  });

  it('per-invoice layout: one row each, dates as chosen, remit-to when the bill states one, total row', () => {
    const file = buildPaymentFile({
      invoices: [approved('N-7', '2026-12-10', { remitTo: 'PO Box 660108, Dallas TX' })],
      allocation: NO_ALLOCATION,
      names: NAMES,
      preset: INVOICE_PAYMENT_PRESET,
      format: 'csv',
      batch: 'PAY-1',
      ...range,
      includeExported: false,
    });
    expect(rowsOf(file.bytes)).toEqual([
      {
        Vendor: 'Verizon',
        'Remit to': 'PO Box 660108, Dallas TX',
        Account: 'A-1',
        'Invoice number': 'N-7',
        'Invoice date': '11/01/2026',
        'Due date': '12/10/2026',
        Amount: '123.45',
      },
      {
        Vendor: 'Total',
        'Remit to': '',
        Account: '',
        'Invoice number': '',
        'Invoice date': '',
        'Due date': '',
        Amount: '123.45',
      },
    ]);
  });

  it('a layout without an amount, or with two columns of one name, is refused with a sentence', () => {
    expect(
      paymentPresetProblem({
        ...INVOICE_PAYMENT_PRESET,
        columns: [{ field: 'vendor', header: 'Vendor' }],
      }),
    ).toBe('The layout needs the Amount column: AP pays what it says.');
    expect(
      paymentPresetProblem({
        ...INVOICE_PAYMENT_PRESET,
        columns: [
          { field: 'vendor', header: 'Name' },
          { field: 'amount', header: 'name' },
        ],
      }),
    ).toBe('Two columns are called "name".');
    expect(paymentPresetProblem(STANDARD_PAYMENT_PRESET)).toBeNull();
  });
});

describe('a payment batch id', () => {
  it('names the second it was written: two files written in one minute are two batches', () => {
    expect(paymentBatchId(new Date('2026-12-07T22:10:05.250Z'))).toBe('PAY-20261207-221005');
    expect(paymentBatchId(new Date('2026-12-07T22:10:41.000Z'))).not.toBe(
      paymentBatchId(new Date('2026-12-07T22:10:05.000Z')),
    );
  });
});
