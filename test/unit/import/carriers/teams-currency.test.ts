/**
 * A Teams PSTN usage report charged in another currency than US dollars (euros, pounds): never
 * read as dollars. The rate (US dollars per 1 unit) is asked for the file, as its account is; each
 * line's exact sum is converted with it exactly and rounded once; each invoice records the
 * currency, the rate and its amount in that currency.
 */
import { describe, expect, it } from 'vitest';
import { invoiceSchema } from '../../../../shared/backup/schemas/billing';
import { invoiceFromDraft } from '../../../../shared/billing/invoice-from-draft';
import { convertMicroCents, exchangeRateFromText } from '../../../../shared/money/exchange-rate';
import { readBills } from '../../../../shared/import/read-bill';
import { readBill } from '../../../helpers/read-bill';
import { totalOf } from '../fixtures';

const HEADER =
  'UsageId,Call ID,Conference ID,User Location,AAD ObjectId,UPN,User Display Name,Caller ID,Call Type,Number Type,Domestic/International,Destination Dialed,Destination Number,Start Time,End Time,Duration Seconds,Connection Fee,Charge,Currency,Capability';

/** A call row: its UsageId, UPN, start, connection fee, charge and currency. */
function call(id: string, upn: string, start: string, fee: string, charge: string, cur: string) {
  return `${id},c-${id},,DE,o-1,${upn},,+4930555501,user_out,user,Domestic,Germany,+4930555598,${start},${start},60,${fee},${charge},${cur},DOMESTIC_CALLING_PLAN`;
}

function file(name: string, rows: readonly string[]) {
  return { name, bytes: new TextEncoder().encode([HEADER, ...rows].join('\r\n')) };
}

const EURO_FILE = file('euro calls.csv', [
  // 0.135 + 0.0285 + 0.009 = 0.1725 EUR; × 1.0842 = 0.1870245 USD → $0.19 (rounded once).
  call('a', 'jane@x.example', '2026-10-02T10:00:00Z', '0', '0.135', 'EUR'),
  call('b', 'jane@x.example', '2026-10-03T10:00:00Z', '0', '0.0285', 'EUR'),
  call('c', 'jane@x.example', '2026-10-04T10:00:00Z', '0', '0.009', 'EUR'),
  // 0.25 + 12 = 12.25 EUR in November; × 1.0842 = 13.28145 → $13.28.
  call('d', 'bob@x.example', '2026-11-05T10:00:00Z', '0.25', '12', 'EUR'),
]);

function draftOf(files: { name: string; bytes: Uint8Array }[], rate: string) {
  const outcome = readBill(files, {
    invoiceDetails: Object.fromEntries(
      files.map((f) => [f.name, { accountNumber: 'MS-1', exchangeRates: { EUR: rate } }]),
    ),
  });
  if (outcome.kind !== 'draft') throw new Error(`${outcome.kind}: ${JSON.stringify(outcome)}`);
  return outcome.draft;
}

describe('a Teams PSTN usage report in another currency', () => {
  it('asks the rate (US dollars per 1 EUR) with the account, saying why; dollars are never assumed', () => {
    const outcome = readBill([EURO_FILE]);
    expect(outcome).toMatchObject({
      kind: 'needs-invoice-details',
      fileName: 'euro calls.csv',
      missing: ['accountNumber', 'exchangeRate'],
      currency: 'EUR',
    });
    if (outcome.kind !== 'needs-invoice-details') throw new Error(outcome.kind);
    expect(outcome.note).toContain('names no billing account');
    expect(outcome.note).toContain(
      'The calls in this report are charged in EUR, and TEM Desk keeps every amount in US dollars: give the exchange rate, US dollars per 1 EUR',
    );
    // The account alone does not do: the rate is still asked.
    const withAccount = readBill([EURO_FILE], {
      invoiceDetails: { 'euro calls.csv': { accountNumber: 'MS-1' } },
    });
    expect(withAccount).toMatchObject({ missing: ['exchangeRate'], currency: 'EUR' });
    // A rate of another currency does not do either.
    const pounds = readBill([EURO_FILE], {
      invoiceDetails: {
        'euro calls.csv': { accountNumber: 'MS-1', exchangeRates: { GBP: '1.27' } },
      },
    });
    expect(pounds).toMatchObject({ missing: ['exchangeRate'], currency: 'EUR' });
  });

  it.each(['', '0', '0.000', '-1.08', 'abc', '1,0842'])(
    'asks again when the rate given is "%s", never reading the amounts as dollars',
    (rate) => {
      const outcome = readBill([EURO_FILE], {
        invoiceDetails: {
          'euro calls.csv': { accountNumber: 'MS-1', exchangeRates: { EUR: rate } },
        },
      });
      expect(outcome).toMatchObject({ kind: 'needs-invoice-details', missing: ['exchangeRate'] });
    },
  );

  it("converts each line's exact sum with the rate, rounded once, and traces it", () => {
    const draft = draftOf([EURO_FILE], '1.0842');
    expect(draft.lines.map((l) => [l.serviceIdRaw, l.quantity, l.amount])).toEqual([
      ['jane@x.example', 3, 19],
      ['bob@x.example', 1, 13_28],
    ]);
    expect(draft.lines[0]?.extras).toMatchObject({
      Currency: 'EUR',
      'Amount (EUR)': '0.1725',
      'Exchange rate': '1.0842 USD per EUR',
    });
    expect(draft.invoices.map((i) => [i.invoiceNumber, i.exchange])).toEqual([
      ['MS-1-20261031', { currency: 'EUR', usdPerUnit: '1.0842', originalAmount: '0.1725' }],
      ['MS-1-20261130', { currency: 'EUR', usdPerUnit: '1.0842', originalAmount: '12.25' }],
    ]);
    expect(draft.warnings?.map((w) => w.message)).toContain(
      "The calls are charged in EUR: every amount is converted to US dollars at 1.0842 USD per EUR, the rate given for this file, each line's exact sum rounded to the cent once; each invoice records its EUR amount and the rate.",
    );
  });

  it('keeps the currency, the rate and the original amount on the stored invoice and its backup', () => {
    const draft = draftOf([EURO_FILE], '1.0842');
    const [drafted] = draft.invoices;
    if (drafted === undefined) throw new Error('no invoice');
    const invoice = invoiceFromDraft(drafted, { id: 'i', carrierId: 'c', importBatchId: 'b' }, []);
    const exchange = { currency: 'EUR', usdPerUnit: '1.0842', originalAmount: '0.1725' };
    expect(invoice.exchange).toEqual(exchange);
    // A backup of the invoice keeps it: restoring does not drop it.
    expect(invoiceSchema.parse(invoice)).toMatchObject({ exchange });
  });

  it("rounds an invoice's converted lines together to its exact converted sum", () => {
    // Ten users, 0.0149 GBP each at 1.27: 0.18923 USD in all → $0.19, not ten lines of $0.02.
    const rows = Array.from({ length: 10 }, (_, i) =>
      call(`u${i}`, `user${i}@x.example`, '2026-10-02T10:00:00Z', '0', '0.0149', 'GBP'),
    );
    const [outcome] = readBills([file('pounds.csv', rows)], {
      defaultInvoiceDetails: { accountNumber: 'MS-1', exchangeRates: { GBP: '1.27' } },
    });
    if (outcome?.kind !== 'draft') throw new Error(outcome?.kind);
    expect(totalOf(outcome.draft.lines)).toBe(19);
    expect(outcome.draft.invoices[0]?.exchange?.originalAmount).toBe('0.149');
  });

  it('refuses the calls of a month a second file gives another rate, naming both', () => {
    const first = file('first.csv', [
      call('a', 'a@x.example', '2026-10-02T10:00:00Z', '0', '1', 'EUR'),
    ]);
    const second = file('second.csv', [
      call('b', 'a@x.example', '2026-10-20T10:00:00Z', '0', '1', 'EUR'),
    ]);
    const outcome = readBill([first, second], {
      invoiceDetails: {
        'first.csv': { accountNumber: 'MS-1', exchangeRates: { EUR: '1.08' } },
        'second.csv': { accountNumber: 'MS-1', exchangeRates: { EUR: '1.09' } },
      },
    });
    if (outcome.kind !== 'draft') throw new Error(outcome.kind);
    expect(outcome.draft.lines.map((l) => l.amount)).toEqual([1_08]);
    expect(outcome.draft.errors.map((e) => [e.sourceFile, e.column, e.message])).toEqual([
      [
        'second.csv',
        'Currency',
        'Row 2, column "Currency": the calls of 2026-10 are converted at 1.08 USD per EUR (the rate given for first.csv), this file\'s at 1.09: one month\'s invoice has one rate. Give both files the same rate, or import the month from one file.',
      ],
    ]);
  });

  it('reads a call refused for its rate when a later file gives it at the month’s rate', () => {
    const month = (name: string, id: string) =>
      file(name, [call(id, 'a@x.example', '2026-10-02T10:00:00Z', '0', '1', 'EUR')]);
    const at = (rate: string) => ({ accountNumber: 'MS-1', exchangeRates: { EUR: rate } });
    const outcome = readBill(
      [month('first.csv', 'a'), month('second.csv', 'b'), month('third.csv', 'b')],
      {
        invoiceDetails: {
          'first.csv': at('1.08'),
          'second.csv': at('1.09'),
          'third.csv': at('1.08'),
        },
      },
    );
    if (outcome.kind !== 'draft') throw new Error(outcome.kind);
    expect(outcome.draft.errors.map((e) => e.sourceFile)).toEqual(['second.csv']);
    expect(outcome.draft.skipped).toEqual([]);
    expect(outcome.draft.lines.map((l) => [l.quantity, l.amount])).toEqual([[2, 2_16]]);
  });

  it("never sums calls in dollars (a report whose Currency is blank) with converted ones: the later file's calls of the month are refused", () => {
    const blank = file('no currency.csv', [
      call('a', 'a@x.example', '2026-10-02T10:00:00Z', '0', '1', ''),
    ]);
    const euros = file('euros.csv', [
      call('b', 'a@x.example', '2026-10-03T10:00:00Z', '0', '1', 'EUR'),
    ]);
    for (const [files, kept, refused, words] of [
      [
        [blank, euros],
        [1_00, ''],
        'euros.csv',
        "are in US dollars (no currency.csv), this file's in EUR",
      ],
      [
        [euros, blank],
        [1_50, 'EUR'],
        'no currency.csv',
        "are in EUR (euros.csv), this file's in US dollars",
      ],
    ] as const) {
      const outcome = readBill([...files], {
        invoiceDetails: {
          'no currency.csv': { accountNumber: 'MS-1' },
          'euros.csv': { accountNumber: 'MS-1', exchangeRates: { EUR: '1.5' } },
        },
      });
      if (outcome.kind !== 'draft') throw new Error(outcome.kind);
      expect(outcome.draft.lines.map((l) => [l.amount, l.extras?.['Currency'] ?? ''])).toEqual([
        kept,
      ]);
      // The invoice's lines are its amount in its one currency (times the rate), nothing beside.
      expect(outcome.draft.invoices[0]?.exchange?.originalAmount).toBe(
        kept[1] === 'EUR' ? '1.00' : undefined,
      );
      expect(outcome.draft.errors.map((e) => [e.sourceFile, e.column])).toEqual([
        [refused, 'Currency'],
      ]);
      expect(outcome.draft.errors[0]?.message).toContain(words);
    }
  });

  it('asks nothing of a report in dollars, and records no exchange', () => {
    const dollars = file('usd.csv', [
      call('a', 'a@x.example', '2026-10-02T10:00:00Z', '0', '1.5', 'USD'),
    ]);
    const outcome = readBill([dollars], {
      invoiceDetails: { 'usd.csv': { accountNumber: 'MS-1' } },
    });
    if (outcome.kind !== 'draft') throw new Error(outcome.kind);
    expect(outcome.draft.lines.map((l) => l.amount)).toEqual([1_50]);
    expect(outcome.draft.invoices[0]?.exchange).toBeUndefined();
  });
});

describe('an exchange rate', () => {
  it.each([
    ['', 'Give the exchange rate (US dollars per 1 EUR): a number like 1.0842'],
    ['0', 'The exchange rate (US dollars per 1 EUR) cannot be 0'],
    [
      '-1.08',
      'The exchange rate (US dollars per 1 EUR) must be a number like 1.0842 (how many US dollars 1 EUR is worth); "-1.08" is a rate below zero.',
    ],
    ['abc', '"abc" is not a number.'],
    ['1,0842', '"1,0842" is written with a comma: write the decimals after a point.'],
    ['1.12345678901', 'has more than 10 decimals'],
  ])('refuses "%s", naming the field', (text, words) => {
    const read = exchangeRateFromText(text, 'EUR');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors[0]?.message).toContain(words);
  });

  it('reads a rate exactly and converts millionths of a cent with it, rounding half away from zero once', () => {
    const read = exchangeRateFromText(' 1.0842 ', 'EUR');
    if (!read.ok) throw new Error('unread');
    expect(read.value).toEqual({ text: '1.0842', digits: 10842n, scale: 4 });
    // 17.25 cents × 1.0842 = 18.70245 cents.
    expect(convertMicroCents(17_250_000, read.value)).toEqual({ cents: 19, micro: 18_702_450 });
    // Exactly half a cent rounds away from zero, both ways: 0.5 × 1 = 0.5 cents.
    const one = exchangeRateFromText('1', 'EUR');
    if (!one.ok) throw new Error('unread');
    expect(convertMicroCents(500_000, one.value).cents).toBe(1);
    expect(convertMicroCents(-500_000, one.value).cents).toBe(-1);
    // No floating point: 0.1 + 0.2 EUR at 3 is 0.9, not 0.9000000000000001.
    const three = exchangeRateFromText('3', 'EUR');
    if (!three.ok) throw new Error('unread');
    expect(convertMicroCents(30_000_000, three.value)).toEqual({ cents: 90, micro: 90_000_000 });
  });
});
