/**
 * The optimisation module: the cheapest plan that covers a line's highest month, unlimited and
 * not-known allowances, ties, lines without a rate card or without figures, the window of months
 * with figures, overage paid, filters, totals, and the change list summing to its total.
 */
import { describe, expect, it } from 'vitest';
import {
  filterOptimisation,
  optimisationReport,
  optimisationTotals,
} from '../../../shared/audit/optimisation';
import {
  CHANGE_LIST_HEADER,
  changeListCsv,
  changeListXlsx,
  optimisationCsv,
} from '../../../shared/audit/optimisation-export';
import { isoDate } from '../../../shared/dates/iso-date';
import { inspectXlsx } from '../../helpers/xlsx-inspect';
import type { ContractRate, UsageRecord } from '../../../shared/model';
import { cents } from '../../../shared/money/cents';
import {
  billed,
  line,
  makeContract,
  makeInvoice,
  makeService,
  makeSite,
  makeUsage,
  snapshotOf,
} from './helpers';

const GB = 1024 * 1024;
const TODAY = isoDate(2026, 6, 5);

const plan = (
  name: string,
  monthly: number,
  data: ContractRate['dataAllowanceGb'],
  voice: ContractRate['voiceMinutesAllowance'] = 'unlimited',
  messages: ContractRate['messagesAllowance'] = 'unlimited',
): ContractRate => ({
  planOrServiceType: name,
  monthlyRateCents: cents(monthly),
  ...(data === undefined ? {} : { dataAllowanceGb: data }),
  ...(voice === undefined ? {} : { voiceMinutesAllowance: voice }),
  ...(messages === undefined ? {} : { messagesAllowance: messages }),
});

const big = plan('Business 10GB', 45_00, 10);
const flex2 = plan('Flex 2GB', 20_00, 2);
const flex5 = plan('Flex 5GB', 30_00, 5);

/** A month of use: GB of data, minutes, messages. */
const use = (
  month: string,
  gb: number | null,
  minutes: number | null = 100,
  messages: number | null = 40,
): UsageRecord =>
  makeUsage(month, 0, { dataKb: gb === null ? null : Math.round(gb * GB), minutes, messages });

function reportOf(
  usage: UsageRecord[],
  rateCard: ContractRate[] = [big, flex2, flex5],
  extra = {},
) {
  const snapshot = snapshotOf({
    services: [makeService({ plan: 'Business 10GB' })],
    contracts: [makeContract({ rateCard })],
    usage,
    ...extra,
  });
  return optimisationReport(snapshot, TODAY);
}

const quarter = (gb: [number, number, number]) => [
  use('2026-03', gb[0]),
  use('2026-04', gb[1]),
  use('2026-05', gb[2]),
];

describe('optimisation: the cheapest plan that covers the highest month', () => {
  it.each([
    ['1.5 GB highest → Flex 2GB', [0.5, 1.5, 1] as const, 'Flex 2GB', 25_00],
    ['2.4 GB highest → Flex 5GB', [0.5, 2.4, 1] as const, 'Flex 5GB', 15_00],
    ['exactly 2 GB is covered by 2 GB', [2, 1, 1] as const, 'Flex 2GB', 25_00],
    ['6 GB highest → nothing cheaper covers', [1, 6, 1] as const, null, 0],
  ])('%s', (_name, gb, newPlan, saving) => {
    const [row] = reportOf(quarter([...gb])).lines;
    expect(row?.newPlan).toBe(newPlan);
    expect(row?.monthlySavingCents).toBe(saving);
    expect(row?.advice).toBe(newPlan === null ? 'keep' : 'change');
    expect(row?.currentMonthlyCents).toBe(45_00);
  });

  it('shows highest and average month of data, minutes and messages over the window', () => {
    const [row] = reportOf(quarter([0.5, 1.5, 1])).lines;
    expect(row?.months).toEqual(['2026-03', '2026-04', '2026-05']);
    expect(row?.usage.data).toEqual({ highest: 1.5, average: 1 });
    expect(row?.usage.voice).toEqual({ highest: 100, average: 100 });
    expect(row?.usage.messages).toEqual({ highest: 40, average: 40 });
  });

  it('an unlimited allowance covers any use; a dearer unlimited plan is never advised', () => {
    const unlimited = plan('Unlimited Lite', 25_00, 'unlimited');
    const [row] = reportOf(quarter([1, 6, 1]), [big, flex2, unlimited]).lines;
    expect(row?.newPlan).toBe('Unlimited Lite');
    const [dearer] = reportOf(quarter([1, 6, 1]), [
      big,
      plan('Unlimited Max', 60_00, 'unlimited'),
    ]).lines;
    expect(dearer?.advice).toBe('keep');
  });

  it('a not-known allowance never covers a use above zero', () => {
    const blankVoice: ContractRate = {
      planOrServiceType: 'Data Only 2GB',
      monthlyRateCents: cents(15_00),
      dataAllowanceGb: 2,
      messagesAllowance: 'unlimited',
    };
    const [row] = reportOf(quarter([0.5, 1.5, 1]), [big, blankVoice, flex5]).lines;
    expect(row?.newPlan).toBe('Flex 5GB');
  });

  it('a use not known is covered only by unlimited', () => {
    const usage = [use('2026-03', 1, null), use('2026-04', 1, null), use('2026-05', 1, null)];
    const [limited] = reportOf(usage, [big, plan('Voice 500', 20_00, 2, 500)]).lines;
    expect(limited?.advice).toBe('keep');
    expect(limited?.usage.voice).toBeNull();
    const [unlimited] = reportOf(usage, [big, flex2]).lines;
    expect(unlimited?.newPlan).toBe('Flex 2GB');
  });

  it('a cheaper plan with the very same allowances is not advised (the difference is not stated)', () => {
    const elite = plan('Unlimited Elite', 50_00, 'unlimited');
    const starter = plan('Unlimited Starter', 30_00, 'unlimited');
    const services = [makeService({ plan: 'Unlimited Elite' })];
    const [same] = reportOf(quarter([1, 1, 1]), [elite, starter], { services }).lines;
    expect(same?.advice).toBe('keep');
    const [smaller] = reportOf(quarter([1, 1, 1]), [elite, starter, flex2], { services }).lines;
    expect(smaller).toMatchObject({ newPlan: 'Flex 2GB', monthlySavingCents: 30_00 });
  });

  it('ties in price go to the first plan name', () => {
    const [row] = reportOf(quarter([1, 1, 1]), [
      big,
      plan('Zeta 2GB', 20_00, 2),
      plan('Alpha 2GB', 20_00, 2),
    ]).lines;
    expect(row?.newPlan).toBe('Alpha 2GB');
  });

  it('no rate card, or no rate for the plan: no advice', () => {
    const [none] = reportOf(quarter([1, 1, 1]), []).lines;
    expect(none).toMatchObject({
      advice: 'no-rate-card',
      newPlan: null,
      currentMonthlyCents: null,
    });
    const [noContract] = reportOf(quarter([1, 1, 1]), [big, flex2], { contracts: [] }).lines;
    expect(noContract?.advice).toBe('no-rate-card');
  });
});

describe('optimisation: missing usage is not zero usage', () => {
  it('a line with no figures gets no advice and is not called idle', () => {
    const [row] = reportOf([]).lines;
    expect(row).toMatchObject({ advice: 'no-figures', months: [], monthlySavingCents: 0 });
    expect(row?.usage).toEqual({ data: null, voice: null, messages: null });
  });

  it('months with every figure unknown are not in the window; too few months → no advice', () => {
    const [row] = reportOf([
      use('2026-03', null, null, null),
      use('2026-04', 1),
      use('2026-05', 1),
    ]).lines;
    expect(row).toMatchObject({ advice: 'few-months', months: ['2026-04', '2026-05'] });
  });

  it('the window is the latest months with figures, skipping gaps, never after today', () => {
    const usage = [
      use('2026-01', 8),
      use('2026-02', 1),
      use('2026-04', 1),
      use('2026-05', 1),
      use('2026-07', 9),
    ];
    const [row] = reportOf(usage).lines;
    expect(row?.months).toEqual(['2026-02', '2026-04', '2026-05']);
    expect(row?.newPlan).toBe('Flex 2GB');
  });

  it('the window follows the underused-plan months setting', () => {
    const snapshot = snapshotOf({
      services: [makeService({ plan: 'Business 10GB' })],
      contracts: [makeContract({ rateCard: [big, flex2] })],
      usage: [use('2026-01', 8), ...quarter([1, 1, 1])],
    });
    const four = {
      ...snapshot,
      settings: { ...snapshot.settings, 'underused-plan': { months: 4 } },
    };
    expect(optimisationReport(four, TODAY).lines[0]?.advice).toBe('keep');
    expect(optimisationReport(snapshot, TODAY).lines[0]?.advice).toBe('change');
  });

  it('three months known to be idle: no use (not a plan change)', () => {
    const [row] = reportOf(
      quarter([0, 0, 0]).map((r) => ({ ...r, minutes: 0, messages: 0 })),
    ).lines;
    expect(row).toMatchObject({ advice: 'no-use', newPlan: null, monthlySavingCents: 0 });
  });
});

describe('optimisation: overage, filters, totals, change list', () => {
  const services = [
    makeService({ plan: 'Business 10GB', siteId: 'site-1' }),
    makeService({
      id: 'svc-2',
      plan: 'Business 10GB',
      serviceIdRaw: '555-010-0002',
      serviceKey: '+15550100002',
      siteId: 'site-2',
    }),
    makeService({ id: 'svc-3', type: 'circuit', serviceIdRaw: 'CKT-1', serviceKey: 'CKT1' }),
  ];
  const second = (record: UsageRecord): UsageRecord => ({
    ...record,
    serviceKey: '+15550100002',
    serviceIdRaw: '555-010-0002',
  });
  const snapshot = snapshotOf({
    services,
    sites: [makeSite(), makeSite({ id: 'site-2', code: 'STR-2', name: 'Store 2' })],
    contracts: [makeContract({ rateCard: [big, flex2, flex5] })],
    usage: [...quarter([1, 1, 1]), ...quarter([3, 1, 1]).map(second)],
    bills: ['2026-04', '2026-05'].map((month) =>
      billed(makeInvoice({ month }), [
        line('recurring', 45_00),
        line('usage', 3_33, { description: 'Data overage' }),
        line('recurring', 45_00, { serviceIdRaw: '555-010-0002' }),
      ]),
    ),
  });
  const report = optimisationReport(snapshot, TODAY);

  it('one row per mobile line, biggest saving first, with site; usage charges paid as overage', () => {
    expect(
      report.lines.map((l) => [l.line, l.site, l.newPlan, l.monthlySavingCents, l.overageCents]),
    ).toEqual([
      ['555-010-0001', 'STR-1 Store 1', 'Flex 2GB', 25_00, 6_66],
      ['555-010-0002', 'STR-2 Store 2', 'Flex 5GB', 15_00, 0],
    ]);
  });

  it('usage charges count only in the window’s months; without figures, the latest billed months', () => {
    // $9.00 of usage in 2025-12 and 2026-01, then none; $4.00 in 2026-04.
    const usageOf: Record<string, number> = { '2025-12': 9_00, '2026-01': 9_00, '2026-04': 4_00 };
    const months = ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05'];
    const bills = months.map((month) =>
      billed(makeInvoice({ month }), [
        line('recurring', 45_00),
        ...(usageOf[month] === undefined
          ? []
          : [line('usage', usageOf[month] ?? 0, { description: 'Data overage' })]),
      ]),
    );
    const [inWindow] = reportOf(quarter([1, 1, 1]), [big, flex2], { bills }).lines;
    expect(inWindow?.overageCents).toBe(4_00);
    const [noFigures] = reportOf([], [big, flex2], { bills }).lines;
    expect(noFigures).toMatchObject({ advice: 'no-figures', overageCents: 4_00 });
    const early = [use('2025-12', 1), use('2026-01', 1), use('2026-02', 1)];
    const [earlyWindow] = reportOf(early, [big, flex2], { bills }).lines;
    expect(earlyWindow?.overageCents).toBe(18_00);
  });

  it('a bill re-sent under a new number (a duplicate-invoice) adds no usage charges again', () => {
    const lines = [line('recurring', 45_00), line('usage', 4_00, { description: 'Data overage' })];
    const bills = [
      billed(makeInvoice({ month: '2026-05' }), lines),
      billed(makeInvoice({ month: '2026-05', invoiceNumber: 'N-2026-05-R', id: 'inv-r' }), lines),
    ];
    const [row] = reportOf(quarter([1, 1, 1]), [big, flex2], { bills }).lines;
    expect(row?.overageCents).toBe(4_00);
  });

  it('totals per month and per year; filters keep the matching lines', () => {
    expect(optimisationTotals(report.lines)).toMatchObject({
      changes: 2,
      monthlyCents: 40_00,
      yearlyCents: 480_00,
      overageLines: 1,
      overageCents: 6_66,
    });
    const store2 = filterOptimisation(report.lines, { site: 'STR-2 Store 2' });
    expect(store2.map((l) => l.line)).toEqual(['555-010-0002']);
    expect(optimisationTotals(store2).yearlyCents).toBe(180_00);
    expect(filterOptimisation(report.lines, { carrier: 'Lumen', account: 'A-1' })).toHaveLength(2);
    expect(filterOptimisation(report.lines, { carrier: 'Other' })).toHaveLength(0);
  });

  it('the CSV change list sums to its stated total to the cent', () => {
    const csv = changeListCsv(report.lines);
    const rows = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((row: string) => row.split(','));
    expect(rows[0]).toEqual([...CHANGE_LIST_HEADER]);
    expect(rows[0]?.at(-1)).toBe('Monthly Saving');
    expect(rows.slice(1)).toEqual([
      ['Lumen', 'A-1', '555-010-0001', 'Business 10GB', '45.00', 'Flex 2GB', '20.00', '25.00'],
      ['Lumen', 'A-1', '555-010-0002', 'Business 10GB', '45.00', 'Flex 5GB', '30.00', '15.00'],
      ['Total monthly saving', '', '', '', '', '', '', '40.00'],
    ]);
  });

  it('a plan name that looks like a formula is defused in the CSV', () => {
    const [row] = reportOf(quarter([1, 1, 1]), [
      big,
      { ...flex2, planOrServiceType: '=HYPERLINK("x")' },
    ]).lines;
    expect(row?.newPlan).toBe('=HYPERLINK("x")');
    expect(changeListCsv(row === undefined ? [] : [row])).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('the XLSX change list holds the same rows and a total', () => {
    const book = inspectXlsx(changeListXlsx(report.lines));
    const sheet = book.sheets[0];
    expect(sheet?.name).toBe('Plan changes');
    expect(sheet?.values.slice(1, 3).map((row) => [row[2], row[5], row[7]])).toEqual([
      ['555-010-0001', 'Flex 2GB', 25],
      ['555-010-0002', 'Flex 5GB', 15],
    ]);
    const total = sheet?.rows[3];
    expect(total?.[0]?.value).toBe('Total monthly saving');
    // The total is a SUM over the rows above, with the sum stored: $40.00.
    expect(total?.[7]?.formula).toBe('SUM(H2:H3)');
    expect(total?.[7]?.value).toBe(40);
  });

  it('the whole table (the CLI file) ends with totals that sum its rows, to the cent', () => {
    const rows = optimisationCsv(report.lines)
      .trim()
      .split('\r\n')
      .map((row) => row.split(','));
    const saving = rows[0]?.indexOf('Monthly Saving') ?? -1;
    const body = rows.slice(1, -1);
    const sum = body.reduce((total, row) => total + Math.round(Number(row[saving]) * 100), 0);
    expect(body).toHaveLength(2);
    expect(rows.at(-1)?.[0]).toBe('Total');
    expect(Math.round(Number(rows.at(-1)?.[saving]) * 100)).toBe(sum);
    expect(rows.at(-1)?.[saving + 1]).toBe('480.00');
    expect(body[0]?.slice(7, 16)).toEqual([
      '2026-03 2026-04 2026-05',
      '1.00',
      '1.00',
      '100.00',
      '100.00',
      '40.00',
      '40.00',
      '6.66',
      'Change plan',
    ]);
  });
});
