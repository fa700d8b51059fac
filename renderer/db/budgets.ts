/**
 * Budgets' storage, and the chargeback allocations they are compared with. Actuals come from
 * `loadMonthInput` + `allocateMonth`, the very functions the chargeback page runs, so budget
 * variance and chargeback agree to the cent.
 */
import { allocateMonth, type AllocationResult } from '../../shared/allocation';
import type { BudgetImportPlan } from '../../shared/budget/file';
import { actualsOf, type MonthActuals } from '../../shared/budget/variance';
import { SAMPLE_BUDGET_SEED, sampleBudget } from '../../shared/sample/budget';
import {
  addMonthsToMonth,
  isoMonthOf,
  monthParts,
  type IsoDate,
  type IsoMonth,
} from '../../shared/dates/iso-date';
import {
  budgetLineId,
  type Account,
  type AllocationRule,
  type BudgetLine,
  type Carrier,
  type Contract,
  type CostCenter,
  type Service,
  type Site,
} from '../../shared/model';
import { cents, type Cents } from '../../shared/money/cents';
import { fail, ok, type Result } from '../../shared/result';
import { invoiceMonths, loadMonthInput } from './chargeback';
import type { TemDeskDatabase } from './database';

/** Settings keys of budgets (stored in the `settings` table). */
export const BUDGET_KEYS = { runRateMonths: 'budget:runRateMonths' } as const;

export async function loadBudgetLines(db: TemDeskDatabase): Promise<BudgetLine[]> {
  return db.budgets.toArray();
}

/** Writes budget cells (replacing those with the same cost center, carrier and month). */
export async function putBudgetLines(
  db: TemDeskDatabase,
  lines: readonly BudgetLine[],
): Promise<void> {
  await db.budgets.bulkPut([...lines]);
}

/** Sets one cell; `null` removes it. */
export async function setBudgetCell(
  db: TemDeskDatabase,
  costCenterId: string,
  carrierId: string,
  month: IsoMonth,
  amount: Cents | null,
): Promise<void> {
  const id = budgetLineId(costCenterId, carrierId, month);
  if (amount === null) await db.budgets.delete(id);
  else await db.budgets.put({ id, costCenterId, carrierId, month, amount });
}

/** Removes a grid row: every month of `year` of the cost center × carrier. */
export async function deleteBudgetRow(
  db: TemDeskDatabase,
  costCenterId: string,
  carrierId: string,
  year: number,
): Promise<number> {
  return db.budgets
    .where('costCenterId')
    .equals(costCenterId)
    .filter((line) => line.carrierId === carrierId && monthParts(line.month).year === year)
    .delete();
}

/**
 * Applies a budget import plan in one transaction: the new cost centers, then every cell. A code
 * taken since the preview refuses the whole import, so nothing is half written.
 */
export async function commitBudgetImport(
  db: TemDeskDatabase,
  plan: BudgetImportPlan,
): Promise<Result<number>> {
  return db.transaction('rw', [db.budgets, db.costCenters], async () => {
    for (const costCenter of plan.newCostCenters) {
      if ((await db.costCenters.where('code').equals(costCenter.code).count()) > 0)
        return fail(`Cost center ${costCenter.code} was added meanwhile; read the file again.`);
    }
    await db.costCenters.bulkAdd(plan.newCostCenters);
    await db.budgets.bulkPut(plan.lines);
    return ok(plan.lines.length);
  });
}

export async function loadRunRateMonths(db: TemDeskDatabase): Promise<number> {
  const value = (await db.settings.get(BUDGET_KEYS.runRateMonths))?.value;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 12
    ? value
    : 3;
}

export async function saveRunRateMonths(db: TemDeskDatabase, months: number): Promise<void> {
  await db.settings.put({ key: BUDGET_KEYS.runRateMonths, value: months });
}

/**
 * The chargeback of every month in `months` that has invoices (or, by service period, whose
 * invoices reach it), each allocated exactly as the chargeback page allocates it.
 */
export async function loadAllocations(
  db: TemDeskDatabase,
  months: readonly IsoMonth[],
): Promise<AllocationResult[]> {
  const billed = new Set(await invoiceMonths(db));
  const results: AllocationResult[] = [];
  for (const month of months) {
    const result = allocateMonth(await loadMonthInput(db, month));
    if (billed.has(month) || result.rows.length > 0 || result.exceptions.length > 0)
      results.push(result);
  }
  return results;
}

/** The actuals (chargeback allocations) of the months given that have bills. */
export async function loadActuals(
  db: TemDeskDatabase,
  months: readonly IsoMonth[],
): Promise<MonthActuals[]> {
  return (await loadAllocations(db, months)).map(actualsOf);
}

/**
 * Gives the sample company its budget (for the year of its latest bills), built from the
 * chargeback's actuals of that year; cells already budgeted are kept.
 */
export async function loadSampleBudget(
  db: TemDeskDatabase,
  seed = SAMPLE_BUDGET_SEED,
): Promise<number> {
  const latest = (await invoiceMonths(db))[0];
  if (latest === undefined) return 0;
  const year = monthParts(latest).year;
  const months = (await invoiceMonths(db)).filter((month) => monthParts(month).year === year);
  const { lines } = sampleBudget(seed, latest, await loadActuals(db, months));
  return db.transaction('rw', db.budgets, async () => {
    const taken = new Set(await db.budgets.toCollection().primaryKeys());
    const fresh = lines.filter((line) => !taken.has(line.id));
    await db.budgets.bulkAdd(fresh);
    return fresh.length;
  });
}

/** Everything the budget screens show for a year: budgets, actuals and the forecast's inputs. */
export interface BudgetWorkspace {
  year: number;
  lines: BudgetLine[];
  costCenters: CostCenter[];
  carriers: Carrier[];
  /** Months with invoices, newest first. */
  billedMonths: IsoMonth[];
  /** The chargeback of every billed month of the year and of the run-rate window before today. */
  allocations: AllocationResult[];
  services: Service[];
  sites: Site[];
  accounts: Account[];
  rules: AllocationRule[];
  contracts: Contract[];
  runRateMonths: number;
}

/**
 * Loads a year's budget workspace; `today` decides the forecast's run-rate window. Without
 * `withActuals` no month is allocated (the budget grid does not need them, and it re-reads on
 * every edit).
 */
export async function loadBudgetWorkspace(
  db: TemDeskDatabase,
  year: number,
  today: IsoDate,
  withActuals = true,
): Promise<BudgetWorkspace> {
  const [lines, costCenters, carriers, billedMonths, runRateMonths] = await Promise.all([
    db.budgets.toArray(),
    db.costCenters.toArray(),
    db.carriers.toArray(),
    invoiceMonths(db),
    loadRunRateMonths(db),
  ]);
  const todayMonth = isoMonthOf(today);
  const wanted = billedMonths.filter(
    (month) =>
      monthParts(month).year === year ||
      (month < todayMonth && month >= addMonthsToMonth(todayMonth, -runRateMonths)),
  );
  const [allocations, services, sites, accounts, rules, contracts] = await Promise.all([
    withActuals ? loadAllocations(db, [...wanted].sort()) : Promise.resolve([]),
    db.services.toArray(),
    db.sites.toArray(),
    db.accounts.toArray(),
    db.allocationRules.toArray(),
    db.contracts.toArray(),
  ]);
  costCenters.sort((a, b) => a.code.localeCompare(b.code));
  carriers.sort((a, b) => a.name.localeCompare(b.name));
  return {
    year,
    lines,
    costCenters,
    carriers,
    billedMonths,
    allocations,
    services,
    sites,
    accounts,
    rules,
    contracts,
    runRateMonths,
  };
}

/** What the dashboard's budget tile and chart read: a year's budget and its actuals to `through`. */
export interface BudgetYear {
  year: number;
  lines: BudgetLine[];
  actuals: MonthActuals[];
}

/** The budget of `through`'s year and the chargeback's actuals from January to `through`. */
export async function loadBudgetYear(db: TemDeskDatabase, through: IsoMonth): Promise<BudgetYear> {
  const year = monthParts(through).year;
  const lines = await db.budgets
    .where('month')
    .between(`${year}-01`, `${year}-12`, true, true)
    .toArray();
  if (lines.length === 0) return { year, lines, actuals: [] };
  const months = (await invoiceMonths(db)).filter(
    (month) => monthParts(month).year === year && month <= through,
  );
  return { year, lines, actuals: await loadActuals(db, [...months].sort()) };
}

/** The budget of each cost center for one month (its carrier rows and all-carriers row added). */
export async function monthBudgets(
  db: TemDeskDatabase,
  month: IsoMonth,
): Promise<Map<string, Cents>> {
  const budgets = new Map<string, Cents>();
  for (const line of await db.budgets.where('month').equals(month).toArray())
    budgets.set(line.costCenterId, cents((budgets.get(line.costCenterId) ?? 0) + line.amount));
  return budgets;
}
