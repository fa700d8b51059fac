/**
 * A price raised when the contract ended is out-of-contract's money: the month it comes is no
 * spike of the same dollars (money at stake would count them twice). What else the month bills
 * above its usual level is still a spike.
 */
import { expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { isoDate } from '../../../shared/dates';
import { cents } from '../../../shared/money/cents';
import type { PackableLine } from '../../../shared/storage/charge-blocks';
import { foundAndNet } from './at-stake';
import { billed, line, makeContract, makeInvoice, makeService, snapshotOf } from './helpers';

const PORT = { serviceIdRaw: 'CKT-1', serviceKey: 'CKT1', description: 'MPLS port' };
const rules = ALL_RULES.filter((rule) => ['out-of-contract', 'spike'].includes(rule.id));

/** A $1,000 port on a contract ended 28 February, billed $1,500 from March unless told. */
function audit(march: PackableLine[] = [], billedFrom = [1500_00, 1500_00]) {
  const bills = ['2026-01', '2026-02', '2026-03', '2026-04'].map((month, i) =>
    billed(makeInvoice({ month }), [
      line('recurring', i < 2 ? 1000_00 : (billedFrom[i - 2] ?? 0), PORT),
      ...(month === '2026-03' ? march : []),
    ]),
  );
  const { findings } = runAudit(
    snapshotOf({
      bills,
      services: [makeService({ serviceIdRaw: 'CKT-1', serviceKey: 'CKT1', plan: 'MPLS 100M' })],
      contracts: [
        makeContract({
          endDate: isoDate(2026, 2, 28),
          rateCard: [{ planOrServiceType: 'MPLS 100M', monthlyRateCents: cents(1000_00) }],
        }),
      ],
      today: isoDate(2026, 5, 10),
    }),
    rules,
  );
  return foundAndNet(findings);
}

it('the month the price went up out of contract is no spike: $1,000 at stake, not $1,500', () => {
  expect(audit()).toEqual({ found: [['out-of-contract', 1000_00]], net: 1000_00 });
});

it('a charge the month bills beyond the raised price is still a spike', () => {
  const found = audit([line('one-time', 300_00, { ...PORT, description: 'Router' })]);
  expect(found).toEqual({
    found: [
      ['out-of-contract', 1000_00],
      ['spike', 300_00],
    ],
    net: 1300_00,
  });
});

it('each month explains what it bills above the last rate, not a share of the months’ sum', () => {
  // March $100 above the rate, April $500: April's $500 is out-of-contract's, no $205 spike.
  expect(audit([], [1100_00, 1500_00])).toEqual({
    found: [['out-of-contract', 600_00]],
    net: 600_00,
  });
});
