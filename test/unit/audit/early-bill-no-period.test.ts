/**
 * Bills that state no period bill their month, the month of their invoice date, so a copy re-sent
 * days later is found. But the next month's bill can come a day early: two bills of one account
 * dated March 1 and March 31 are a whole cycle apart, March's and April's, not a bill and its
 * copy. April is then billed, March is not billed twice, and both bills are audited.
 */
import { describe, expect, it } from 'vitest';
import { billingMonths } from '../../../shared/audit/billing-month';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { isoDate, type IsoDate } from '../../../shared/dates';
import { cents } from '../../../shared/money/cents';
import { billed, line, makeContract, makeInvoice, makeService, snapshotOf } from './helpers';

const CIRCUIT = { serviceIdRaw: '12.DDDD.000001..LUMN', description: 'MRC' };
const CHECKED = [
  'duplicate-invoice',
  'missing-invoice',
  'duplicate-charge',
  'period-overlap',
  'rate-mismatch',
  'spike',
];

/** A bill of account A-1 dated `date` with one $800 circuit line and no stated period. */
function undated(invoiceNumber: string, date: IsoDate, amount = 800_00) {
  const invoice = makeInvoice({ invoiceNumber, invoiceDate: date });
  delete invoice.periodStart;
  delete invoice.periodEnd;
  return billed(invoice, [line('recurring', amount, CIRCUIT)]);
}

function audit(
  dates: readonly IsoDate[],
  amounts: readonly number[] = [],
  today: IsoDate = isoDate(2026, 6, 20),
) {
  const bills = dates.map((date, i) => undated(`L-${i}`, date, amounts[i]));
  const { findings } = runAudit(
    snapshotOf({
      bills,
      services: [],
      today,
    }),
    ALL_RULES.filter((rule) => CHECKED.includes(rule.id)),
  );
  return findings.map((f) => [f.ruleId, f.subject.invoiceNumber ?? '', f.subject.period]);
}

describe('two bills with no stated period dated in one month', () => {
  const monthly = [
    isoDate(2026, 1, 1),
    isoDate(2026, 2, 1),
    isoDate(2026, 3, 1),
    isoDate(2026, 3, 31),
    isoDate(2026, 5, 1),
    isoDate(2026, 6, 1),
  ];

  it('a whole cycle apart (March 1 and 31) are March’s and April’s bills: no copy, no month missing', () => {
    expect(audit(monthly)).toEqual([]);
  });

  it('the early April bill is still audited: the rate above the contract is found on it too', () => {
    // The circuit is contracted at $750 and billed $800 every month: six bills, six months over.
    const circuit = makeService({
      type: 'circuit',
      plan: 'DIA',
      serviceIdRaw: CIRCUIT.serviceIdRaw,
      serviceKey: line('recurring', 0, CIRCUIT).serviceKey,
    });
    const contract = makeContract({
      rateCard: [{ planOrServiceType: 'DIA', monthlyRateCents: cents(750_00) }],
    });
    const { findings } = runAudit(
      snapshotOf({
        bills: monthly.map((date, i) => undated(`L-${i}`, date)),
        services: [circuit],
        contracts: [contract],
        today: isoDate(2026, 6, 20),
      }),
      ALL_RULES.filter((rule) => CHECKED.includes(rule.id)),
    );
    expect(findings.map((f) => [f.ruleId, f.impact, f.subject.invoiceNumbers])).toEqual([
      ['rate-mismatch', 6 * 50_00, ['L-0', 'L-1', 'L-2', 'L-3', 'L-4', 'L-5']],
    ]);
  });

  it('a late bill and the next month’s a cycle apart (March 2 and 31, bills dated the 28th): no month missing, none billed twice, no later month moved', () => {
    expect(
      audit(
        [
          isoDate(2026, 1, 28),
          isoDate(2026, 3, 2),
          isoDate(2026, 3, 31),
          isoDate(2026, 4, 28),
          isoDate(2026, 5, 28),
        ],
        [],
        // Before June's bill is due (the helpers' account bills on the 1st, with 10 days' grace).
        isoDate(2026, 6, 8),
      ),
    ).toEqual([]);
  });

  it('a few days apart are still a copy re-sent under a new number', () => {
    const found = audit([
      isoDate(2026, 3, 1),
      isoDate(2026, 3, 6),
      isoDate(2026, 4, 1),
      isoDate(2026, 5, 1),
      isoDate(2026, 6, 1),
    ]);
    expect(found).toEqual([['duplicate-invoice', 'L-1', '2026-03']]);
  });

  it('a copy of the early bill re-sent days later, in its own month, is found as its copy', () => {
    const found = audit([
      isoDate(2026, 3, 1),
      isoDate(2026, 3, 31),
      isoDate(2026, 4, 3),
      isoDate(2026, 5, 1),
      isoDate(2026, 6, 1),
    ]);
    expect(found).toEqual([['duplicate-invoice', 'L-2', '2026-04']]);
  });
});

describe('billingMonths', () => {
  const of = (...dates: IsoDate[]) =>
    billingMonths(dates.map((invoiceDate, i) => ({ invoiceDate, invoiceNumber: `N-${i}` })));

  it('is each bill’s own month when no two bills of a month are a cycle apart', () => {
    expect(of(isoDate(2026, 1, 15), isoDate(2026, 2, 3), isoDate(2026, 2, 20))).toEqual([
      '2026-01',
      '2026-02',
      '2026-02',
    ]);
  });

  it('moves the later of two bills a cycle apart to the next month, and a cycle moved to month ends with it', () => {
    // The carrier moves its bill day from the 1st to the last day: each bill is next month's.
    expect(
      of(isoDate(2026, 3, 31), isoDate(2026, 3, 1), isoDate(2026, 4, 30), isoDate(2026, 5, 31)),
    ).toEqual(['2026-04', '2026-03', '2026-05', '2026-06']);
  });

  it('reads the first of two bills a cycle apart as the month before’s, late, when the account bills late in the month', () => {
    // Bills dated the 28th: February's comes on March 2, March's on March 31. Read as an early
    // April bill, March 31 would move every later bill a month on (April 28 as May's…).
    expect(
      of(
        isoDate(2026, 1, 28),
        isoDate(2026, 3, 2),
        isoDate(2026, 3, 31),
        isoDate(2026, 4, 28),
        isoDate(2026, 5, 28),
      ),
    ).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05']);
    // A copy of the late bill re-sent days later bills its month too.
    expect(
      of(isoDate(2026, 1, 28), isoDate(2026, 3, 2), isoDate(2026, 3, 5), isoDate(2026, 3, 31)),
    ).toEqual(['2026-01', '2026-02', '2026-02', '2026-03']);
  });

  it('reads the later as the month after’s, early, when the account bills early in the month, even with a month missing before', () => {
    // Bills dated the 1st, February's missing: March 1 is March's, on its day; March 31 is April's.
    expect(
      of(isoDate(2026, 1, 1), isoDate(2026, 3, 1), isoDate(2026, 3, 31), isoDate(2026, 5, 1)),
    ).toEqual(['2026-01', '2026-03', '2026-04', '2026-05']);
  });

  it('counts 25 days as a cycle and 24 as the same one', () => {
    expect(of(isoDate(2026, 3, 1), isoDate(2026, 3, 26))).toEqual(['2026-03', '2026-04']);
    expect(of(isoDate(2026, 3, 1), isoDate(2026, 3, 25))).toEqual(['2026-03', '2026-03']);
  });
});
