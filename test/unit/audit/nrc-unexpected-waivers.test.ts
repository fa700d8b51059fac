/**
 * A credit naming a one-time charge gives back that charge, once and up to its amount: a waiver
 * of a fee on its own bill that the inventory explains refunds that fee, not an earlier unexpected
 * one of the same name; a credit larger than the fee it names does not net the service's other
 * one-time charges.
 */
import { expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { isoDate } from '../../../shared/dates';
import { billed, line, makeInvoice, makeService, snapshotOf } from './helpers';

const rules = ALL_RULES.filter((rule) => rule.id === 'nrc-unexpected');
const fee = (amount: number, description: string) => line('one-time', amount, { description });
const credit = (amount: number, description: string) => line('credit', -amount, { description });

function found(
  months: Record<string, ReturnType<typeof line>[]>,
  activatedOn = isoDate(2024, 1, 1),
) {
  const bills = Object.entries(months).map(([month, lines]) =>
    billed(makeInvoice({ month }), lines),
  );
  const services = [makeService({ activatedOn })];
  return runAudit(snapshotOf({ bills, services }), rules).findings.map((f) => f.impact);
}

it('a waiver of an explained fee on its own bill does not give back an earlier unexpected one', () => {
  expect(
    found(
      {
        '2026-03': [line('recurring', 45_00), fee(35_00, 'Upgrade Fee')],
        '2026-06': [
          line('recurring', 45_00),
          fee(35_00, 'Upgrade Fee'),
          credit(35_00, 'Upgrade Fee waived'),
        ],
      },
      // The June upgrade is in the inventory; March's is not (60 days either side).
      isoDate(2026, 6, 10),
    ),
  ).toEqual([35_00]);
});

it('a credit naming one fee gives back no more than that fee', () => {
  expect(
    found({
      '2026-05': [
        fee(35_00, 'Upgrade Fee'),
        fee(200_00, 'Early Termination Fee'),
        credit(50_00, 'Upgrade Fee credit'),
      ],
    }),
  ).toEqual([200_00]);
});

it('two credits do not give back one fee twice', () => {
  expect(
    found({
      '2026-04': [fee(35_00, 'Upgrade Fee'), fee(200_00, 'Early Termination Fee')],
      '2026-05': [credit(35_00, 'Upgrade Fee refund'), credit(35_00, 'Upgrade Fee credit')],
    }),
  ).toEqual([200_00]);
});
