/**
 * The forecast counts every charge of the month, the unallocated ones too (a service with no cost
 * center, a number not in the inventory), in its "No cost center (unallocated)" row: its actual
 * months add up to the month's invoices, and a service with no cost center stays in the forecast
 * once it is billed, as it was while ordered.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { allocateMonth } from '../../../shared/allocation';
import { forecastYear, type ForecastInput } from '../../../shared/budget/forecast';
import { forecastCsv } from '../../../shared/budget/report';
import type { IsoDate } from '../../../shared/dates/iso-date';
import type { Service } from '../../../shared/model';
import { account, company, month, service } from '../allocation/helpers';
import { monthlyBills } from './unallocated-bills';

const TODAY = '2026-11-16' as IsoDate;
// s1 has a cost center; s2 has none (and neither has its account); 'ghost' is in no inventory.
const kept = service('s1', { costCenterId: 'a' });
const services: Service[] = [kept, service('s2')];
const input = {
  ...company({ services }),
  accounts: [account('acct')],
  ...monthlyBills(['2026-08', '2026-09', '2026-10']),
};
const history = ['2026-08', '2026-09', '2026-10'].map((m) =>
  allocateMonth({ ...input, month: month(m) }),
);

function run(overrides: Partial<ForecastInput> = {}) {
  return forecastYear({
    today: TODAY,
    runRateMonths: 3,
    history,
    services,
    sites: input.sites,
    accounts: input.accounts,
    costCenters: input.costCenters,
    rules: [],
    contracts: [],
    budgets: [],
    ...overrides,
  });
}

describe('unallocated charges in the forecast', () => {
  it('each actual month is the month’s invoices, to the cent', () => {
    const forecast = run();
    for (const result of history) {
      expect(result.totals.unallocated).toBeGreaterThan(0);
      const at = forecast.total.find((m) => m.month === result.month);
      expect(at?.actual).toBe(result.totals.invoices);
    }
    const noCostCenter = forecast.rows.find((row) => row.costCenterId === '');
    // With their share of the $7.77 tax (over $100.00 allocated, $43.34 not): $2.35.
    expect(noCostCenter?.months[9]?.actual).toBe(33_33 + 10_01 + 2_35);
    expect(noCostCenter?.runRate).toBe(33_33 + 10_01 + 2_35);
    // The year end: three billed months and two forecast ones, every charge in them.
    expect(forecast.yearEnd).toBe(3 * 151_11 + 2 * 151_11);
  });

  it('the CSV lists them under No cost center (unallocated)', () => {
    const csv = forecastCsv(run(), { costCenters: input.costCenters, carriers: input.carriers });
    expect(csv).toContain('No cost center (unallocated),Verizon Wireless,45.69,');
  });

  it('the CSV’s Total row holds every money column’s total, the run-rate and year to date too', () => {
    const csv = forecastCsv(run(), { costCenters: input.costCenters, carriers: input.carriers });
    const table = Papa.parse<string[]>(csv.replace(/^\uFEFF/, '')).data;
    const header = table[0] ?? [];
    const totalAt = table.findIndex((row) => row[0] === 'Total');
    const rows = table.slice(1, totalAt);
    const total = table[totalAt] ?? [];
    const cents = (text: string | undefined) => Math.round(Number(text) * 100);
    expect(header.length).toBeGreaterThan(3);
    for (let column = 2; column < header.length; column++) {
      const sum = rows.reduce((acc, row) => acc + cents(row[column]), 0);
      expect([header[column], cents(total[column])]).toEqual([header[column], sum]);
    }
  });

  it('a pending disconnect of a service with no cost center takes it out of that row', () => {
    const leaving = service('s2', {
      status: 'pending-disconnect',
      disconnectedOn: '2026-11-30' as IsoDate,
    });
    const forecast = run({ services: [kept, leaving] });
    const noCostCenter = forecast.rows.find((row) => row.costCenterId === '');
    expect(noCostCenter?.months[11]?.forecast).toBe(10_01 + 2_35);
    expect(forecast.assumptions).toContainEqual(
      expect.objectContaining({ kind: 'disconnect', costCenterId: '', monthlyEffect: -33_33 }),
    );
  });
});
