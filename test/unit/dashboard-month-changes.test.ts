/**
 * The dashboard's change chart: a range of one month is compared with the month before it when
 * that month has bills; otherwise, and for months without bills, it says why there is no change.
 */
import { describe, expect, it } from 'vitest';
import {
  dashboardView,
  NO_DASHBOARD_FILTER,
  type DashboardFilter,
} from '../../shared/billing/dashboard-view';
import { DimensionIndex } from '../../shared/billing/dimensions';
import { monthChanges, monthMovers } from '../../shared/billing/month-changes';
import { isoMonth, type IsoMonth } from '../../shared/dates';
import type { Invoice } from '../../shared/model';

const bill = (id: string, carrierId: string, invoiceDate: string, amount: number) =>
  ({
    id,
    carrierId,
    accountNumber: '100',
    invoiceDate,
    categoryTotals: { recurring: amount },
  }) as unknown as Invoice;

const index = new DimensionIndex({ accounts: [], services: [], sites: [] });
/** `'2026-10'` as a month. */
const m = (text: string): IsoMonth => isoMonth(Number(text.slice(0, 4)), Number(text.slice(5)));
const changesOf = (invoices: Invoice[], from: string, to: string, carrierId = '') => {
  const filter: DashboardFilter = { ...NO_DASHBOARD_FILTER, from: m(from), to: m(to), carrierId };
  const view = dashboardView(invoices, new Map(), index, filter);
  return monthChanges(invoices, new Map(), index, filter, view);
};

const bills = [
  bill('a', 'vz', '2026-09-05', 500_00),
  bill('b', 'att', '2026-09-07', 300_00),
  bill('c', 'vz', '2026-10-05', 450_00),
  bill('d', 'att', '2026-10-07', 300_00),
];

describe('month changes', () => {
  it('compares one month with the month before, with the filters', () => {
    expect(changesOf(bills, '2026-10', '2026-10')).toEqual({
      kind: 'changes',
      changes: [
        { month: '2026-10', before: '2026-09', current: 750_00, previous: 800_00, change: -50_00 },
      ],
    });
    const att = changesOf(bills, '2026-10', '2026-10', 'att');
    expect(att.kind === 'changes' && att.changes.map((c) => c.change)).toEqual([0]);
  });

  it('says so when the month before one month has no bills', () => {
    expect(changesOf(bills, '2026-09', '2026-09')).toEqual({
      kind: 'no-month-before',
      month: '2026-09',
      before: '2026-08',
    });
  });

  it('a month without bills after a billed one is a drop to nothing', () => {
    const shown = changesOf(bills, '2026-11', '2026-11');
    expect(shown.kind === 'changes' && shown.changes.map((c) => c.change)).toEqual([-750_00]);
  });

  it('no chart of zeros for months with no bills matching the filters', () => {
    expect(changesOf(bills, '2019-01', '2019-03')).toEqual({ kind: 'nothing-billed' });
    expect(changesOf(bills, '2026-10', '2026-10', 'tmo')).toEqual({ kind: 'nothing-billed' });
  });

  it('a range of months: each against the one before it in the range', () => {
    const shown = changesOf(bills, '2026-09', '2026-10');
    expect(shown.kind === 'changes' && shown.changes.map((c) => [c.month, c.change])).toEqual([
      ['2026-10', -50_00],
    ]);
  });
});

describe('biggest movers', () => {
  const moversOf = (invoices: Invoice[], from: string, to: string) => {
    const filter: DashboardFilter = { ...NO_DASHBOARD_FILTER, from: m(from), to: m(to) };
    const view = dashboardView(invoices, new Map(), index, filter);
    return monthMovers(invoices, new Map(), index, filter, view);
  };

  it('of one month are against the month before, as the change chart compares them', () => {
    const one = moversOf(bills, '2026-10', '2026-10');
    const two = moversOf(bills, '2026-09', '2026-10');
    expect(one).toEqual(two);
    expect(one.before).toBe('2026-09');
    expect(one.compared).toBe(true);
    // Verizon's account went from $500 to $450; AT&T's did not move.
    expect(one.movers.map((mover) => [mover.carrierId, mover.change])).toEqual([['vz', -50_00]]);
  });

  it('of a first month are none, said against the month before it', () => {
    const first = moversOf(bills, '2026-09', '2026-09');
    expect(first).toMatchObject({ movers: [], compared: false, before: '2026-08' });
  });
});
