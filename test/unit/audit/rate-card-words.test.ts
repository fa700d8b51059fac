/**
 * A rate card row written by type the way inventory files write it (`Mobile`, `DIA`) prices the
 * services the inventory read as that type, and a plan compares as the rates import compares it
 * (case and runs of spaces aside). Before, such rows priced nothing and the rate check was silent.
 */
import { expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { contractedRateMatch } from '../../../shared/contracts/rates';
import { cents } from '../../../shared/money/cents';
import { billed, line, makeContract, makeInvoice, makeService, snapshotOf } from './helpers';

const rules = ALL_RULES.filter((rule) => rule.id === 'rate-mismatch');

it('a type written as an inventory word prices the services of that type', () => {
  const contract = makeContract({
    rateCard: [
      { planOrServiceType: 'Mobile', monthlyRateCents: cents(45_00) },
      { planOrServiceType: 'DIA', monthlyRateCents: cents(800_00) },
    ],
  });
  const phone = makeService({ plan: 'Some plan not on the card' });
  const internet = makeService({ id: 'svc-2', type: 'internet', plan: undefined });
  expect(contractedRateMatch(contract, phone)).toEqual({
    rate: contract.rateCard?.[0],
    match: 'type',
  });
  expect(contractedRateMatch(contract, internet)?.rate.monthlyRateCents).toBe(800_00);
  // A word naming no type prices nothing by type.
  const other = makeContract({
    rateCard: [{ planOrServiceType: 'Gold bundle', monthlyRateCents: cents(1_00) }],
  });
  expect(contractedRateMatch(other, phone)).toBeUndefined();
});

it('a plan written with other spacing or case is the same plan', () => {
  const contract = makeContract({
    rateCard: [
      { planOrServiceType: 'mobile-line', monthlyRateCents: cents(40_00) },
      { planOrServiceType: 'Biz Unlimited', monthlyRateCents: cents(35_00) },
    ],
  });
  const service = makeService({ plan: ' biz  UNLIMITED ' });
  expect(contractedRateMatch(contract, service)).toEqual({
    rate: contract.rateCard?.[1],
    match: 'plan',
  });
});

it('the rate check finds an overcharge against a rate written by type word', () => {
  const contract = makeContract({
    rateCard: [{ planOrServiceType: 'Wireless', monthlyRateCents: cents(45_00) }],
  });
  const bill = billed(makeInvoice({ month: '2026-05' }), [line('recurring', 50_00)]);
  const snapshot = snapshotOf({
    bills: [bill],
    contracts: [contract],
    services: [makeService({ plan: 'Unlisted' })],
  });
  expect(runAudit(snapshot, rules).findings.map((f) => f.impact)).toEqual([5_00]);
});
