/**
 * A bill whose period runs across a contract's start or end blends two prices. With the price of
 * the other side known (the contract replaced or taking over, the month-to-month rate, or the
 * service's nearest bill wholly on that side), each side's days are priced at their own: an
 * exactly prorated bill is no overcharge, and what a bill runs past the end is out-of-contract's,
 * not rate-mismatch's. Before, the bill was read as one price spread over its days.
 */
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { isoDate } from '../../../shared/dates';
import { cents } from '../../../shared/money/cents';
import type { Contract } from '../../../shared/model';
import { billed, line, makeContract, makeInvoice, makeService, snapshotOf } from './helpers';

const rules = ALL_RULES.filter((rule) => ['rate-mismatch', 'out-of-contract'].includes(rule.id));
const card = (rate: number, holdover?: number) => [
  {
    planOrServiceType: 'Business Unlimited',
    monthlyRateCents: cents(rate),
    ...(holdover === undefined ? {} : { monthToMonthRateCents: cents(holdover) }),
  },
];
const monthly = (month: string, amount: number) =>
  billed(makeInvoice({ month }), [line('recurring', amount)]);

function found(bills: ReturnType<typeof billed>[], contracts: Contract[]) {
  const snapshot = snapshotOf({
    bills,
    contracts,
    services: [makeService({ contractId: undefined })],
    today: isoDate(2026, 12, 5),
  });
  return runAudit(snapshot, rules).findings.map((f) => [f.ruleId, f.impact]);
}

describe('a contract starting part-way through a bill', () => {
  // From 15 June at $700: June bills 14 days before it and 16 in it.
  const starting = makeContract({
    startDate: isoDate(2026, 6, 15),
    endDate: isoDate(2029, 6, 14),
    rateCard: card(700_00),
  });

  it('an exact proration from the price billed before it is no overcharge', () => {
    // 800 × 14/30 + 700 × 16/30 = 746.67; read as one price it was $24.89 over.
    const bills = [
      monthly('2026-05', 800_00),
      monthly('2026-06', 746_67),
      monthly('2026-07', 700_00),
    ];
    expect(found(bills, [starting])).toEqual([]);
  });

  it('the days in its term are still judged at its rate', () => {
    // $760 is $13.33 above 800 × 14/30 + 700 × 16/30.
    const bills = [monthly('2026-05', 800_00), monthly('2026-06', 760_00)];
    expect(found(bills, [starting])).toEqual([['rate-mismatch', 13_33]]);
  });

  it('the contract it replaced prices the days before it', () => {
    const replaced = makeContract({
      id: 'ctr-0',
      startDate: isoDate(2023, 6, 15),
      endDate: isoDate(2026, 6, 14),
      rateCard: card(800_00),
    });
    const bills = [monthly('2026-06', 746_67)];
    expect(found(bills, [replaced, starting])).toEqual([]);
  });
});

describe('a contract ending part-way through a bill', () => {
  // Until 14 June at $800: June bills 14 days in it and 16 after it, at $900.
  const ending = makeContract({
    startDate: isoDate(2023, 6, 15),
    endDate: isoDate(2026, 6, 14),
    rateCard: card(800_00),
  });

  it('the days after it at the price billed after it are out-of-contract’s alone', () => {
    // 800 × 14/30 + 900 × 16/30 = 853.33: the days in the term were billed at the rate.
    const bills = [monthly('2026-06', 853_33), monthly('2026-07', 900_00)];
    expect(found(bills, [ending])).toEqual([['out-of-contract', 153_33]]);
  });

  it('the rate card’s month-to-month rate prices them when no later bill has come', () => {
    const withHoldover = { ...ending, rateCard: card(800_00, 900_00) };
    expect(found([monthly('2026-06', 853_33)], [withHoldover])).toEqual([
      ['out-of-contract', 53_33],
    ]);
  });
});
