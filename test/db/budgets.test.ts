import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allocateMonth } from '../../shared/allocation';
import { planBudgetImport, readBudgetRows } from '../../shared/budget/file';
import { monthsOfYear } from '../../shared/budget/grid';
import { budgetVariance } from '../../shared/budget/variance';
import { isoMonth, monthParts } from '../../shared/dates/iso-date';
import { SAMPLE_OVERRUN_BASIS_POINTS } from '../../shared/sample/budget';
import {
  createBackup,
  dumpWorkspace,
  inspectBackup,
  restoreWorkspace,
} from '../../renderer/db/backup';
import {
  commitBudgetImport,
  loadActuals,
  loadBudgetLines,
  loadSampleBudget,
  setBudgetCell,
} from '../../renderer/db/budgets';
import { invoiceMonths, loadMonthInput } from '../../renderer/db/chargeback';
import { TemDeskDatabase } from '../../renderer/db/database';
import { clearSampleData } from '../../renderer/db/sample-data';
import { cents } from '../../shared/money/cents';
import { loadSampleIntoDb } from '../helpers/sample-db';

let db: TemDeskDatabase;
let counter = 0;
beforeEach(async () => {
  db = new TemDeskDatabase(`budgets-test-${++counter}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const table = (rows: string[][]) => ({
  header: ['Cost Center', 'Carrier', 'Month', 'Amount'],
  rows: rows.map((cells, index) => ({ line: index + 2, cells })),
});

describe('budget import commit', () => {
  it('writes every cell and the new cost centers in one go, replacing cells already there', async () => {
    await db.costCenters.add({ id: 'cc-1', code: '4100', name: 'Retail', active: true });
    await setBudgetCell(db, 'cc-1', '', isoMonth(2026, 1), cents(1));
    const read = readBudgetRows(
      table([
        ['4100', '', '2026-01', '10'],
        ['NEW', '', '2026-01', '20'],
      ]),
      [],
    );
    const plan = planBudgetImport(read, await db.costCenters.toArray(), {
      createMissingCostCenters: true,
      newCostCenterId: () => 'cc-new',
    });
    if (!plan.ok) throw new Error(plan.errors[0]?.message);
    expect(await commitBudgetImport(db, plan.value)).toEqual({ ok: true, value: 2 });
    expect(await db.costCenters.get('cc-new')).toMatchObject({ code: 'NEW', active: true });
    expect((await loadBudgetLines(db)).map((line) => [line.id, line.amount]).sort()).toEqual([
      ['cc-1||2026-01', 1_000],
      ['cc-new||2026-01', 2_000],
    ]);
  });

  it('writes nothing when a cost center to create was added meanwhile', async () => {
    const read = readBudgetRows(table([['NEW', '', '2026-01', '20']]), []);
    const plan = planBudgetImport(read, [], {
      createMissingCostCenters: true,
      newCostCenterId: () => 'cc-new',
    });
    if (!plan.ok) throw new Error('plan refused');
    await db.costCenters.add({ id: 'cc-other', code: 'NEW', name: 'Made elsewhere', active: true });
    const outcome = await commitBudgetImport(db, plan.value);
    expect(outcome.ok).toBe(false);
    expect(await db.budgets.count()).toBe(0);
    expect(await db.costCenters.count()).toBe(1);
  });
});

describe('the sample company’s budget', () => {
  it('budgets every cost center with spend, a few percent off, one clearly over; kept in a backup; cleared with the sample', async () => {
    await loadSampleIntoDb(db);
    expect(await loadSampleBudget(db)).toBeGreaterThan(0);
    const latest = (await invoiceMonths(db))[0];
    if (latest === undefined) throw new Error('no bills');
    const year = monthParts(latest).year;
    const months = (await invoiceMonths(db))
      .filter((month) => monthParts(month).year === year)
      .sort();
    const actuals = await loadActuals(db, months);
    // The actuals are the chargeback page's own figures.
    for (const month of months) {
      const chargeback = allocateMonth(await loadMonthInput(db, month));
      const mine = actuals.find((entry) => entry.month === month);
      for (const total of chargeback.byCostCenter) {
        if (total.costCenterId !== null)
          expect(mine?.byCostCenter.get(total.costCenterId)).toBe(total.total);
      }
    }
    const lines = await loadBudgetLines(db);
    const report = budgetVariance(monthsOfYear(year), lines, actuals);
    const byPercent = report.rows.map((row) => row.ytdVarianceBasisPoints ?? 0);
    const over = byPercent.filter((basisPoints) => basisPoints > 1_000);
    expect(over).toHaveLength(1);
    // 12% under spend is about 13.6% over budget; rounding to $50 moves it a little.
    expect(over[0]).toBeGreaterThan(
      Math.round((SAMPLE_OVERRUN_BASIS_POINTS * 10_000) / 8_800) - 50,
    );
    expect(
      byPercent.filter((basisPoints) => basisPoints <= 1_000).every((bp) => Math.abs(bp) <= 600),
    ).toBe(true);
    expect(lines.every((line) => line.amount % 5_000 === 0)).toBe(true);
    expect(new Set(lines.map((line) => line.month)).size).toBe(12);
    // A second load keeps what is there.
    expect(await loadSampleBudget(db)).toBe(0);

    // Backup round trip keeps the budget exactly.
    const before = await dumpWorkspace(db);
    expect(before.tables['budgets']).toHaveLength(lines.length);
    const bytes = await createBackup(db, {
      appVersion: '0.1.0',
      now: new Date('2026-11-26T10:00:00Z'),
      organizationName: 'Acme',
    });
    await restoreWorkspace(db, { schemaVersion: before.schemaVersion, tables: {} });
    expect(await db.budgets.count()).toBe(0);
    const inspected = inspectBackup(bytes);
    if (!inspected.ok) throw new Error(JSON.stringify(inspected.errors));
    await restoreWorkspace(db, inspected.value.dump);
    expect(await dumpWorkspace(db)).toEqual(before);

    await clearSampleData(db);
    expect(await db.budgets.count()).toBe(0);
  });
});
