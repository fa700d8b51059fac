import { describe, expect, it } from 'vitest';
import { costCentersCsv, readCostCenterRows } from '../../../shared/inventory/cost-centers-file';
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

  /** The plan of a cost centers file of `lines` against `stored`, the file read without errors. */
  function plan(lines: string[], stored: CostCenter[]) {
    const table = readTabularFile('cost-centers.csv', new TextEncoder().encode(lines.join('\n')));
    if (!table.ok) throw new Error('unreadable');
    const { drafts, errors } = readCostCenterRows(table.value);
    expect(errors).toEqual([]);
    const { added, updated } = planCostCenters(drafts, stored, sequentialIds());
    return {
      added: added.map(({ code }) => code),
      updated: updated.map(({ before, after }) => [before.id, after.code, after.name]),
    };
  }

  it('reads back the app’s own export of two stored codes written alike (4300, 43-00): each updated', () => {
    const stored: CostCenter[] = [
      { id: 'cc-a', code: '4300', name: 'Field', active: true },
      { id: 'cc-b', code: '43-00', name: 'Field east', active: true },
    ];
    expect(plan([costCentersCsv(stored)], stored)).toEqual({
      added: [],
      updated: [
        ['cc-b', '43-00', 'Field east'],
        ['cc-a', '4300', 'Field'],
      ],
    });
  });

  it('never updates one stored cost center from two rows: a spelling another row names exactly is added', () => {
    expect(plan(['Cost Center,Name', '41-00,Retail east', '4100,Retail'], STORED)).toEqual({
      added: ['41-00'],
      updated: [['cc-1', '4100', 'Retail']],
    });
  });
});

describe('a cost centers file', () => {
  function errorsOf(lines: string[]): string[] {
    const table = readTabularFile('cost-centers.csv', new TextEncoder().encode(lines.join('\n')));
    if (!table.ok) throw new Error('unreadable');
    return readCostCenterRows(table.value).errors.map((error) => error.message);
  }

  it('refuses one name on two codes: a site or service naming it would not say which', () => {
    expect(
      errorsOf(['Cost Center,Name', '4100,Retail Stores', '4200,IT', '4300,retail  stores']),
    ).toEqual([
      'Row 4, column "Name": "retail  stores" is already the name of cost center 4100 (row 2); a site, service or budget naming it would not say which. Give each cost center its own name.',
    ]);
  });

  it('refuses a code or GL account Excel turned into scientific notation', () => {
    const [gl, code] = errorsOf([
      'Cost Center,Name,GL Account',
      '4100,Retail,6.42E+11',
      '4.1E+5,Field,6100',
    ]);
    expect(gl).toMatch(
      /^Row 2, column "GL Account": "6\.42E\+11" is a number in scientific notation/,
    );
    expect(code).toMatch(
      /^Row 3, column "Cost Center": "4\.1E\+5" is a number in scientific notation/,
    );
  });
});
