import { describe, expect, it } from 'vitest';
import { readCostCenterRows } from '../../../shared/inventory/cost-centers-file';
import { readTabularFile } from '../../../shared/inventory/table-file';
import { planCostCenters } from '../../../shared/ledger/cost-centers';
import { sequentialIds } from '../../../shared/ledger/org';
import type { CostCenter } from '../../../shared/model';

const STORED: CostCenter[] = [
  { id: 'cc-1', code: '4100', name: 'Retail', glAccount: '6100-410', active: true },
  { id: 'cc-2', code: '4999', name: 'Closed stores', glAccount: '6100-499', active: false },
];

/** The cost centers after a file is planned against {@link STORED}, by code. */
function afterFile(lines: string[]): Record<string, Partial<CostCenter>> {
  const table = readTabularFile('cost-centers.csv', new TextEncoder().encode(lines.join('\n')));
  if (!table.ok) throw new Error('unreadable');
  const { drafts, errors } = readCostCenterRows(table.value);
  expect(errors).toEqual([]);
  const plan = planCostCenters(drafts, STORED, sequentialIds());
  return Object.fromEntries(
    [...plan.updated.map((update) => update.after), ...plan.added].map(
      ({ code, glAccount, active }) => [code, { glAccount, active }],
    ),
  );
}

describe('a cost centers file read again', () => {
  it.each<[string, string[], Record<string, Partial<CostCenter>>]>([
    [
      'without GL Account and Status columns keeps GL accounts and retired ones retired',
      ['Cost Center,Name', '4100,Retail stores', '4999,Closed stores', '4200,Field'],
      {
        '4100': { glAccount: '6100-410', active: true },
        '4999': { glAccount: '6100-499', active: false },
        '4200': { glAccount: undefined, active: true },
      },
    ],
    [
      'with the columns, blank cells clear the GL account and mean Active',
      ['Cost Center,Name,GL Account,Status', '4100,Retail,,', '4999,Closed stores,6100-499,'],
      {
        '4100': { glAccount: undefined, active: true },
        '4999': { glAccount: '6100-499', active: true },
      },
    ],
  ])('%s', (_, lines, expected) => {
    expect(afterFile(lines)).toEqual(expected);
  });
});

describe('a cost center code written another way', () => {
  it('updates the stored cost center, as every other door finds it, instead of adding a second', () => {
    const table = readTabularFile(
      'cost-centers.csv',
      new TextEncoder().encode('Cost Center,Name\n41-00,Retail stores\nbr 12,Branch 12'),
    );
    if (!table.ok) throw new Error('unreadable');
    const stored = [...STORED, { id: 'cc-3', code: 'BR-12', name: 'Branch', active: true }];
    const plan = planCostCenters(readCostCenterRows(table.value).drafts, stored, sequentialIds());
    expect(plan.added).toEqual([]);
    expect(plan.updated.map(({ before, after }) => [before.id, after.id, after.name])).toEqual([
      ['cc-1', 'cc-1', 'Retail stores'],
      ['cc-3', 'cc-3', 'Branch 12'],
    ]);
  });

  it('refuses a file that lists one cost center twice, however it is written', () => {
    const table = readTabularFile(
      'cost-centers.csv',
      new TextEncoder().encode('Cost Center,Name\n4300,Field\n43-00,Field east'),
    );
    if (!table.ok) throw new Error('unreadable');
    const { drafts, errors } = readCostCenterRows(table.value);
    expect(drafts.map((draft) => draft.code)).toEqual(['4300']);
    expect(errors.map((error) => error.message)).toEqual([
      'Row 3, column "Cost Center": "43-00" is already on row 2; each cost center once.',
    ]);
  });
});
