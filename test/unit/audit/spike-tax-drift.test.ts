/**
 * Taxes billed above the account's usual share are tax-drift's money: the month they come is no
 * spike of the same dollars (money at stake would count them twice). What else the month bills
 * above its usual level is still a spike.
 */
import { expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { isoDate } from '../../../shared/dates';
import type { PackableLine } from '../../../shared/storage/charge-blocks';
import { foundAndNet } from './at-stake';
import { billed, line, makeInvoice, snapshotOf } from './helpers';

const rules = ALL_RULES.filter((rule) => ['tax-drift', 'spike'].includes(rule.id));
const TAX = { serviceIdRaw: '', description: 'State & Local Sales Tax' };

/** $1,000 of lines and $100 of tax a month; June's tax $300. */
function audit(june: PackableLine[] = []) {
  const bills = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'].map((month) =>
    billed(makeInvoice({ month }), [
      line('recurring', 1000_00),
      line('tax', month === '2026-06' ? 300_00 : 100_00, TAX),
      ...(month === '2026-06' ? june : []),
    ]),
  );
  const { findings } = runAudit(snapshotOf({ bills, today: isoDate(2026, 7, 10) }), rules);
  return foundAndNet(findings);
}

it('taxes at three times their usual share are no spike too: $200 at stake, not $400', () => {
  expect(audit()).toEqual({ found: [['tax-drift', 200_00]], net: 200_00 });
});

it('a charge the month bills beyond the taxes is still a spike, with its usual tax', () => {
  expect(audit([line('one-time', 300_00, { description: 'Router' })])).toEqual({
    found: [
      ['spike', 330_00],
      ['tax-drift', 170_00],
    ],
    net: 500_00,
  });
});
