/**
 * The payment file pays a bill in another currency in that currency: a Canadian carrier's invoice
 * (stored in US dollars) is paid its CAD amount, marked CAD, with the US dollars beside; a file
 * mixing currencies totals each on its own, to the cent, and never adds CAD to USD.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../shared/dates/iso-date';
import {
  buildPaymentFile,
  INVOICE_PAYMENT_PRESET,
  PaymentCurrencyError,
  paymentTotalsText,
  STANDARD_PAYMENT_PRESET,
  type PaymentPreset,
} from '../../../shared/export/payment-file';
import type { Invoice } from '../../../shared/model';
import { cents, formatCents } from '../../../shared/money/cents';
import { centsOfText } from '../../helpers/chargeback-csv';
import { inspectXlsx } from '../../helpers/xlsx-inspect';
import { inputFor, worldArb } from '../allocation/world';
import { approvedInvoice, NO_ALLOCATION } from './payment-fixtures';

const RANGE = { from: '2026-01-01' as IsoDate, to: '2026-12-31' as IsoDate };
const NAMES = { carriers: [{ id: 'carrier-1', name: 'Bell Mobility' }], costCenters: [] };
function rowsOf(bytes: Uint8Array): Record<string, string>[] {
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

function invoice(id: string, overrides: Partial<Invoice> = {}): Invoice {
  return approvedInvoice(id, {
    statedTotal: cents(50_00),
    linesTotal: cents(50_00),
    dueDate: '2026-12-10' as IsoDate,
    ...overrides,
  });
}

/** A Bell bill stating 202.98 CAD (its lines 200.00 CAD), stored at 0.7312: 148.42 USD. */
const BELL = invoice('BELL-1', {
  statedTotal: cents(148_42),
  linesTotal: cents(146_24),
  exchange: {
    currency: 'CAD',
    usdPerUnit: '0.7312',
    originalAmount: '200.00',
    originalDue: '202.98',
  },
});

function fileOf(invoices: Invoice[], preset: PaymentPreset, format: 'csv' | 'xlsx' = 'csv') {
  return buildPaymentFile({
    invoices,
    allocation: NO_ALLOCATION,
    names: NAMES,
    preset,
    format,
    batch: 'PAY-1',
    ...RANGE,
    includeExported: false,
  });
}

describe('a bill in Canadian dollars in the payment file', () => {
  it('pays its CAD amount, marked CAD, with the US dollars beside', () => {
    const file = fileOf([BELL], INVOICE_PAYMENT_PRESET);
    const [row] = rowsOf(file.bytes);
    expect(row).toMatchObject({ Amount: '202.98', Currency: 'CAD', 'Amount (USD)': '148.42' });
    expect(file.totals).toEqual([{ currency: 'CAD', amount: 202_98, usd: 148_42 }]);
  });

  it('a file of US and Canadian dollars totals each currency on its own, never both together', () => {
    const usd = [invoice('VZ-1'), invoice('VZ-2', { statedTotal: cents(25_01) })];
    const file = fileOf([...usd, BELL], INVOICE_PAYMENT_PRESET);
    const rows = rowsOf(file.bytes);
    expect(rows.map((r) => [r['Vendor'], r['Amount'], r['Currency'], r['Amount (USD)']])).toEqual([
      ['Bell Mobility', '202.98', 'CAD', '148.42'],
      ['Bell Mobility', '50.00', 'USD', '50.00'],
      ['Bell Mobility', '25.01', 'USD', '25.01'],
      ['Total USD', '75.01', 'USD', '75.01'],
      ['Total CAD', '202.98', 'CAD', '148.42'],
    ]);
    expect(rows.some((r) => r['Vendor'] === 'Total')).toBe(false);
    expect(file.totals.map((t) => [t.currency, t.amount])).toEqual([
      ['USD', 75_01],
      ['CAD', 202_98],
    ]);
  });

  it('XLSX: one total row per currency and no column sum adding CAD to USD', () => {
    const file = fileOf([invoice('VZ-1'), BELL], INVOICE_PAYMENT_PRESET, 'xlsx');
    const values = inspectXlsx(file.bytes).sheets[0]?.values ?? [];
    const header = values[0] ?? [];
    const at = (name: string) => header.indexOf(name);
    const last = values.slice(-2);
    expect(last.map((r) => [r[0], Number(r[at('Amount')]), r[at('Currency')]])).toEqual([
      ['Total USD', 50, 'USD'],
      ['Total CAD', 202.98, 'CAD'],
    ]);
    expect(values.some((r) => r[0] === 'Total')).toBe(false);
  });

  it('by cost center: each CAD invoice’s rows sum to its CAD amount, and their US dollars to its billed amount', () => {
    const arb = fc
      .tuple(worldArb, fc.array(fc.integer({ min: -50_000, max: 500_000 }), { maxLength: 5 }))
      .map(([world, dues]) => {
        const input = inputFor(world);
        const invoices = input.invoices.map((each, index): Invoice => {
          const due = dues[index];
          return {
            ...each,
            status: 'approved',
            dueDate: '2026-06-15' as IsoDate,
            ...(due === undefined
              ? {}
              : {
                  exchange: {
                    currency: 'CAD',
                    usdPerUnit: '0.7312',
                    originalAmount: '0',
                    originalDue: (due / 100).toFixed(2),
                  },
                }),
          };
        });
        const { month: _m, basis: _b, invoices: _i, ...allocation } = input;
        return { invoices, allocation, dues };
      });
    fc.assert(
      fc.property(arb, ({ invoices, allocation, dues }) => {
        const file = buildPaymentFile({
          invoices,
          allocation,
          names: NAMES,
          preset: { ...STANDARD_PAYMENT_PRESET, totalRow: true },
          format: 'csv',
          batch: 'PAY-1',
          ...RANGE,
          includeExported: false,
        });
        const rows = rowsOf(file.bytes).filter((r) => !r['Vendor']?.startsWith('Total'));
        const totals = new Map<string, number>();
        invoices.forEach((each, index) => {
          const own = rows.filter((r) => r['Invoice number'] === each.invoiceNumber);
          const due = dues[index];
          const paid = own.reduce((s, r) => s + centsOfText(r['Amount'] ?? ''), 0);
          // A credit (zero or below in the currency paid) is left out of the file.
          if ((due ?? each.linesTotal) <= 0) {
            expect(own).toEqual([]);
            return;
          }
          expect(paid).toBe(due ?? each.linesTotal);
          if (due !== undefined) {
            expect(own.every((r) => r['Currency'] === 'CAD')).toBe(true);
            expect(own.reduce((s, r) => s + centsOfText(r['Amount (USD)'] ?? ''), 0)).toBe(
              each.linesTotal,
            );
          }
          const currency = due === undefined ? 'USD' : 'CAD';
          totals.set(currency, (totals.get(currency) ?? 0) + paid);
        });
        expect(Object.fromEntries(file.totals.map((t) => [t.currency, t.amount]))).toEqual(
          Object.fromEntries(totals),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('an invoice stored before its CAD total was kept, stating another total than its lines, is refused with a sentence', () => {
    const old = invoice('BELL-0', {
      statedTotal: cents(148_42),
      linesTotal: cents(146_24),
      exchange: { currency: 'CAD', usdPerUnit: '0.7312', originalAmount: '200.00' },
    });
    expect(() => fileOf([old], INVOICE_PAYMENT_PRESET)).toThrow(PaymentCurrencyError);
    expect(() => fileOf([old], INVOICE_PAYMENT_PRESET)).toThrow(
      'Invoice BELL-0 is in CAD and was imported before TEM Desk kept its total in CAD',
    );
    // Stating no other total than its lines, it is paid its lines' CAD sum.
    const plain = { ...old, statedTotal: null };
    expect(rowsOf(fileOf([plain], INVOICE_PAYMENT_PRESET).bytes)[0]?.['Amount']).toBe('200.00');
  });

  it('the app and the CLI say the totals per currency: dollars alone as before', () => {
    const usd = { currency: 'USD', amount: cents(75_01), usd: cents(75_01) };
    const cad = { currency: 'CAD', amount: cents(202_98), usd: cents(148_42) };
    expect(paymentTotalsText([usd], formatCents)).toBe('$75.01');
    expect(paymentTotalsText([usd, cad], formatCents)).toBe('75.01 USD and 202.98 CAD');
    expect(paymentTotalsText([cad], formatCents)).toBe('202.98 CAD');
  });

  it('a file in US dollars only keeps its layout: no Currency column, one Total row', () => {
    const rows = rowsOf(fileOf([invoice('VZ-1')], INVOICE_PAYMENT_PRESET).bytes);
    expect(Object.keys(rows[0] ?? {})).not.toContain('Currency');
    expect(rows.at(-1)?.['Vendor']).toBe('Total');
  });
});
