/**
 * Roaming refunded on a later bill (a 'Roaming credit' next month, after the user called the
 * carrier) is no longer claimed: the finding claimed usage the carrier had given back. A credit
 * beyond the later bill's own usage gives back the latest earlier month first, never a month
 * billed after it; a plan discount or an outage credit gives nothing back.
 */
import { expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { isoDate } from '../../../shared/dates';
import type { PackableLine } from '../../../shared/storage/charge-blocks';
import { foundAndNet } from './at-stake';
import { billed, line, makeInvoice, snapshotOf } from './helpers';

const rules = ALL_RULES.filter((rule) => rule.id === 'overage');
const roaming = line('usage', 200_00, { description: 'International roaming' });
const refund = (amount: number, description = 'Roaming credit') =>
  line('credit', -amount, { description });

/** The line's $45 plan each month, with `extra` lines by month (April to June). */
function overage(extra: Record<string, PackableLine[]>) {
  const bills = ['2026-04', '2026-05', '2026-06'].map((month) =>
    billed(makeInvoice({ month }), [line('recurring', 45_00), ...(extra[month] ?? [])]),
  );
  return runAudit(snapshotOf({ bills }), rules).findings.map((f) => [f.impact, f.message]);
}

it('roaming refunded in full on the next bill is no finding', () => {
  expect(overage({ '2026-05': [roaming], '2026-06': [refund(200_00)] })).toEqual([]);
});

it('a partial refund next month leaves the rest, and the message says it was credited back', () => {
  expect(overage({ '2026-05': [roaming], '2026-06': [refund(150_00)] })).toEqual([
    [
      50_00,
      '555-010-0001: $50.00 of usage charges (after $150.00 credited back) on invoice N-2026-05 (2026-05); $200.00 is 444.4% of its $45.00 plan rate.',
    ],
  ]);
});

it('a credit gives back its own bill’s usage first, then the latest earlier month', () => {
  const found = overage({
    '2026-04': [roaming],
    '2026-05': [roaming],
    '2026-06': [line('usage', 30_00, { description: 'Roaming' }), refund(230_00)],
  });
  expect(found.map(([impact]) => impact)).toEqual([200_00]);
  expect(found[0]?.[1]).toContain('(after $200.00 credited back)');
});

it('a refund before the roaming, an outage credit or a plan discount gives nothing back', () => {
  const found = overage({
    '2026-04': [refund(200_00)],
    '2026-05': [roaming],
    '2026-06': [refund(20_00, 'Outage credit'), refund(5_00, 'Data plan discount')],
  });
  expect(found.map(([impact]) => impact)).toEqual([200_00]);
});

/** `overage` and `spike` over January to July at the $45 plan, with `extra` lines by month. */
function withSpike(extra: Record<string, PackableLine[]>, also: string[] = []) {
  const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07'];
  const bills = months.map((month) =>
    billed(makeInvoice({ month }), [line('recurring', 45_00), ...(extra[month] ?? [])]),
  );
  const rules = ALL_RULES.filter((rule) => ['overage', 'spike', ...also].includes(rule.id));
  return foundAndNet(runAudit(snapshotOf({ bills, today: isoDate(2026, 8, 10) }), rules).findings);
}

it('what is left is on the month not refunded: no spike of the same dollars', () => {
  // June's roaming is refunded in July: May's $200 is overage's, no $100 spike beside it, and
  // June's $200, given back, is no spike either.
  const found = withSpike({
    '2026-05': [roaming],
    '2026-06': [roaming],
    '2026-07': [refund(200_00)],
  });
  expect(found).toEqual({ found: [['overage', 200_00]], net: 200_00 });
});

it('roaming partly credited on its own bill explains only what is left of it', () => {
  // May: $200 of roaming less $150 credited, and a $150 router: the router is the spike.
  const router = line('one-time', 150_00, { description: 'Router' });
  const found = withSpike({ '2026-05': [roaming, refund(150_00), router] });
  expect(found).toEqual({
    found: [
      ['overage', 50_00],
      ['spike', 150_00],
    ],
    net: 200_00,
  });
});

it('a fee given back on its own bill, in words the fee’s finding does not list, explains no more', () => {
  // May: a $50 late fee less a $30 reversal beside it, and a $300 router: the router is the spike.
  const fee = { serviceIdRaw: '', description: 'Late Payment Charge' };
  const found = withSpike(
    {
      '2026-05': [
        line('late-fee', 50_00, fee),
        line('credit', -30_00, { ...fee, description: 'Late Fee Reversal' }),
        line('one-time', 300_00, { description: 'Router' }),
      ],
    },
    ['late-fee'],
  );
  expect(found).toEqual({
    found: [
      ['late-fee', 20_00],
      ['spike', 300_00],
    ],
    net: 320_00,
  });
});
