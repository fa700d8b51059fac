/**
 * Canadian carriers' bills (Bell Mobility, Rogers, TELUS) are in Canadian dollars written with a
 * bare "$": never read as US dollars. The import asks the rate (US dollars per 1 CAD) once per bill
 * read; every amount is converted exactly, each invoice's lines together so that they make its
 * CAD amount times the rate and still agree with its converted stated total; the invoice records
 * the currency, the rate and its CAD amount. A rate of 1 (an account billed in US dollars) keeps
 * the amounts as written and records nothing.
 */
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../../shared/dates/iso-date';
import { billInCurrency } from '../../../../shared/import/bill-currency';
import type { BillDraft } from '../../../../shared/import/draft';
import { cents } from '../../../../shared/money/cents';
import type { InvoiceBalance } from '../../../../shared/model';
import { readBills } from '../../../../shared/import/read-bill';
import {
  convertCents,
  convertCentsTogether,
  exchangeRateFromText,
} from '../../../../shared/money/exchange-rate';
import { readBill } from '../../../helpers/read-bill';
import { readDraft, totalOf } from '../fixtures';
import { AS_WRITTEN, carrierFile } from './carrier-fixtures';

const ACC = 'bell-acc.synthetic.csv';
const MOB = 'bell-mob.synthetic.csv';
const DTL = 'bell-dtl.synthetic.csv';
const ROGERS = 'rogers-charges-breakdown.synthetic.txt';
const TELUS = 'telus-invoice-summary.synthetic.txt';
const AT = { defaultInvoiceDetails: { exchangeRates: { CAD: '0.7312' } } };

describe.each([
  { carrier: 'Bell Mobility', files: [ACC, MOB], stated: 202_98 },
  { carrier: 'TELUS', files: [TELUS], stated: 71_92 },
  { carrier: 'Rogers', files: [ROGERS], stated: null },
])('$carrier', ({ carrier, files, stated }) => {
  const written = readDraft(files.map(carrierFile), AS_WRITTEN);

  it('asks the rate in US dollars per 1 CAD, saying how an account billed in US dollars answers', () => {
    const outcome = readBill(files.map(carrierFile));
    expect(outcome).toMatchObject({
      kind: 'needs-invoice-details',
      fileName: written.invoices[0]?.sourceFile,
      missing: ['exchangeRate'],
      currency: 'CAD',
    });
    if (outcome.kind !== 'needs-invoice-details') throw new Error(outcome.kind);
    expect(outcome.note).toContain(`${carrier} bills in Canadian dollars, written with a bare "$"`);
    expect(outcome.note).toContain(
      `If your account with ${carrier} is billed in US dollars, give 1: the amounts are kept as written and no conversion is recorded.`,
    );
    // A rate that is no rate asks again.
    expect(readBill(files.map(carrierFile), { invoiceDetails: {} }).kind).toBe(
      'needs-invoice-details',
    );
  });

  it("converts every invoice: its lines make its CAD amount times the rate, rounded once, and its stated total's", () => {
    const draft = readDraft(files.map(carrierFile), AT);
    const rate = exchangeRateFromText('0.7312', 'CAD');
    if (!rate.ok) throw new Error('unread');
    for (const invoice of draft.invoices) {
      const cad = written.lines.filter((l) => l.invoiceKey === invoice.key);
      const usd = draft.lines.filter((l) => l.invoiceKey === invoice.key);
      expect(totalOf(usd)).toBe(convertCents(totalOf(cad), rate.value));
      // Every line within a cent of its exact value, and tracing its CAD amount.
      usd.forEach((line, i) => {
        const exact = ((cad[i]?.amount ?? 0) * 7312) / 10_000;
        expect(Math.abs(line.amount - exact)).toBeLessThan(1);
        expect(line.extras?.['Amount (CAD)']).toBe(((cad[i]?.amount ?? 0) / 100).toFixed(2));
      });
      // The total the bill states in CAD is what the carrier is paid (the AP payment file).
      const statedCad = written.invoices.find((i) => i.key === invoice.key)?.statedTotal ?? null;
      expect(invoice.exchange).toEqual({
        currency: 'CAD',
        usdPerUnit: '0.7312',
        originalAmount: (totalOf(cad) / 100).toFixed(2),
        ...(statedCad === null ? {} : { originalDue: (statedCad / 100).toFixed(2) }),
      });
    }
    if (stated !== null) {
      expect(draft.invoices[0]?.statedTotal).toBe(convertCents(stated, rate.value));
      expect(totalOf(draft.lines)).toBe(draft.invoices[0]?.statedTotal);
    }
    expect(draft.warnings?.map((w) => w.message)).toContainEqual(
      expect.stringContaining('every amount is converted to US dollars at 0.7312 USD per CAD'),
    );
  });

  it('keeps the amounts as written at a rate of 1 (an account billed in US dollars), recording no conversion', () => {
    expect(written.invoices.every((invoice) => invoice.exchange === undefined)).toBe(true);
    if (stated !== null) expect(totalOf(written.lines)).toBe(stated);
  });

  it('reads alike whether the rate is given for the file asked about (the app) or for every file (the CLI)', () => {
    const asked = readBill(files.map(carrierFile));
    if (asked.kind !== 'needs-invoice-details') throw new Error(asked.kind);
    const app = readBills(files.map(carrierFile), {
      invoiceDetails: { [asked.fileName]: { exchangeRates: { CAD: '0.7312' } } },
    });
    const cli = readBills(files.map(carrierFile), AT);
    expect(JSON.stringify(app)).toBe(JSON.stringify(cli));
  });
});

describe('a Canadian bill read with its usage detail alone', () => {
  it('asks no rate when the files hold no charge (Bell DTL alone)', () => {
    const outcome = readBill([carrierFile(DTL)]);
    expect(outcome.kind).toBe('draft');
  });
});

describe('amounts converted together', () => {
  it('make their exact converted sum rounded once, each within a cent of its own', () => {
    const rate = exchangeRateFromText('0.7312', 'CAD');
    if (!rate.ok) throw new Error('unread');
    // Ten lines of $0.05 CAD: 0.03656 each, $0.3656 in all → $0.37 (not ten of $0.04 = $0.40).
    const tens = convertCentsTogether(Array<number>(10).fill(5), rate.value);
    expect(tens.reduce((a, b) => a + b, 0)).toBe(37);
    expect(tens.every((c) => c === 3 || c === 4)).toBe(true);
    // A credit among charges: the sum still rounds once.
    const mixed = convertCentsTogether([10_00, -2_51, 33], rate.value);
    expect(mixed.reduce((a, b) => a + b, 0)).toBe(convertCents(10_00 - 2_51 + 33, rate.value));
  });
});

function linesOf(draft: BillDraft) {
  return draft.lines.map((line) => line.amount);
}

describe('the rate given', () => {
  it('is the same rate however it is written (0.7312, 0.73120, .7312)', () => {
    const drafts = ['0.7312', '0.73120', '.7312'].map((rate) =>
      readDraft([carrierFile(ACC), carrierFile(MOB)], {
        defaultInvoiceDetails: { exchangeRates: { CAD: rate } },
      }),
    );
    expect(new Set(drafts.map((draft) => JSON.stringify(linesOf(draft))))).toHaveProperty(
      'size',
      1,
    );
    expect(drafts.map((draft) => draft.invoices[0]?.exchange?.usdPerUnit)).toEqual([
      '0.7312',
      '0.7312',
      '0.7312',
    ]);
  });
});

describe('a rate far from what a Canadian dollar is worth', () => {
  const warningsAt = (rate: string) =>
    readDraft([carrierFile(TELUS)], {
      defaultInvoiceDetails: { exchangeRates: { CAD: rate } },
    }).warnings?.map((w) => w.message) ?? [];

  it('is said, turned round, when it is most likely Canadian dollars per US dollar (1.37)', () => {
    expect(warningsAt('1.37')).toContainEqual(
      expect.stringContaining(
        'if 1.37 is Canadian dollars per US dollar, the rate is 1 ÷ 1.37 = 0.7299',
      ),
    );
  });

  it.each(['0.0000000001', '0.3'])('is said when far below (%s)', (rate) => {
    expect(warningsAt(rate)).toContainEqual(expect.stringContaining('check it'));
  });

  it.each(['0.7312', '1.02', '0.5'])(
    'is not said of a rate a Canadian dollar has been (%s)',
    (rate) => {
      expect(warningsAt(rate).some((m) => m.includes('far from'))).toBe(false);
    },
  );
});

describe("a Canadian bill's balance in US dollars", () => {
  const rate = '0.7312';
  const draftWith = (balance: InvoiceBalance, statedTotal: number): BillDraft => ({
    profileId: 'bell-mobility',
    layoutName: 'Bell Mobility',
    dateOrder: 'YMD',
    invoices: [
      {
        key: 'bell|512345678|512345678-20261001',
        carrierName: 'Bell Mobility',
        accountNumber: '512345678',
        invoiceNumber: '512345678-20261001',
        invoiceDate: '2026-10-01' as IsoDate,
        statedTotal: cents(statedTotal),
        sourceFile: ACC,
        balance,
      },
    ],
    lines: [],
    usage: [],
    skipped: [],
    errors: [],
    rowsRead: 1,
  });
  const converted = (draft: BillDraft): BillDraft => {
    const read = billInCurrency(draft, 'CAD', [ACC], {
      defaultInvoiceDetails: { exchangeRates: { CAD: rate } },
    });
    if ('kind' in read) throw new Error(read.kind);
    return read;
  };
  // Each figure on its own: 100.00 → 73.12, −49.91 → −36.49, 10.05 → 7.35, but 60.14 → 43.97.
  const adding = {
    previousBalance: cents(100_00),
    payments: cents(-49_91),
    amountDue: cents(60_14),
  };

  it('still adds up to the cent when the bill adds up, so invoice-math reports no cent of rounding', () => {
    const [invoice] = converted(draftWith(adding, 10_05)).invoices;
    expect(invoice?.statedTotal).toBe(7_35);
    expect(invoice?.balance).toEqual({
      previousBalance: 73_12,
      payments: -36_49,
      amountDue: 73_12 - 36_49 + 7_35,
    });
  });

  it("keeps a stated balance forward the bill's parts make, and a bill's own error, converted", () => {
    const [invoice] = converted(
      draftWith({ ...adding, balanceForward: cents(50_09), amountDue: cents(70_14) }, 10_05),
    ).invoices;
    // The bill asks 10.00 CAD more than it adds up to: 7.31 USD more.
    expect(invoice?.balance).toEqual({
      previousBalance: 73_12,
      payments: -36_49,
      balanceForward: 73_12 - 36_49,
      amountDue: 73_12 - 36_49 + 7_35 + 7_31,
    });
  });
});
