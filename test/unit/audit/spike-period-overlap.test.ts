/**
 * Days billed twice are period-overlap's money: a bill reaching back over days the bill before
 * already billed is no spike of the same dollars (money at stake would count them twice).
 */
import { expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { endOfMonth, isoDate } from '../../../shared/dates';
import type { PackableLine } from '../../../shared/storage/charge-blocks';
import { foundAndNet } from './at-stake';
import { billed, line, makeInvoice, snapshotOf } from './helpers';

const rules = ALL_RULES.filter((rule) => ['period-overlap', 'spike'].includes(rule.id));
const CIRCUIT = { serviceIdRaw: 'CKT-1', serviceKey: 'CKT1', description: 'MPLS port' };

/** $1,000 a month January to May; June's bill reaches back to 18 May (14 days May billed). */
function audit(june: PackableLine[] = []) {
  const bills = [1, 2, 3, 4, 5].map((month) =>
    billed(makeInvoice({ month: `2026-0${month}` }), [line('recurring', 1000_00, CIRCUIT)]),
  );
  bills.push(
    billed(
      makeInvoice({
        invoiceNumber: 'N-2026-06',
        invoiceDate: isoDate(2026, 6, 1),
        periodStart: isoDate(2026, 5, 18),
        periodEnd: endOfMonth(isoDate(2026, 6, 1)),
      }),
      [line('recurring', 1452_00, CIRCUIT), ...june],
    ),
  );
  const { findings } = runAudit(
    snapshotOf({ bills, services: [], today: isoDate(2026, 7, 10) }),
    rules,
  );
  return foundAndNet(findings);
}

it('the days billed twice are no spike too', () => {
  expect(audit()).toEqual({ found: [['period-overlap', 462_00]], net: 462_00 });
});

it('a charge beyond them is still a spike', () => {
  expect(audit([line('one-time', 500_00, { ...CIRCUIT, description: 'Router' })])).toEqual({
    found: [
      ['period-overlap', 462_00],
      ['spike', 490_00],
    ],
    net: 952_00,
  });
});
