/**
 * Bills that state only the end of their period (AT&T Premier's "Market cycle end date", no
 * invoice number and no start). Two defects a precision run found on a company billed by AT&T at
 * month ends:
 * - the period's start was estimated as the same day a month before, plus one: a cycle ending
 *   June 30 started May 31, so a line disconnected (or a site closed, or a contract ended) on
 *   May 31 was inside the June bill's period, and a whole month billed after it went unclaimed;
 * - such a bill was counted in the month of its date: March's bill (cycle ending March 31) dated
 *   April 2 billed April, and March was reported missing.
 */
import { describe, expect, it } from 'vitest';
import { estimatedPeriodStart } from '../../../shared/audit/invoice-facts';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { endOfMonth, isoDate, type IsoDate } from '../../../shared/dates';
import { billed, line, makeAccount, makeInvoice, makeService, snapshotOf } from './helpers';

/** A bill for the cycle ending at the end of `month`, dated `dated` (the cycle's end unless given). */
function cycleBill(month: string, dated?: IsoDate, amount = 40_95) {
  const end = endOfMonth(isoDate(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1));
  return billed(
    makeInvoice({
      invoiceNumber: `ATT-${month}`,
      invoiceDate: dated ?? end,
      periodStart: undefined,
      periodEnd: end,
    }),
    [line('recurring', amount, { description: 'Business Unlimited' })],
  );
}

describe('the start of a period that states only its end', () => {
  it.each([
    ['2024-06-30', '2024-06-01'],
    ['2024-02-29', '2024-02-01'],
    ['2025-02-28', '2025-02-01'],
    ['2024-12-31', '2024-12-01'],
    ['2021-08-16', '2021-07-17'],
    ['2024-03-30', '2024-03-01'],
    ['2024-01-15', '2023-12-16'],
  ] as const)('a cycle ending %s starts %s', (end, start) => {
    expect(estimatedPeriodStart(end as IsoDate)).toBe(start);
  });
});

describe('billed-after-disconnect on month-end cycles', () => {
  it('claims the June bill of a line disconnected on May 31', () => {
    const rules = ALL_RULES.filter((rule) => rule.id === 'billed-after-disconnect');
    const bills = ['2024-05', '2024-06', '2024-07', '2024-08', '2024-09'].map((month) =>
      cycleBill(month),
    );
    const services = [
      makeService({ status: 'disconnected', disconnectedOn: isoDate(2024, 5, 31) }),
    ];
    const findings = runAudit(snapshotOf({ bills, services }), rules).findings;
    expect(findings.map((finding) => finding.impact)).toEqual([4 * 40_95]);
    expect(findings[0]?.message).toContain('2024-06 to 2024-09 (4 invoices)');
  });
});

describe('missing-invoice for a late bill that states only its period end', () => {
  const rules = ALL_RULES.filter((rule) => rule.id === 'missing-invoice');
  const missing = (bills: ReturnType<typeof cycleBill>[], today: IsoDate) =>
    runAudit(
      snapshotOf({ bills, accounts: [makeAccount({ billCycleDay: 30 })], today }),
      rules,
    ).findings.map((finding) => finding.subject.period);

  it.each([isoDate(2024, 4, 2), isoDate(2024, 4, 8)])(
    'March’s bill dated %s bills March: nothing missing',
    (dated) => {
      const bills = [
        cycleBill('2024-01'),
        cycleBill('2024-02'),
        cycleBill('2024-03', dated),
        cycleBill('2024-04'),
        cycleBill('2024-05'),
      ];
      expect(missing(bills, isoDate(2024, 6, 5))).toEqual([]);
    },
  );

  it('a month whose bill did not come is still missing', () => {
    const bills = [
      cycleBill('2024-01'),
      cycleBill('2024-02'),
      cycleBill('2024-04'),
      cycleBill('2024-05'),
    ];
    expect(missing(bills, isoDate(2024, 6, 5))).toEqual(['2024-03']);
  });
});
