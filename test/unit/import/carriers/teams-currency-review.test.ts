/**
 * A Teams PSTN usage report in another currency, the cases a review found: an invoice's converted
 * lines make its converted amount exactly, and one rate written two ways is one rate.
 */
import { describe, expect, it } from 'vitest';
import { exchangeRateFromText } from '../../../../shared/money/exchange-rate';
import { readBill } from '../../../helpers/read-bill';
import { totalOf } from '../fixtures';

const HEADER =
  'UsageId,Call ID,Conference ID,User Location,AAD ObjectId,UPN,User Display Name,Caller ID,Call Type,Number Type,Domestic/International,Destination Dialed,Destination Number,Start Time,End Time,Duration Seconds,Connection Fee,Charge,Currency,Capability';

/** A call row in euros: its UsageId, UPN, start and charge. */
function call(id: string, upn: string, start: string, charge: string) {
  return `${id},c-${id},,DE,o-1,${upn},,+4930555501,user_out,user,Domestic,Germany,+4930555598,${start},${start},60,0,${charge},EUR,DOMESTIC_CALLING_PLAN`;
}

function file(name: string, rows: readonly string[]) {
  return { name, bytes: new TextEncoder().encode([HEADER, ...rows].join('\r\n')) };
}

function draftOf(files: { name: string; bytes: Uint8Array }[], rates: Record<string, string>) {
  const outcome = readBill(files, {
    invoiceDetails: Object.fromEntries(
      files.map((f) => [
        f.name,
        { accountNumber: 'MS-1', exchangeRates: { EUR: rates[f.name] ?? '' } },
      ]),
    ),
  });
  if (outcome.kind !== 'draft') throw new Error(`${outcome.kind}: ${JSON.stringify(outcome)}`);
  return outcome.draft;
}

describe('converted lines of one invoice', () => {
  it("add up to the invoice's amount in its currency times the rate, rounded once", () => {
    // 0.5 EUR × 1.00000001 = 0.500000005 USD and 0.40499999 EUR × 1.00000001 = 0.4049999940…:
    // 0.9049999990… USD in all → $0.90. Each line's product rounded to a millionth of a cent first
    // made 50.000001¢ + 40.499999¢ = 90.5¢ → $0.91, a cent the invoice's amount does not make.
    const draft = draftOf(
      [
        file('calls.csv', [
          call('a', 'a@x.example', '2026-10-02T10:00:00Z', '0.5'),
          call('b', 'b@x.example', '2026-10-03T10:00:00Z', '0.40499999'),
        ]),
      ],
      { 'calls.csv': '1.00000001' },
    );
    expect(draft.invoices[0]?.exchange?.originalAmount).toBe('0.90499999');
    expect(totalOf(draft.lines)).toBe(90);
  });
});

describe('one rate written two ways', () => {
  it.each([
    ['1.080', '1.08'],
    ['01.08', '1.08'],
    [' 1.08 ', '1.08'],
    ['.5', '0.5'],
    ['5.', '5'],
    ['1.00000000000', '1'],
  ])('"%s" is the rate %s', (text, rate) => {
    const read = exchangeRateFromText(text, 'EUR');
    expect(read.ok && read.value.text).toBe(rate);
  });

  it('converts two files of one month given 1.08 and 1.080 together, refusing no call', () => {
    const draft = draftOf(
      [
        file('first.csv', [call('a', 'a@x.example', '2026-10-02T10:00:00Z', '1')]),
        file('second.csv', [call('b', 'a@x.example', '2026-10-20T10:00:00Z', '1')]),
      ],
      { 'first.csv': '1.08', 'second.csv': '1.080' },
    );
    expect(draft.errors).toEqual([]);
    expect(draft.lines.map((l) => [l.quantity, l.amount])).toEqual([[2, 2_16]]);
    expect(draft.invoices[0]?.exchange?.usdPerUnit).toBe('1.08');
  });
});
