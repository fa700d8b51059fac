/** Usage-only files attach to the bill stored by an earlier import (its join keys given to the read). */
import { describe, expect, it } from 'vitest';
import type { BillDraft } from '../../../shared/import/draft';
import type { StoredInvoiceRef } from '../../../shared/import/stored-usage';
import { newFigures, withNewFigures } from '../../../shared/import/stored-usage';
import { readBill } from '../../helpers/read-bill';
import { readDraft } from './fixtures';
import { AS_WRITTEN, carrierFile } from './carriers/carrier-fixtures';

/** What the app hands the read for the invoices of a bill it stored. */
function storedRefs(bill: BillDraft): StoredInvoiceRef[] {
  return bill.invoices.map((invoice) => ({
    carrierName: invoice.carrierName,
    accountNumber: invoice.accountNumber,
    invoiceNumber: invoice.invoiceNumber,
    invoiceDate: invoice.invoiceDate,
    ...(invoice.periodEnd === undefined ? {} : { periodEnd: invoice.periodEnd }),
  }));
}

const CASES = [
  {
    name: 'AT&T usage detail',
    bill: ['att-premier-billing.synthetic.csv'],
    usage: 'att-usage-detail.synthetic.csv',
  },
  {
    name: 'AT&T pooling report',
    bill: ['att-premier-billing.synthetic.csv'],
    usage: 'att-pooling.synthetic.csv',
  },
  {
    name: 'Bell call detail (DTL)',
    bill: ['bell-acc.synthetic.csv'],
    usage: 'bell-dtl.synthetic.csv',
  },
  {
    name: 'TELUS Airtime Detail',
    bill: ['telus-invoice-summary.synthetic.txt'],
    usage: 'telus-airtime-detail.synthetic.txt',
  },
] as const;

describe.each(CASES)('$name imported after its bill', ({ bill, usage }) => {
  // Bell's and TELUS's Canadian dollars read as written (see AS_WRITTEN).
  const billDraft = readDraft(
    bill.map((name) => carrierFile(name)),
    AS_WRITTEN,
  );
  const together = readDraft(
    [...bill.map((name) => carrierFile(name)), carrierFile(usage)],
    AS_WRITTEN,
  );
  const usageOfFile = (draft: BillDraft) => draft.usage.filter((u) => u.sourceFile === usage);

  it('attaches to the stored invoice: the same usage as when both are picked together', () => {
    const alone = readDraft([carrierFile(usage)], {
      ...AS_WRITTEN,
      storedInvoices: storedRefs(billDraft),
    });
    expect(alone.invoices).toEqual([]);
    expect(alone.lines).toEqual([]);
    const expected = usageOfFile(together);
    expect(expected.length).toBeGreaterThan(0);
    expect(alone.usage.map(({ invoiceKey: _key, ...rest }) => rest)).toEqual(
      expected.map(({ invoiceKey: _key, ...rest }) => rest),
    );
    expect(alone.usageFor?.map((t) => t.invoiceNumber)).toEqual(
      [...new Set(expected.map((u) => u.invoiceKey))].map(
        (key) => together.invoices.find((i) => i.key === key)?.invoiceNumber,
      ),
    );
  });
});

describe('a stored bill of another account or carrier does not take the usage', () => {
  it('AT&T usage detail is still refused with the sentence naming the bill to import', () => {
    const bill = readDraft([carrierFile('att-premier-billing.synthetic.csv')]);
    const other = storedRefs(bill).map((ref) => ({ ...ref, accountNumber: '999' }));
    const verizon = storedRefs(bill).map((ref) => ({ ...ref, carrierName: 'Verizon Wireless' }));
    for (const storedInvoices of [other, verizon, []]) {
      const outcome = readBill([carrierFile('att-usage-detail.synthetic.csv')], { storedInvoices });
      expect(outcome.kind).toBe('unreadable');
      if (outcome.kind === 'unreadable') expect(outcome.message).toContain('import it together');
    }
  });
});

describe('usage already stored keeps its figures', () => {
  const stored = { minutes: null, messages: 2, dataKb: null, roamingMinutes: 0, roamingDataKb: 0 };

  it('a file brings only the figures the stored line lacks', () => {
    const incoming = { minutes: 8, messages: 5, dataKb: null, roamingMinutes: 5 };
    expect(newFigures(incoming, stored)).toEqual({
      minutes: 8,
      messages: null,
      dataKb: null,
      roamingMinutes: 5,
    });
    expect(withNewFigures(stored, incoming)).toEqual({ ...stored, minutes: 8, roamingMinutes: 5 });
  });

  it('a file that knows nothing new brings nothing', () => {
    expect(newFigures({ minutes: null, messages: 9, dataKb: null }, stored)).toBeNull();
    expect(withNewFigures(stored, { minutes: null, messages: 9, dataKb: null })).toEqual(stored);
  });
});
