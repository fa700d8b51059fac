/**
 * A renewal recorded beside the contract it replaces, both naming the account (the service names
 * neither): each bill is judged by the contract in effect on its days. Before, the first contract
 * found took every bill, so the new rates were never checked, the account was called out of
 * contract, and the new commitment was shared with the lapsed contract and looked half spent.
 */
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { isoDate } from '../../../shared/dates';
import { cents } from '../../../shared/money/cents';
import { billed, line, makeContract, makeInvoice, makeService, snapshotOf } from './helpers';

const old = makeContract({
  id: 'c-old',
  name: 'Old MSA',
  startDate: isoDate(2023, 1, 1),
  endDate: isoDate(2025, 12, 31),
  rateCard: [{ planOrServiceType: 'Business Unlimited', monthlyRateCents: cents(50_00) }],
});
const renewal = makeContract({
  id: 'c-new',
  name: 'New MSA',
  startDate: isoDate(2026, 1, 1),
  endDate: isoDate(2028, 12, 31),
  marcCents: cents(500_00),
  rateCard: [{ planOrServiceType: 'Business Unlimited', monthlyRateCents: cents(45_00) }],
});
// The service names no contract: the account's contracts decide.
const service = makeService({ contractId: undefined });

function findings(bills: ReturnType<typeof billed>[], contracts = [old, renewal]) {
  return runAudit(
    snapshotOf({ bills, contracts, services: [service], today: isoDate(2026, 12, 5) }),
    ALL_RULES.filter((rule) =>
      ['rate-mismatch', 'out-of-contract', 'marc-shortfall'].includes(rule.id),
    ),
  ).findings.map((f) => [f.ruleId, f.impact, f.message]);
}

const monthly = (month: string, amount: number) =>
  billed(makeInvoice({ month }), [line('recurring', amount)]);

describe('a renewal beside the contract it replaced', () => {
  it('checks the new term’s bills against the new rates, and calls nothing out of contract', () => {
    const bills = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'].map((month) =>
      monthly(month, 45_00),
    );
    bills.push(monthly('2026-06', 52_00));
    expect(findings(bills)).toEqual([
      [
        'rate-mismatch',
        7_00,
        'Line 555-010-0001 billed $52.00 recurring on invoice N-2026-06; contract rate $45.00 — $7.00 over.',
      ],
    ]);
  });

  it('still judges the old term’s bills against the old rates', () => {
    const bills = [monthly('2025-11', 55_00), monthly('2026-01', 45_00)];
    expect(findings(bills)).toEqual([
      [
        'rate-mismatch',
        5_00,
        'Line 555-010-0001 billed $55.00 recurring on invoice N-2025-11; contract rate $50.00 — $5.00 over.',
      ],
    ]);
  });

  it('gives the new term’s spend to the new contract alone, so its commitment is met', () => {
    // $45 a month is $540 a year, above the $500 commitment: shared with the lapsed contract it
    // was $270 and a $230 shortfall.
    const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
    expect(findings(months.map((month) => monthly(month, 45_00)))).toEqual([]);
  });

  it('with the old contract alone, bills after its end are still out of contract', () => {
    const found = findings([monthly('2026-02', 50_00)], [old]);
    expect(found.map(([rule]) => rule)).toEqual(['out-of-contract']);
  });

  it('an old contract renewing by itself is superseded within the new contract’s term', () => {
    const rolling = { ...old, autoRenew: true, renewalTermMonths: 12 };
    const bills = [monthly('2026-03', 45_00), monthly('2026-04', 48_00)];
    expect(findings(bills, [rolling, renewal])).toEqual([
      [
        'rate-mismatch',
        3_00,
        'Line 555-010-0001 billed $48.00 recurring on invoice N-2026-04; contract rate $45.00 — $3.00 over.',
      ],
    ]);
  });
});

describe('renewal alerts of a contract with a new one recorded to take over', () => {
  const rolling = makeContract({
    id: 'c-rolling',
    name: 'Old MSA',
    startDate: isoDate(2024, 1, 1),
    endDate: isoDate(2026, 12, 31),
    autoRenew: true,
    renewalTermMonths: 12,
    noticeDays: 60,
  });
  const alerts = (contracts: ReturnType<typeof makeContract>[]) =>
    runAudit(
      snapshotOf({ bills: [], contracts, services: [service], today: isoDate(2026, 11, 20) }),
      ALL_RULES.filter((rule) => rule.id === 'renewal-due'),
    ).findings.map((f) => [f.severity, f.message]);

  it('are an error past the deadline of an auto-renewing contract with nothing recorded after it', () => {
    expect(alerts([rolling]).map(([severity]) => severity)).toEqual(['error']);
  });

  it('are a note asking to close the old contract once the new one is recorded', () => {
    const next = makeContract({
      id: 'c-next',
      name: 'New MSA',
      startDate: isoDate(2027, 1, 1),
      endDate: isoDate(2029, 12, 31),
    });
    expect(alerts([rolling, next])).toEqual([
      [
        'info',
        'Old MSA ends 2026-12-31 and renews automatically for 12 months: the notice deadline 2026-11-01 has passed. New MSA is recorded to take over from 2027-01-01: once the carrier confirms it replaces this contract, mark this one expired or terminated.',
      ],
    ]);
  });
});
