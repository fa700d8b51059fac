/**
 * The year-end forecast, one assumption at a time: the run-rate (one-time charges left out), a
 * service ordered, a pending disconnect, a contract ending. Today is pinned by the test.
 */
import { describe, expect, it } from 'vitest';
import { allocateMonth, type AllocationInput } from '../../../shared/allocation';
import { forecastYear, type ForecastInput } from '../../../shared/budget/forecast';
import { budgetLine } from '../../../shared/budget/grid';
import { forecastCsv, forecastXlsx } from '../../../shared/budget/report';
import { inspectXlsx } from '../../helpers/xlsx-inspect';
import type { IsoDate } from '../../../shared/dates/iso-date';
import type { Contract, Service } from '../../../shared/model';
import { cents } from '../../../shared/money/cents';
import { bills, company, line, month, rule, service } from '../allocation/helpers';

const TODAY = '2026-11-16' as IsoDate;

/** Services s1 (cost center a) and s2 (b) billed Aug–Oct; one-time charges in October. */
function history(extra: Partial<AllocationInput> = {}) {
  const input = company({
    services: [service('s1', { costCenterId: 'a' }), service('s2', { costCenterId: 'b' })],
    ...bills([
      {
        id: 'aug',
        invoiceDate: '2026-08-05',
        lines: [line('s1', 'recurring', 100_00), line('s2', 'recurring', 40_00)],
      },
      {
        id: 'sep',
        invoiceDate: '2026-09-05',
        lines: [line('s1', 'recurring', 110_00), line('s2', 'recurring', 40_00)],
      },
      {
        id: 'oct',
        invoiceDate: '2026-10-05',
        lines: [
          line('s1', 'recurring', 120_00),
          line('s1', 'one-time', 500_00),
          line('s2', 'recurring', 40_00),
        ],
      },
    ]),
    ...extra,
  });
  return ['2026-08', '2026-09', '2026-10'].map((m) => allocateMonth({ ...input, month: month(m) }));
}

function run(overrides: Partial<ForecastInput> = {}) {
  const base = company({
    services: [service('s1', { costCenterId: 'a' }), service('s2', { costCenterId: 'b' })],
  });
  return forecastYear({
    today: TODAY,
    runRateMonths: 3,
    history: history(),
    services: base.services,
    sites: base.sites,
    accounts: base.accounts,
    costCenters: base.costCenters,
    rules: [],
    contracts: [],
    budgets: [],
    ...overrides,
  });
}

function rowOf(forecast: ReturnType<typeof run>, costCenterId: string) {
  const row = forecast.rows.find((r) => r.costCenterId === costCenterId && r.carrierId === 'vz');
  if (row === undefined) throw new Error(`no row for ${costCenterId}`);
  return row;
}

/** Contract k1 on s2, not renewing; `rateCard` and dates as given. */
function contractOn(endDate: string, rateCard: Contract['rateCard']): Contract {
  return {
    id: 'k1',
    carrierId: 'vz',
    name: 'Wireless 2024',
    accountIds: ['acct'],
    serviceIds: ['s2'],
    startDate: '2024-12-01' as IsoDate,
    termMonths: 24,
    endDate: endDate as IsoDate,
    autoRenew: false,
    renewalTermMonths: 0,
    noticeDays: 30,
    marcCents: cents(0),
    status: 'active',
    rateCard,
  };
}

describe('run-rate', () => {
  it('averages the last three closed months without one-time charges', () => {
    const forecast = run();
    expect(forecast.firstForecastMonth).toBe('2026-11');
    expect(forecast.runRateWindow).toEqual(['2026-08', '2026-09', '2026-10']);
    expect(rowOf(forecast, 'a').runRate).toBe(110_00); // (100 + 110 + 120) / 3; the $500 left out
    expect(rowOf(forecast, 'b').runRate).toBe(40_00);
    const a = rowOf(forecast, 'a');
    expect(a.months.map((m) => m.forecast)).toEqual([...Array(10).fill(null), 110_00, 110_00]);
    // October's actual keeps its one-time charge; only the run-rate leaves it out.
    expect(a.months[9]?.actual).toBe(620_00);
    expect(a.yearEnd).toBe(100_00 + 110_00 + 620_00 + 2 * 110_00);
    expect(forecast.assumptions.filter((x) => x.kind === 'run-rate')).toEqual([
      expect.objectContaining({
        costCenterId: 'a',
        monthlyEffect: 110_00,
        description: 'Average of 2026-08 to 2026-10 without one-time charges: $110.00 a month.',
      }),
      expect.objectContaining({ costCenterId: 'b', monthlyEffect: 40_00 }),
    ]);
  });

  it('uses the setting: one month is October alone', () => {
    expect(rowOf(run({ runRateMonths: 1 }), 'a').runRate).toBe(120_00);
  });

  it('is the same forecast whatever day of November today is (no clock read)', () => {
    expect(run({ today: '2026-11-01' as IsoDate }).rows).toEqual(
      run({ today: '2026-11-30' as IsoDate }).rows,
    );
  });
});

describe('known changes', () => {
  it('a service ordered adds its expected cost from its date, the first month by days', () => {
    const ordered: Service = service('s3', {
      status: 'ordered',
      costCenterId: 'b',
      activatedOn: '2026-12-17' as IsoDate,
      expectedMonthlyCents: cents(31_00),
    });
    const forecast = run({ services: [...company().services, ordered] });
    const assumption = forecast.assumptions.find((x) => x.kind === 'ordered');
    expect(assumption).toMatchObject({
      costCenterId: 'b',
      from: '2026-12',
      monthlyEffect: 31_00,
      byMonth: [{ month: '2026-12', amount: 15_00 }], // 15 of 31 days
    });
    expect(rowOf(forecast, 'b').months[11]?.forecast).toBe(40_00 + 15_00);
    expect(rowOf(forecast, 'b').months[10]?.forecast).toBe(40_00);
  });

  it('a service ordered with no date starts next month; without a cost it is listed, not guessed', () => {
    const forecast = run({
      services: [
        service('s3', { status: 'ordered', costCenterId: 'a', expectedMonthlyCents: cents(20_00) }),
        service('s4', { status: 'ordered', costCenterId: 'a' }),
      ],
    });
    const [dated, unknown] = forecast.assumptions.filter((x) => x.kind === 'ordered');
    expect(dated?.byMonth).toEqual([{ month: '2026-12', amount: 20_00 }]);
    expect(unknown).toMatchObject({ monthlyEffect: 0, byMonth: [] });
    expect(unknown?.description).toContain('no expected monthly cost');
  });

  it('a pending disconnect removes its run-rate after its date, prorated by days', () => {
    const leaving = service('s1', {
      status: 'pending-disconnect',
      costCenterId: 'a',
      disconnectedOn: '2026-11-20' as IsoDate,
    });
    const forecast = run({ services: [leaving, service('s2', { costCenterId: 'b' })] });
    const assumption = forecast.assumptions.find((x) => x.kind === 'disconnect');
    // Stops from Nov 21: 10 of 30 days of $110.00 off in November, all of it in December.
    expect(assumption).toMatchObject({
      costCenterId: 'a',
      monthlyEffect: -110_00,
      byMonth: [
        { month: '2026-11', amount: -36_67 },
        { month: '2026-12', amount: -110_00 },
      ],
    });
    expect(
      rowOf(forecast, 'a')
        .months.slice(10)
        .map((m) => m.forecast),
    ).toEqual([73_33, 0]);
  });

  it('a contract ending moves its services to the month-to-month rate the day after', () => {
    const contract = contractOn('2026-11-30', [
      {
        planOrServiceType: 'mobile-line',
        monthlyRateCents: cents(40_00),
        monthToMonthRateCents: cents(55_00),
      },
    ]);
    const forecast = run({ contracts: [contract] });
    expect(forecast.assumptions.find((x) => x.kind === 'contract-end')).toMatchObject({
      costCenterId: 'b',
      from: '2026-12',
      monthlyEffect: 15_00,
      byMonth: [{ month: '2026-12', amount: 15_00 }],
    });
    expect(
      rowOf(forecast, 'b')
        .months.slice(10)
        .map((m) => m.forecast),
    ).toEqual([40_00, 55_00]);

    const renewing = run({ contracts: [{ ...contract, autoRenew: true, renewalTermMonths: 12 }] });
    const listed = renewing.assumptions.find((x) => x.kind === 'contract-end');
    expect(listed).toMatchObject({ monthlyEffect: 0, byMonth: [] });
    expect(listed?.description).toBe(
      'Ends 2026-11-30 and renews by itself for 12 months at the same rates: no change.',
    );
    const unpriced = run({
      contracts: [
        {
          ...contract,
          rateCard: [{ planOrServiceType: 'mobile-line', monthlyRateCents: cents(40_00) }],
        },
      ],
    });
    expect(unpriced.assumptions.find((x) => x.kind === 'contract-end')?.description).toContain(
      'no month-to-month rate',
    );
  });
});

describe('a contract with a new one recorded to take over', () => {
  const ending = contractOn('2026-11-30', [
    {
      planOrServiceType: 'mobile-line',
      monthlyRateCents: cents(40_00),
      monthToMonthRateCents: cents(55_00),
    },
  ]);
  const renewal: Contract = {
    ...contractOn('2029-11-30', [
      { planOrServiceType: 'mobile-line', monthlyRateCents: cents(35_00) },
    ]),
    id: 'k2',
    name: 'Wireless 2026',
    serviceIds: [],
    startDate: '2026-12-01' as IsoDate,
    termMonths: 36,
  };

  it('moves the services to the new contract’s rate, not to month-to-month', () => {
    const forecast = run({ contracts: [ending, renewal] });
    const change = forecast.assumptions.find((x) => x.kind === 'contract-end');
    expect(change).toMatchObject({
      costCenterId: 'b',
      from: '2026-12',
      monthlyEffect: -5_00,
      byMonth: [{ month: '2026-12', amount: -5_00 }],
    });
    expect(change?.description).toBe(
      'Ends 2026-11-30; Wireless 2026 takes over from 2026-12-01 at $35.00 instead of $40.00: -$5.00 a month.',
    );
  });

  it('an old contract renewing by itself is superseded by the new one', () => {
    const forecast = run({
      contracts: [{ ...ending, autoRenew: true, renewalTermMonths: 12 }, renewal],
    });
    expect(forecast.assumptions.find((x) => x.kind === 'contract-end')?.monthlyEffect).toBe(-5_00);
  });

  it('a contract of another account, or one starting months later, takes nothing over', () => {
    const elsewhere = { ...renewal, accountIds: ['other'] };
    const later = { ...renewal, startDate: '2027-03-01' as IsoDate };
    for (const other of [elsewhere, later]) {
      const change = run({ contracts: [ending, other] }).assumptions.find(
        (x) => x.kind === 'contract-end',
      );
      expect(change?.monthlyEffect).toBe(15_00);
    }
  });
});

describe('a contract that has already ended', () => {
  // s2 (cost center b) was billed $40.00 under the contract; month-to-month is $60.00.
  const contract = (endDate: string, octoberOfS2 = 40_00): Partial<ForecastInput> => {
    const input = company({
      services: [service('s1', { costCenterId: 'a' }), service('s2', { costCenterId: 'b' })],
      ...bills(
        ['08', '09', '10'].map((m) => ({
          id: m,
          invoiceDate: `2026-${m}-05`,
          lines: [
            line('s1', 'recurring', 110_00),
            line('s2', 'recurring', m === '10' ? octoberOfS2 : 40_00),
          ],
        })),
      ),
    });
    return {
      today: '2026-11-20' as IsoDate,
      history: ['2026-08', '2026-09', '2026-10'].map((m) =>
        allocateMonth({ ...input, month: month(m) }),
      ),
      contracts: [
        contractOn(endDate, [
          {
            serviceId: 's2',
            monthlyRateCents: cents(40_00),
            monthToMonthRateCents: cents(60_00),
          },
        ]),
      ],
    };
  };
  const novemberAndDecember = (forecast: ReturnType<typeof run>) =>
    rowOf(forecast, 'b')
      .months.slice(10)
      .map((m) => m.forecast);

  it('earlier this month: November by days at each rate, December month-to-month', () => {
    const forecast = run(contract('2026-11-10'));
    expect(forecast.assumptions.find((x) => x.kind === 'contract-end')).toMatchObject({
      costCenterId: 'b',
      from: '2026-11',
      monthlyEffect: 20_00,
      byMonth: [
        { month: '2026-11', amount: 13_33 }, // 20 of 30 days
        { month: '2026-12', amount: 20_00 },
      ],
      description: 'Ended 2026-11-10; month-to-month $60.00 instead of $40.00: $20.00 a month.',
    });
    expect(novemberAndDecember(forecast)).toEqual([53_33, 60_00]); // 40×10/30 + 60×20/30
  });

  it('inside the run-rate months: the month-to-month rate, not raised twice', () => {
    // October was billed 15 days at $40.00 and 16 at $60.00: $50.32.
    const forecast = run(contract('2026-10-15', 50_32));
    expect(rowOf(forecast, 'b').runRate).toBe(43_44);
    expect(forecast.assumptions.find((x) => x.kind === 'contract-end')).toMatchObject({
      from: '2026-11',
      monthlyEffect: 16_56,
      description:
        'Ended 2026-10-15; month-to-month $60.00 instead of $40.00, $3.44 a month of it already in the run-rate: $16.56 a month.',
    });
    expect(novemberAndDecember(forecast)).toEqual([60_00, 60_00]);
  });

  it('before the run-rate months: already month-to-month in the run-rate, so not listed', () => {
    const forecast = run(contract('2026-07-31'));
    expect(forecast.assumptions.filter((x) => x.kind === 'contract-end')).toEqual([]);
  });
});

describe('known changes go where each month’s chargeback puts them', () => {
  // N1 is cost center a's; a split rule sends it all to b from December.
  const toBFromDecember = rule('r1', { kind: 'service', serviceId: 'n1' }, [['b', 10_000]], {
    effectiveFrom: month('2026-12'),
  });
  const ordered = (activatedOn: string) =>
    run({
      today: '2026-11-20' as IsoDate,
      rules: [toBFromDecember],
      services: [
        ...company().services,
        service('n1', {
          status: 'ordered',
          costCenterId: 'a',
          activatedOn: activatedOn as IsoDate,
          expectedMonthlyCents: cents(30_00),
        }),
      ],
    });

  const december = {
    costCenterId: 'b',
    from: '2026-12',
    monthlyEffect: 30_00,
    byMonth: [{ month: '2026-12', amount: 30_00 }],
  };
  const novemberByDays = {
    costCenterId: 'a',
    from: '2026-11',
    byMonth: [{ month: '2026-11', amount: 10_00 }], // 10 of 30 days
  };
  it.each([
    // December 1st: all of it where December's split rule sends it.
    ['2026-12-01', [december], { a: [110_00, 110_00], b: [40_00, 70_00] }],
    // November 21st: a's in November (by days), b's from December.
    ['2026-11-21', [novemberByDays, december], { a: [120_00, 110_00], b: [40_00, 70_00] }],
  ])('a service ordered from %s', (activatedOn, parts, forecasts) => {
    const forecast = ordered(activatedOn);
    expect(forecast.assumptions.filter((x) => x.kind === 'ordered')).toEqual(
      parts.map((part) => expect.objectContaining(part)),
    );
    for (const [costCenterId, months] of Object.entries(forecasts))
      expect(
        rowOf(forecast, costCenterId)
          .months.slice(10)
          .map((m) => m.forecast),
      ).toEqual(months);
  });
});

describe('against the budget', () => {
  it('totals actual months, then forecast months, beside the budget', () => {
    const forecast = run({ budgets: [budgetLine('a', '', month('2026-12'), cents(90_00))] });
    expect(forecast.total[9]).toEqual({
      month: '2026-10',
      actual: 660_00,
      forecast: null,
      budget: 0,
    });
    expect(forecast.total[11]).toEqual({
      month: '2026-12',
      actual: null,
      forecast: 150_00,
      budget: 90_00,
    });
    expect(forecast.yearBudget).toBe(90_00);
    expect(forecast.yearEnd).toBe(forecast.rows.reduce((sum, row) => sum + row.yearEnd, 0));
  });
});

describe('forecast files', () => {
  const names = {
    costCenters: company().costCenters,
    carriers: [{ id: 'vz', name: 'Verizon Wireless' }],
  };

  it('CSV: a row per cost center × carrier, the total and budget rows, then every assumption', () => {
    const forecast = run({ budgets: [budgetLine('a', '', month('2026-12'), cents(90_00))] });
    const lines = forecastCsv(forecast, names)
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines[0]).toBe(
      [
        'Cost Center,Carrier,Run-rate',
        ...forecast.months.map((m) => (m < '2026-11' ? `${m} actual` : `${m} forecast`)),
        'Actual to date,Forecast rest of year,Year end',
      ].join(','),
    );
    const a = lines.find((line) => line.startsWith('A Cost center a,Verizon Wireless,'));
    expect(a?.split(',').slice(-5)).toEqual(['110.00', '110.00', '830.00', '220.00', '1050.00']);
    expect(lines).toContain(
      'Run-rate,A Cost center a,Verizon Wireless,Run-rate,2026-11,110.00,Average of 2026-08 to 2026-10 without one-time charges: $110.00 a month.',
    );
    expect(
      lines
        .find((line) => line.startsWith('Budget,'))
        ?.split(',')
        .at(-1),
    ).toBe('90.00');
  });

  it('XLSX: the Forecast sheet totals to the year-end forecast; By month holds the budget', () => {
    const forecast = run({ budgets: [budgetLine('a', '', month('2026-12'), cents(90_00))] });
    const [rows, byMonth, assumptions] = inspectXlsx(forecastXlsx(forecast, names)).sheets;
    expect(rows?.values.at(-1)?.at(-1)).toBeCloseTo(forecast.yearEnd / 100, 2);
    expect(byMonth?.values.at(-1)?.at(-1)).toBeCloseTo(90, 2);
    expect(assumptions?.values.length).toBe(forecast.assumptions.length + 1);
  });
});
