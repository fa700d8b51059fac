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

const RULE_IDS = ['period-overlap', 'spike'];
const CIRCUIT = { serviceIdRaw: 'CKT-1', serviceKey: 'CKT1', description: 'MPLS port' };

/**
 * $1,000 a month January to May (and `monthly` lines each month); June's bill reaches back to
 * 18 May (14 days May billed).
 */
function audit(june: PackableLine[] = [], monthly: PackableLine[] = [], ruleIds = RULE_IDS) {
  const bills = [1, 2, 3, 4, 5].map((month) =>
    billed(makeInvoice({ month: `2026-0${month}` }), [
      line('recurring', 1000_00, CIRCUIT),
      ...monthly,
    ]),
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
    ALL_RULES.filter((rule) => ruleIds.includes(rule.id)),
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

it('days billed twice and taxes above their share on the same tax line are taken off once', () => {
  // June also bills a $300 router and $525.60 of tax (30 %, its usual 10 %): both tax-drift and
  // period-overlap claim part of the tax line. Each dollar above May's $1,100 is claimed once.
  const TAX = { serviceIdRaw: '', description: 'State & Local Sales Tax' };
  const june = [
    line('one-time', 300_00, { ...CIRCUIT, description: 'Router' }),
    line('tax', 525_60, TAX),
  ];
  const { net } = audit(june, [line('tax', 100_00, TAX)], [...RULE_IDS, 'tax-drift']);
  expect(net).toBe(1452_00 + 300_00 + 525_60 - 1100_00);
});
