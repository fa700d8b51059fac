import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packRows } from '../../../shared/import/packed-blocks';
import { packedLinesOf, packedRowsByInvoice } from '../../../shared/import/packed-drafts';
import { billedIdentifiers } from '../../../shared/inventory/matching';
import type { ChargeLine, Invoice } from '../../../shared/model';
import { cents } from '../../../shared/money/cents';
import { packChargeLines, type ChargeBlock } from '../../../shared/storage/charge-blocks';
import { readBill } from '../../helpers/read-bill';

const folder = join(__dirname, '../../fixtures/carriers/verizon-raw-data-new-line');
const fileNames = ['Account & Wireless Summary.txt', 'AccountSummary.txt'];

function invoiceOf(id: string, accountNumber: string, invoiceDate: string): Invoice {
  return {
    id,
    carrierId: 'verizon',
    accountNumber,
    invoiceNumber: id,
    invoiceDate: invoiceDate as Invoice['invoiceDate'],
    statedTotal: null,
    linesTotal: cents(0),
    lineCount: 0,
    categoryTotals: {},
    status: 'received',
    importBatchId: 'b',
  };
}

/** The Verizon raw data pair read and stored as an import stores it. */
function verizonBill(): { invoices: Invoice[]; blocks: ChargeBlock[] } {
  const outcome = readBill(
    fileNames.map((name) => ({ name, bytes: readFileSync(join(folder, name)) })),
  );
  if (outcome.kind !== 'draft') throw new Error(`not read: ${JSON.stringify(outcome)}`);
  const packed = packedLinesOf(outcome.draft);
  if (packed === undefined) throw new Error('no packed lines');
  const rowsByInvoice = packedRowsByInvoice(packed);
  const invoices = outcome.draft.invoices.map((drafted) =>
    invoiceOf(drafted.key, drafted.accountNumber, drafted.invoiceDate),
  );
  const blocks = invoices.flatMap((invoice) =>
    packRows(invoice.id, { packed, rows: rowsByInvoice.get(invoice.id) ?? new Uint32Array(0) }),
  );
  return { invoices, blocks };
}

describe('what the inventory suggests for a billed line it does not have', () => {
  it('suggests the plan the Verizon bill names and its recurring charges, not taxes and surcharges', () => {
    const { invoices, blocks } = verizonBill();
    const spare = billedIdentifiers(invoices, blocks).find((entry) =>
      entry.serviceIdRaw.includes('0099'),
    );
    expect(spare).toMatchObject({
      plan: 'Tablet 5GB',
      // $20.00 recurring + $1.40 surcharges + $1.87 taxes billed.
      amount: 23_27,
      recurringMonthly: 20_00,
    });
  });

  const line = (
    description: string,
    category: ChargeLine['category'],
    amount: number,
    extras?: Record<string, string>,
  ) => ({
    serviceIdRaw: '555-201-0099',
    serviceKey: '+15552010099',
    description,
    category,
    quantity: null,
    amount: cents(amount),
    sourceRow: 2,
    ...(extras === undefined ? {} : { extras }),
  });

  it('leaves the plan blank rather than suggest a charge description when the bill names none', () => {
    const invoice = invoiceOf('i-1', 'A-1', '2026-11-01');
    const blocks = packChargeLines('i-1', [
      line('Monthly Charges', 'recurring', 20_00),
      line('Taxes, Governmental Surcharges and Fees', 'tax', 1_87),
    ]);
    expect(billedIdentifiers([invoice], blocks)[0]).toMatchObject({
      plan: '',
      amount: 21_87,
      recurringMonthly: 20_00,
    });
  });

  it('reads the plan of T-Mobile and AT&T lines, not a plan code', () => {
    const invoice = invoiceOf('i-1', 'A-1', '2026-11-01');
    const tmobile = packChargeLines('i-1', [
      line('Monthly Recurring Charges', 'recurring', 40_00, { Plan: 'Magenta MAX' }),
    ]);
    expect(billedIdentifiers([invoice], tmobile)[0]?.plan).toBe('Magenta MAX');
    const att = packChargeLines('i-1', [
      line('Monthly charges', 'recurring', 35_00, {
        'Rate code': 'UNL5G',
        'Rate plan name': 'Business Unlimited Performance',
      }),
    ]);
    expect(billedIdentifiers([invoice], att)[0]?.plan).toBe('Business Unlimited Performance');
  });

  it('counts recurring charges net of price discounts, a copy once, per month of the bill', () => {
    const quarter = {
      ...invoiceOf('i-q', 'A-1', '2026-12-01'),
      periodStart: '2026-09-01',
      periodEnd: '2026-11-30',
    } as Invoice;
    const blocks = packChargeLines('i-q', [
      line('Circuit', 'recurring', 900_00),
      line('Circuit', 'recurring', 900_00),
      line('Term discount', 'credit', -150_00),
      line('Outage credit', 'credit', -40_00),
      line('Install', 'one-time', 250_00),
      line('Overage', 'usage', 12_00),
    ]);
    expect(billedIdentifiers([quarter], blocks)[0]?.recurringMonthly).toBe(250_00);
  });

  it('suggests no expected monthly cost for a line billed no recurring charge', () => {
    const invoice = invoiceOf('i-1', 'A-1', '2026-11-01');
    const blocks = packChargeLines('i-1', [line('Roaming', 'usage', 9_00)]);
    expect(billedIdentifiers([invoice], blocks)[0]?.recurringMonthly).toBeUndefined();
  });
});
