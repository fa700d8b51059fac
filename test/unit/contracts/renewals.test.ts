import { describe, expect, it } from 'vitest';
import {
  alertWindow,
  DEFAULT_ALERT_WINDOWS,
  renewalRows,
  timelinePoints,
} from '../../../shared/contracts/renewals';
import type { Cents } from '../../../shared/money/cents';
import { cents } from '../../../shared/money/cents';
import { day, makeContract } from './helpers';

describe('alertWindow: the tightest window reached', () => {
  it.each<[number, number | null]>([
    [365, null],
    [121, null],
    [120, 120],
    [91, 120],
    [90, 90],
    [46, 90],
    [45, 45],
    [31, 45],
    [30, 30],
    [1, 30],
    [0, 30],
    [-1, null],
    [-400, null],
  ])('%i days before the deadline → %s', (daysLeft, window) => {
    expect(alertWindow(daysLeft, DEFAULT_ALERT_WINDOWS)).toBe(window);
  });

  it('does not need the windows sorted, and has none with no windows', () => {
    expect(alertWindow(40, [30, 120, 45, 90])).toBe(45);
    expect(alertWindow(0, [])).toBeNull();
  });
});

const today = day('2026-06-01');
const carriers = new Map([
  ['car-lumen', 'Lumen'],
  ['car-att', 'AT&T'],
]);

describe('renewalRows', () => {
  const contracts = [
    makeContract({ id: 'ok', name: 'Far away', endDate: day('2027-12-31') }),
    makeContract({ id: 'window', name: 'In window', endDate: day('2026-09-30'), noticeDays: 60 }),
    makeContract({ id: 'past', name: 'Past deadline', endDate: day('2026-07-15'), noticeDays: 60 }),
    makeContract({
      id: 'expired',
      name: 'Expired',
      carrierId: 'car-att',
      endDate: day('2026-03-31'),
      autoRenew: false,
    }),
    makeContract({
      id: 'mtm',
      name: 'Evergreen',
      endDate: day('2025-12-31'),
      renewalTermMonths: 0,
      noticeDays: 30,
    }),
    makeContract({
      id: 'gone',
      name: 'Terminated',
      endDate: day('2025-01-01'),
      status: 'terminated',
    }),
  ];
  const spend = new Map<string, Cents>(contracts.map((c) => [c.id, cents(1_000_00)]));
  const rows = renewalRows(contracts, spend, today, DEFAULT_ALERT_WINDOWS, carriers);
  const byId = new Map(rows.map((row) => [row.contractId, row]));

  it('orders rows by notice deadline and puts terminated contracts last', () => {
    expect(rows.map((row) => [row.contractId, row.noticeDeadline])).toEqual([
      ['expired', '2026-01-30'],
      ['past', '2026-05-16'],
      ['mtm', '2026-05-31'],
      ['window', '2026-08-01'],
      ['ok', '2027-11-01'],
      ['gone', '2024-11-02'],
    ]);
  });

  it.each<[string, string, number, number | null, number]>([
    ['ok', 'ok', 518, null, 12_000_00],
    ['window', 'in-window', 61, 90, 12_000_00],
    ['past', 'past-deadline', -16, null, 12_000_00],
    ['expired', 'expired', -122, null, 0],
    ['mtm', 'month-to-month', -1, null, 1_000_00],
    ['gone', 'terminated', -576, null, 0],
  ])(
    '%s: state %s, %i days to notice, window %s, %i cents at stake',
    (id, state, days, window, stake) => {
      const row = byId.get(id);
      expect(row).toMatchObject({ state, daysToNotice: days, window, atStakeCents: stake });
      expect(row?.monthlySpend).toBe(1_000_00);
    },
  );

  it.each<[string, string]>([
    ['ok', 'Give notice to Lumen by 2027-11-01 or it renews for 12 months at current rates.'],
    ['past', 'Past the notice deadline: it renews on 2026-07-16 for 12 months; negotiate now.'],
    [
      'expired',
      'Out of contract since 2026-04-01: you pay month-to-month rates; negotiate a new term.',
    ],
    [
      'mtm',
      'Month-to-month: give notice to Lumen by 2026-05-31 to end it on 2026-06-30, or negotiate a term for better rates.',
    ],
    ['gone', 'Terminated: nothing to renew.'],
  ])('%s says what to do: %s', (id, action) => {
    expect(byId.get(id)?.action).toBe(action);
  });

  it('shows the current term of a rolled-over evergreen contract', () => {
    expect(byId.get('mtm')).toMatchObject({
      endDate: '2026-06-30',
      renewsOn: '2026-07-01',
      rolledOver: 6,
    });
  });

  it.each<[string, string, number, boolean, number, string, string]>([
    [
      '2026-10-01',
      '2027-01-01',
      30,
      true,
      12,
      'in-window',
      'Give notice to Lumen by 2026-12-02 or it renews for 12 months at current rates.',
    ],
    [
      '2026-06-01',
      '2026-12-31',
      60,
      true,
      0,
      'ok',
      'Give notice to Lumen by 2026-11-01 or it goes month-to-month at current rates.',
    ],
    [
      '2026-06-01',
      '2026-12-31',
      60,
      false,
      12,
      'ok',
      'Ends on 2026-12-31 without renewing: negotiate with Lumen by 2026-11-01 or pay month-to-month rates from 2027-01-01.',
    ],
    [
      '2026-06-01',
      '2026-06-15',
      30,
      true,
      0,
      'past-deadline',
      'Past the notice deadline: it renews on 2026-06-16 month-to-month; negotiate now.',
    ],
    [
      '2026-06-01',
      '2026-06-15',
      30,
      false,
      0,
      'past-deadline',
      'Past the notice deadline: it ends on 2026-06-15 and then bills month-to-month rates; negotiate now.',
    ],
  ])(
    'on %s, ending %s with %i days notice (auto-renew %s, renewal %i months) is %s',
    (todayText, endDate, noticeDays, autoRenew, renewalTermMonths, state, action) => {
      const [row] = renewalRows(
        [makeContract({ endDate: day(endDate), noticeDays, autoRenew, renewalTermMonths })],
        new Map(),
        day(todayText),
        DEFAULT_ALERT_WINDOWS,
        carriers,
      );
      expect(row).toMatchObject({ state, action });
    },
  );

  it('names "the carrier" when the carrier is unknown and counts missing spend as zero', () => {
    const [row] = renewalRows([makeContract({ carrierId: 'nobody' })], new Map(), today);
    expect(row?.action).toBe(
      'Give notice to the carrier by 2026-11-01 or it renews for 12 months at current rates.',
    );
    expect(row).toMatchObject({ monthlySpend: 0, atStakeCents: 0, window: null, state: 'ok' });
  });

  it('a contract with a new one recorded to take over asks to close it, with nothing at stake', () => {
    const old = makeContract({ accountIds: ['acct-1'] });
    const renewal = makeContract({
      id: 'ctr-2',
      name: 'Lumen MPLS 2027',
      accountIds: ['acct-1'],
      startDate: day('2027-01-01'),
      endDate: day('2029-12-31'),
    });
    const rows = renewalRows([old, renewal], new Map([['ctr-1', cents(1_000_00)]]), today);
    const row = rows.find((r) => r.contractId === 'ctr-1');
    expect(row?.action).toBe(
      'Lumen MPLS 2027 takes over from 2027-01-01: once the carrier confirms it replaces this contract, mark this one expired or terminated.',
    );
    expect(row).toMatchObject({ renewalMonths: 0, atStakeCents: 0 });
    // Another account's contract takes nothing over.
    const [alone] = renewalRows(
      [old, { ...renewal, accountIds: ['acct-9'] }],
      new Map([['ctr-1', cents(1_000_00)]]),
      today,
    ).filter((r) => r.contractId === 'ctr-1');
    expect(alone).toMatchObject({ renewalMonths: 12, atStakeCents: 12_000_00 });
  });

  it('breaks deadline ties by name', () => {
    const tied = renewalRows(
      [makeContract({ id: 'b', name: 'Beta' }), makeContract({ id: 'a', name: 'Alpha' })],
      new Map(),
      today,
    );
    expect(tied.map((row) => row.name)).toEqual(['Alpha', 'Beta']);
  });
});

describe('timelinePoints', () => {
  const rows = renewalRows(
    [
      makeContract({ id: 'soon', name: 'Soon', endDate: day('2026-09-30'), noticeDays: 60 }),
      makeContract({ id: 'late', name: 'Late', endDate: day('2028-07-31'), noticeDays: 90 }),
      makeContract({ id: 'past', name: 'Past', endDate: day('2026-07-15'), noticeDays: 60 }),
      makeContract({ id: 'old', name: 'Old', endDate: day('2026-01-31'), autoRenew: false }),
      makeContract({ id: 'gone', name: 'Gone', endDate: day('2027-01-31'), status: 'terminated' }),
    ],
    new Map(),
    today,
  );

  it('keeps deadlines and end dates in the next 24 months, in date order', () => {
    expect(timelinePoints(rows, today).map((p) => [p.contractId, p.kind, p.date])).toEqual([
      ['past', 'end', '2026-07-15'],
      ['soon', 'notice', '2026-08-01'],
      ['soon', 'end', '2026-09-30'],
      ['late', 'notice', '2028-05-02'],
    ]);
  });

  it('takes a shorter horizon, its last day included', () => {
    expect(timelinePoints(rows, today, 2).map((p) => p.date)).toEqual(['2026-07-15', '2026-08-01']);
  });
});
