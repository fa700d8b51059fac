/** Budget files: each bad cell reported with row and column; unknown cost centers refused or created. */
import { describe, expect, it } from 'vitest';
import {
  budgetCsv,
  budgetXlsx,
  planBudgetImport,
  readBudgetRows,
} from '../../../shared/budget/file';
import { readTabularFile } from '../../../shared/inventory/table-file';
import type { BudgetLine, Carrier, CostCenter } from '../../../shared/model';
import { cents } from '../../../shared/money/cents';
import { isoMonth } from '../../../shared/dates/iso-date';

const carriers: Carrier[] = [
  { id: 'car-vz', name: 'Verizon Wireless' },
  { id: 'car-att', name: 'AT&T' },
];
const costCenters: CostCenter[] = [
  { id: 'cc-1', code: '4100', name: 'Retail', active: true },
  { id: 'cc-2', code: '4200', name: 'Finance', active: true },
];

function read(text: string) {
  const table = readTabularFile('budget.csv', new TextEncoder().encode(text));
  if (!table.ok) throw new Error(table.errors[0]?.message);
  return readBudgetRows(table.value, carriers);
}

let next = 0;
const options = (create: boolean) => ({
  createMissingCostCenters: create,
  newCostCenterId: () => `cc-new-${++next}`,
});

describe('reading a budget file', () => {
  it('reads cost center, carrier (blank = all), month and amount into cents', () => {
    const result = read(
      'Cost Center,Carrier,Month,Amount\n4100,,2026-01,"1,250.50"\n4100,verizon wireless,2026-02,300\n',
    );
    expect(result.errors).toEqual([]);
    expect(result.drafts).toEqual([
      { row: 2, costCenterCode: '4100', carrierId: '', month: '2026-01', amount: cents(125_050) },
      { row: 3, costCenterCode: '4100', carrierId: 'car-vz', month: '2026-02', amount: 300_00 },
    ]);
  });

  it.each([
    [
      '4100,,2026-13,10',
      'Month',
      'expected a month written as YYYY-MM (e.g. 2026-01) but found "2026-13".',
    ],
    [
      '4100,,Jan 2026,10',
      'Month',
      'expected a month written as YYYY-MM (e.g. 2026-01) but found "Jan 2026".',
    ],
    ['4100,,,10', 'Month', 'the month is blank; write it as YYYY-MM, e.g. 2026-01.'],
    [
      '4100,,2026-01,ten dollars',
      'Amount',
      'expected an amount of money like 1,234.56 but found "ten dollars".',
    ],
    [
      '4100,,2026-01,12.345',
      'Amount',
      'expected an amount of money like 1,234.56 but found "12.345".',
    ],
    ['4100,,2026-01,', 'Amount', 'the amount is blank; write 0 for no budget.'],
    ['4100,,2026-01,-5', 'Amount', 'a budget cannot be negative (found "-5").'],
    [
      '4100,Sprint,2026-01,5',
      'Carrier',
      'no carrier called "Sprint" is set up; use a carrier\'s name as in Bills, or leave it blank for all carriers.',
    ],
    [',,2026-01,5', 'Cost Center', 'the cost center code is blank.'],
  ])('refuses %s with a sentence naming row 2, column %s', (row, column, sentence) => {
    const result = read(`Cost Center,Carrier,Month,Amount\n${row}\n`);
    expect(result.drafts).toEqual([]);
    expect(result.errors).toEqual([
      expect.objectContaining({
        row: 2,
        column,
        message: `Row 2, column "${column}": ${sentence}`,
      }),
    ]);
  });

  it('refuses the same cell twice, naming the first row', () => {
    const result = read('Cost Center,Carrier,Month,Amount\n4100,,2026-01,5\n4100,,2026-01,6\n');
    expect(result.errors.map((error) => error.message)).toEqual([
      'Row 3, column "Month": 4100 for 2026-01 is already on row 2; give each cell once.',
    ]);
  });

  it('refuses a row with more cells than the header (an unquoted thousands comma), reading none of it', () => {
    const result = read(
      'Cost Center,Carrier,Month,Amount\n4100,,2026-03,$1,250.50\n4100,,2026-04,5,\n',
    );
    expect(result.drafts.map((draft) => [draft.row, draft.amount])).toEqual([[3, 5_00]]);
    expect(result.errors).toEqual([
      {
        row: 2,
        message:
          'Row 2: the row has 5 cells but the header has 4 columns: a comma inside a value that is not in quotes (like 100 Main St, Suite 5 or 1,250.00)? Put such a value in quotes, or name the extra column in the header. The row is not read, so no cell is taken from the wrong column.',
      },
    ]);
  });

  it('reads a month Excel stored as its first day (2026-01 typed in a cell), and no other day', () => {
    const result = read(
      'Cost Center,Carrier,Month,Amount\n4100,,2026-01-01,5\n4100,,2026-02-15,6\n',
    );
    expect(result.drafts.map((draft) => draft.month)).toEqual(['2026-01']);
    expect(result.errors.map((error) => error.message)).toEqual([
      expect.stringContaining(
        'expected a month written as YYYY-MM (e.g. 2026-01) but found "2026-02-15".',
      ),
    ]);
  });

  it('names the required columns a file lacks', () => {
    const result = read('Cost Center,Carrier\n4100,\n');
    expect(result.missing).toEqual(['Month', 'Amount']);
    const plan = planBudgetImport(result, costCenters, options(false));
    expect(!plan.ok && plan.errors[0]?.message).toBe(
      'The file has no "Month", "Amount" column; a budget file needs Cost Center, Carrier, Month and Amount.',
    );
  });
});

describe('planning a budget import (whole or nothing)', () => {
  it('refuses the whole file when one row is bad, listing every problem by row', () => {
    const result = read(
      'Cost Center,Carrier,Month,Amount\n4100,,2026-01,5\n9999,,2026-02,6\n4200,,2026-99,7\n',
    );
    const plan = planBudgetImport(result, costCenters, options(false));
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.errors.map((error) => [error.row, error.column])).toEqual([
      [3, 'Cost Center'],
      [4, 'Month'],
    ]);
    expect(plan.errors[0]?.message).toBe(
      'Row 3, column "Cost Center": there is no cost center "9999". Add it under Inventory → Cost centers, fix the code, or tick "Create missing cost centers".',
    );
  });

  it('finds a cost center by its name too, and never creates a second one of that name', () => {
    const result = read(
      'Cost Center,Carrier,Month,Amount\nRetail,,2026-01,100.00\n4200,,2026-01,5\n',
    );
    const plan = planBudgetImport(result, costCenters, options(true));
    expect(plan.ok && plan.value.newCostCenters).toEqual([]);
    expect(plan.ok && plan.value.lines.map((line) => [line.costCenterId, line.amount])).toEqual([
      ['cc-1', 100_00],
      ['cc-2', 5_00],
    ]);
  });

  it('refuses the same cell twice when one row names the cost center by code, the other by name', () => {
    const result = read(
      'Cost Center,Carrier,Month,Amount\n4100,,2026-01,100.00\nRetail,,2026-01,250.00\n4100,AT&T,2026-01,1\n',
    );
    expect(result.errors).toEqual([]);
    const plan = planBudgetImport(result, costCenters, options(false));
    expect(!plan.ok && plan.errors).toEqual([
      {
        row: 3,
        column: 'Cost Center',
        value: 'Retail',
        message:
          'Row 3, column "Cost Center": "Retail" is cost center 4100 (Retail), already budgeted for 2026-01 on row 2 as "4100"; give each cell once.',
      },
    ]);
  });

  it('creates an unknown cost center once when asked, and budgets it', () => {
    const result = read(
      'Cost Center,Carrier,Month,Amount\nNEW-1,,2026-01,5\nnew-1,,2026-02,6\n4100,AT&T,2026-01,7\n',
    );
    const plan = planBudgetImport(result, costCenters, options(true));
    if (!plan.ok) throw new Error(plan.errors[0]?.message);
    expect(plan.value.newCostCenters).toEqual([
      { id: expect.stringMatching(/^cc-new-/), code: 'NEW-1', name: 'NEW-1', active: true },
    ]);
    const newId = plan.value.newCostCenters[0]?.id;
    expect(plan.value.lines).toEqual([
      {
        id: `${newId}||2026-01`,
        costCenterId: newId,
        carrierId: '',
        month: '2026-01',
        amount: 500,
      },
      {
        id: `${newId}||2026-02`,
        costCenterId: newId,
        carrierId: '',
        month: '2026-02',
        amount: 600,
      },
      {
        id: 'cc-1|car-att|2026-01',
        costCenterId: 'cc-1',
        carrierId: 'car-att',
        month: '2026-01',
        amount: 700,
      },
    ]);
  });
});

describe('writing a budget file', () => {
  const lines: BudgetLine[] = [
    {
      id: 'a',
      costCenterId: 'cc-2',
      carrierId: '',
      month: isoMonth(2026, 1),
      amount: cents(10_00),
    },
    {
      id: 'b',
      costCenterId: 'cc-1',
      carrierId: 'car-att',
      month: isoMonth(2026, 2),
      amount: cents(2_345_67),
    },
    { id: 'c', costCenterId: 'cc-1', carrierId: '', month: isoMonth(2026, 1), amount: cents(5) },
  ];

  it('writes CSV the import reads back to the same cells', () => {
    const csv = budgetCsv(lines, costCenters, carriers);
    expect(csv).toBe(
      '\uFEFFCost Center,Carrier,Month,Amount\r\n4100,,2026-01,0.05\r\n4100,AT&T,2026-02,2345.67\r\n4200,,2026-01,10.00\r\n',
    );
    const plan = planBudgetImport(read(csv), costCenters, options(false));
    if (!plan.ok) throw new Error(plan.errors[0]?.message);
    expect(
      plan.value.lines.map((line) => [line.costCenterId, line.carrierId, line.month, line.amount]),
    ).toEqual([
      ['cc-1', '', '2026-01', 5],
      ['cc-1', 'car-att', '2026-02', 234_567],
      ['cc-2', '', '2026-01', 1_000],
    ]);
  });

  it('writes XLSX the import reads back to the same cells', () => {
    const table = readTabularFile('budget.xlsx', budgetXlsx(lines, costCenters, carriers));
    if (!table.ok) throw new Error(table.errors[0]?.message);
    const plan = planBudgetImport(
      readBudgetRows(table.value, carriers),
      costCenters,
      options(false),
    );
    if (!plan.ok) throw new Error(plan.errors[0]?.message);
    expect(plan.value.lines.map((line) => line.amount)).toEqual([5, 234_567, 1_000]);
  });
});
