import { describe, expect, it } from 'vitest';
import { readContractsCsv } from '../../../shared/contracts/csv';
import {
  canonicalTable,
  columnChoiceProblems,
  CONTRACT_FILE_COLUMNS,
  guessColumnChoice,
} from '../../../shared/contracts/mapping';
import { writeXlsx } from '../../../shared/export/xlsx';
import { readTabularFile } from '../../../shared/inventory/table-file';

const header = [
  'Agreement #',
  'Vendor',
  'Title',
  'Billing Accounts',
  'Effective',
  'Length',
  'Renews?',
  'Notice',
];
const row = ['C-100', 'Lumen', 'Lumen MPLS 2024', '5-ACME-001', '2024-01-15', '36', 'Yes', '60'];

describe('contract column mapping', () => {
  it('guesses the columns it can and asks for the required ones it cannot', () => {
    const choice = guessColumnChoice(header, CONTRACT_FILE_COLUMNS);
    expect(choice).toMatchObject({ id: -1, carrier: 1, name: 2 });
    expect(columnChoiceProblems(choice, CONTRACT_FILE_COLUMNS)).toContain(
      'Choose the column that holds the Contract ID.',
    );
    expect(columnChoiceProblems(choice, CONTRACT_FILE_COLUMNS).length).toBeGreaterThan(0);
  });

  it('reads an XLSX with its own column names once the user has chosen them', () => {
    const bytes = writeXlsx({
      sheets: [
        {
          name: 'Contracts',
          columns: header.map((h) => ({ header: h, kind: 'text' as const })),
          rows: [row],
        },
      ],
    });
    const table = readTabularFile('contracts.xlsx', bytes);
    if (!table.ok) throw new Error('unreadable');
    const choice = {
      ...guessColumnChoice(table.value.header, CONTRACT_FILE_COLUMNS),
      id: 0,
      accounts: 3,
      startDate: 4,
      termMonths: 5,
      autoRenew: 6,
      noticeDays: 7,
    };
    expect(columnChoiceProblems(choice, CONTRACT_FILE_COLUMNS)).toEqual([]);
    const read = readContractsCsv({
      table: canonicalTable(table.value, choice, CONTRACT_FILE_COLUMNS),
      headerLine: 1,
    });
    expect(read.errors).toEqual([]);
    expect(read.rows[0]).toMatchObject({
      id: 'C-100',
      carrierName: 'Lumen',
      name: 'Lumen MPLS 2024',
      accountNumbers: ['5-ACME-001'],
      startDate: '2024-01-15',
      termMonths: 36,
      endDate: '2027-01-14',
      autoRenew: true,
      noticeDays: 60,
    });
  });
});

describe('a header naming a field twice', () => {
  // Both are names of the Contract ID: the reader takes the canonical one, wherever it stands.
  const twice = 'Contract Number,Contract ID,Carrier,Start Date,Term Months\n';
  const text = `${twice}PO-7731,LU-1,Lumen,2024-01-01,36\n`;

  it('the app’s guess takes the column the CLI’s reader takes', () => {
    const table = readTabularFile('contracts.csv', new TextEncoder().encode(text));
    if (!table.ok) throw new Error('unreadable');
    const choice = guessColumnChoice(table.value.header, CONTRACT_FILE_COLUMNS);
    expect(choice['id']).toBe(1);
    // The app: its guess, the table rewritten with it, read. The CLI: the file read as it is.
    const app = readContractsCsv({
      table: canonicalTable(table.value, choice, CONTRACT_FILE_COLUMNS),
      headerLine: 1,
    });
    const cli = readContractsCsv(new TextEncoder().encode(text));
    expect(cli.rows.map((r) => r.id)).toEqual(['LU-1']);
    expect(app.rows.map((r) => r.id)).toEqual(cli.rows.map((r) => r.id));
  });
});
