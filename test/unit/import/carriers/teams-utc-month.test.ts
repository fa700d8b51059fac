/**
 * A Teams call's month is its month in UTC: a start time written with an offset is moved to UTC
 * before its month is taken, so the same moment lands on the same invoice however it is written.
 */
import { describe, expect, it } from 'vitest';
import { utcDateOf, isoDate } from '../../../../shared/dates';
import { readBill } from '../../../helpers/read-bill';
import { totalOf } from '../fixtures';

const HEADER =
  'UsageId,Call ID,Conference ID,User Location,AAD ObjectId,UPN,User Display Name,Caller ID,Call Type,Number Type,Domestic/International,Destination Dialed,Destination Number,Start Time,End Time,Duration Seconds,Connection Fee,Charge,Currency,Capability';

function call(id: string, start: string, charge: string) {
  return `${id},c-${id},,US,o-1,bob.li@contoso.example,Bob Li,+15555550101,user_out,user,International,United Kingdom,+442071234567,${start},${start},600,0,${charge},USD,INTERNATIONAL_CALLING_PLAN`;
}

describe('the UTC month of a Teams call', () => {
  it('moves a time written with an offset to its UTC date', () => {
    const day = isoDate(2026, 10, 31);
    expect(utcDateOf('2026-10-31T20:00:00-05:00', day)).toBe(isoDate(2026, 11, 1));
    expect(utcDateOf('2026-10-31T18:59:59-05:00', day)).toBe(day);
    expect(utcDateOf('2026-10-31T23:30:00Z', day)).toBe(day);
    expect(utcDateOf('2026-11-01T02:00:00+0530', isoDate(2026, 11, 1))).toBe(day);
    expect(utcDateOf('2026-10-31 20:00', day)).toBe(day);
    expect(utcDateOf('2026-12-31T23:00:00-02:00', isoDate(2026, 12, 31))).toBe(isoDate(2027, 1, 1));
  });

  it('puts the same moment on one invoice, whatever the offset it is written with', () => {
    const name = 'teams.csv';
    const text = [
      HEADER,
      call('u5', '2026-10-31T20:00:00-05:00', '1.00'),
      call('u7', '2026-11-01T01:00:00Z', '1.00'),
      call('u8', '2026-10-31T12:00:00Z', '2.00'),
    ].join('\r\n');
    const outcome = readBill([{ name, bytes: new TextEncoder().encode(text) }], {
      invoiceDetails: { [name]: { accountNumber: '100200' } },
    });
    if (outcome.kind !== 'draft') throw new Error(outcome.kind);
    const { invoices, lines } = outcome.draft;
    const byMonth = invoices.map((i) => [
      i.invoiceDate,
      totalOf(lines.filter((l) => l.invoiceKey === i.key)),
    ]);
    expect(byMonth.sort()).toEqual([
      [isoDate(2026, 10, 31), 2_00],
      [isoDate(2026, 11, 30), 2_00],
    ]);
  });
});
