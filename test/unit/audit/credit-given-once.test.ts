/**
 * A credit is given back once. April bills a $50 line twice; May bills it once with a −$50
 * "Credit - billed in error". The credit refunds April's copy (duplicate-charge) or reverses May's
 * line (rate-mismatch, out-of-contract), never both: what is owed is what was paid above the
 * rate, $100 + $0 − $90 = $10, whatever order the bills, their lines or the rules come in.
 */
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { isoDate } from '../../../shared/dates';
import type { PackableLine } from '../../../shared/storage/charge-blocks';
import { foundAndNet } from './at-stake';
import { billed, line, makeContract, makeInvoice, snapshotOf } from './helpers';

const PRICE_RULES = ['duplicate-charge', 'rate-mismatch', 'out-of-contract'];
const charge = line('recurring', 50_00);
const reRated = line('recurring', 45_00);
const inError = line('credit', -50_00, { description: 'Credit - billed in error' });

function audit(
  april: PackableLine[],
  may: PackableLine[],
  options: { reversed?: boolean; rulesReversed?: boolean; contractEnded?: boolean } = {},
) {
  const bills = [
    billed(makeInvoice({ month: '2026-04' }), april),
    billed(makeInvoice({ month: '2026-05' }), may),
  ];
  const rules = ALL_RULES.filter((rule) => PRICE_RULES.includes(rule.id));
  const contracts = options.contractEnded
    ? [makeContract({ endDate: isoDate(2026, 3, 31), termMonths: 27 })]
    : undefined;
  const { findings } = runAudit(
    snapshotOf({ bills: options.reversed === true ? bills.reverse() : bills, contracts }),
    options.rulesReversed === true ? [...rules].reverse() : rules,
  );
  return foundAndNet(findings);
}

describe('a credit refunding a copy billed earlier is no reversal of the line it stands beside', () => {
  it.each([
    ['bills in date order', {}],
    ['bills read newest first', { reversed: true }],
    ['rules run in the other order', { rulesReversed: true }],
  ])('over the rate by 10.00, no copy left: %s', (_, options) => {
    expect(audit([charge, charge], [charge, inError], options)).toEqual({
      found: [['rate-mismatch', 10_00]],
      net: 10_00,
    });
  });

  it('the same with the credit written before the line it stands beside', () => {
    expect(audit([charge, charge], [inError, charge])).toEqual({
      found: [['rate-mismatch', 10_00]],
      net: 10_00,
    });
  });

  it('a "Rate adjustment" refunding the copy is not also May’s price corrected to $0', () => {
    const adjustment = line('credit', -50_00, { description: 'Rate adjustment' });
    expect(audit([charge, charge], [charge, adjustment])).toEqual({
      found: [['rate-mismatch', 10_00]],
      net: 10_00,
    });
  });

  it('after the contract ended: $5 above the last rate in each month', () => {
    expect(audit([charge, charge], [charge, inError], { contractEnded: true })).toEqual({
      found: [['out-of-contract', 10_00]],
      net: 10_00,
    });
  });
});

describe('a credit left once the copies are refunded still reverses a line', () => {
  it('a second credit on May reverses its line: only April is over ($200 paid less $100 back)', () => {
    expect(audit([charge, charge], [charge, inError, inError])).toEqual({
      found: [['rate-mismatch', 5_00]],
      net: 5_00,
    });
  });

  it('with no copy to refund, the credit reverses the line re-rated beside it', () => {
    expect(audit([charge], [charge, inError, reRated])).toEqual({
      found: [['rate-mismatch', 5_00]],
      net: 5_00,
    });
  });

  it('a copy refunded on its own bill: each month bills $50, $10 over in all', () => {
    expect(audit([charge, charge, inError], [charge])).toEqual({
      found: [['rate-mismatch', 10_00]],
      net: 10_00,
    });
  });

  it('a copy in each month and one credit in May: May’s copy is refunded, April’s still billed', () => {
    expect(audit([charge, charge], [charge, charge, inError])).toEqual({
      found: [
        ['duplicate-charge', 50_00],
        ['rate-mismatch', 10_00],
      ],
      net: 60_00,
    });
  });
});
