/**
 * A set-up file (sites, inventory, contracts, rates) with a value in a column that has no header:
 * to the right of the last header, in a gap column between two names, or left of a header that
 * starts in column B. A CSV row with more cells than its header was already refused naming the
 * row; the same value in a workbook was dropped without a word (a note beside a service, a cost
 * center typed under a column left unnamed), as was a CSV value under a blank header cell. Now
 * every door (Set up from files, each page's import, the CLI's readers) refuses the row, naming it
 * and the column letter; blank and whitespace-only cells are no value.
 */
import { describe, expect, it } from 'vitest';
import { readContractRatesCsv, readContractsCsv } from '../../../shared/contracts/csv';
import {
  guessColumnChoice,
  RATE_FILE_COLUMNS,
  CONTRACT_FILE_COLUMNS,
  readChosenContracts,
  readChosenRates,
} from '../../../shared/contracts/mapping';
import { guessInventoryMapping, readInventoryRows } from '../../../shared/inventory/import';
import { readSiteRows } from '../../../shared/inventory/sites-file';
import { readTabularFile } from '../../../shared/inventory/table-file';
import { readSetupFile, readSetupFiles } from '../../../shared/ledger/setup-files';
import { PINNED_TODAY } from '../../helpers/clock';
import { buildXlsx, type TestCell } from '../../helpers/xlsx-build';

const SITES = ['Site Code', 'Site Name', 'City', 'Cost Center'];

function workbook(rows: TestCell[][], name = 'Sheet1'): Uint8Array {
  return buildXlsx({ sheets: [{ name, rows }] });
}

function tableOf(name: string, bytes: Uint8Array) {
  const read = readTabularFile(name, bytes);
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  return read.value;
}

const messages = (errors: readonly { message: string }[]) => errors.map((error) => error.message);

describe('a set-up workbook with a value in a column that has no header', () => {
  it('refuses the row naming it and the column letter, right of the last header', () => {
    const table = tableOf(
      'sites.xlsx',
      workbook([
        SITES,
        ['HQ', 'Head Office', 'Austin', '4100'],
        ['WH-2', 'Warehouse', 'Houston', '4200', null, null, null, 'closing in March'],
        ['ST-1', 'Store 1', 'Dallas', '4300'],
      ]),
    );
    const { drafts, errors } = readSiteRows(table);
    expect(messages(errors)).toEqual([
      'Row 3: column H has a value ("closing in March") but no header, so it cannot be imported: name column H in the header row (row 1) or clear the cell. The row is not read until then.',
    ]);
    expect(errors[0]?.row).toBe(3);
    expect(drafts.map((draft) => draft.code)).toEqual(['HQ', 'ST-1']);
  });

  it('refuses a value in a gap column between two names, and in a column left of the header', () => {
    const table = tableOf(
      'sites.xlsx',
      workbook([
        ['Site list, December'],
        [],
        [null, 'Site Code', 'Site Name', null, 'City', 'Cost Center'],
        [null, 'HQ', 'Head Office', null, 'Austin', '4100'],
        [null, 'WH-2', 'Warehouse', '4200', 'Houston', null],
        ['7', 'ST-1', 'Store 1', null, 'Dallas', '4300'],
      ]),
    );
    const { drafts, errors } = readSiteRows(table);
    expect(messages(errors)).toEqual([
      'Row 5: column D has a value ("4200") but no header, so it cannot be imported: name column D in the header row (row 3) or clear the cell. The row is not read until then.',
      'Row 6: column A has a value ("7") but no header, so it cannot be imported: name column A in the header row (row 3) or clear the cell. The row is not read until then.',
    ]);
    expect(drafts.map((draft) => draft.code)).toEqual(['HQ']);
  });

  it('lets blank and whitespace-only cells past the header be', () => {
    const table = tableOf(
      'sites.xlsx',
      workbook([
        SITES,
        ['HQ', 'Head Office', 'Austin', '4100', '   ', null, ''],
        ['WH-2', 'Warehouse', 'Houston', '4200', '\t'],
      ]),
    );
    const { drafts, errors } = readSiteRows(table);
    expect(errors).toEqual([]);
    expect(drafts.map((draft) => [draft.code, draft.costCenterCode])).toEqual([
      ['HQ', '4100'],
      ['WH-2', '4200'],
    ]);
  });

  it('names a few columns of a row and counts the rest', () => {
    const table = tableOf(
      'sites.xlsx',
      workbook([
        SITES,
        ['HQ', 'Head Office', 'Austin', '4100', 'a', 'b'],
        ['WH-2', 'Warehouse', 'Houston', '4200', 'a', 'b', 'c', 'd', 'e'],
        ['ST-1', 'Store 1', 'Dallas', '4300'],
        ['ST-2', 'Store 2', 'Dallas', '4300'],
      ]),
    );
    expect(messages(readSiteRows(table).errors)).toEqual([
      'Row 2: columns E ("a") and F ("b") have values but no header, so they cannot be imported: name those columns in the header row (row 1) or clear the cells. The row is not read until then.',
      'Row 3: columns E ("a"), F ("b"), G ("c") and 2 more have values but no header, so they cannot be imported: name those columns in the header row (row 1) or clear the cells. The row is not read until then.',
    ]);
  });

  it('inventory, on each sheet read: the row is refused, as the same row in a CSV is', () => {
    const header = ['Site Code', 'Carrier', 'Account Number', 'Service Type', 'Service ID', 'User'];
    const bytes = buildXlsx({
      sheets: [
        {
          name: 'Mobile',
          rows: [
            header,
            ['HQ', 'Verizon', '842-1', 'mobile', '555-010-0001', 'Ana'],
            ['HQ', 'Verizon', '842-1', 'mobile', '555-010-0002', 'Bo', 'left in May'],
          ],
        },
        {
          name: 'Circuits',
          // A note beside every row: the sheet looks wider than its header.
          rows: [
            header,
            ['HQ', 'Lumen', '5000123', 'circuit', 'DHEC.1', '', null, 'spare'],
            ['WH', 'Lumen', '5000123', 'circuit', 'DHEC.2', '', null, 'to cancel'],
          ],
        },
      ],
    });
    const [mobile, circuits] = readSetupFiles('inventory.xlsx', bytes, PINNED_TODAY);
    if (mobile?.kind !== 'inventory')
      throw new Error('the Mobile sheet is not read as an inventory');
    expect(mobile.drafts.map((draft) => draft.serviceIdRaw)).toEqual(['555-010-0001']);
    expect(messages(mobile.problems)).toEqual([
      expect.stringMatching(/^Row 3: column G has a value \("left in May"\) but no header/),
    ]);
    // A sheet whose every row has a note past its header is still read as one, not skipped.
    expect(circuits?.kind).toBe('inventory');
    expect(circuits?.drafts).toEqual([]);
    expect(messages(circuits?.problems ?? [])).toEqual([
      expect.stringMatching(/^Row 2: column H has a value \("spare"\) but no header/),
      expect.stringMatching(/^Row 3: column H has a value \("to cancel"\) but no header/),
    ]);
    // The same rows as CSV: refused too (more cells than the header), so neither file imports.
    const csv = new TextEncoder().encode(
      `${header.join(',')}\nHQ,Verizon,842-1,mobile,555-010-0001,Ana\nHQ,Verizon,842-1,mobile,555-010-0002,Bo,left in May\n`,
    );
    const table = tableOf('inventory.csv', csv);
    const read = readInventoryRows(table, guessInventoryMapping(table.header), PINNED_TODAY);
    expect(read.drafts.map((draft) => draft.serviceIdRaw)).toEqual(['555-010-0001']);
    expect(messages(read.errors)).toEqual([expect.stringMatching(/^Row 3: the row has 7 cells/)]);
  });

  it('contracts and rates, by every reader: Set up from files, the Contracts page, the CLI', () => {
    const contracts = workbook(
      [
        ['Contract ID', 'Carrier', 'Name', 'Accounts', 'Start Date', 'Term Months'],
        ['C-1', 'Lumen', 'Lumen MSA', '5-A', '2024-01-01', '36'],
        ['C-2', 'Lumen', 'Lumen Voice', '5-B', '2024-01-01', '24', null, 'MARC 12000?'],
      ],
      'Contracts',
    );
    const expected = [
      'Row 3: column H has a value ("MARC 12000?") but no header, so it cannot be imported: name column H in the header row (row 1) or clear the cell. The row is not read until then.',
    ];
    // Set up from files.
    const setup = readSetupFile('contracts.xlsx', contracts, PINNED_TODAY);
    expect(setup.kind).toBe('contracts');
    expect(messages(setup.problems)).toEqual(expected);
    // The CLI's --contracts.
    const cli = readContractsCsv(contracts);
    expect(messages(cli.errors)).toEqual(expected);
    expect(cli.rows.map((row) => row.id)).toEqual(['C-1']);
    // The Contracts page: the table, read through the columns the user chose.
    const table = tableOf('contracts.xlsx', contracts);
    const page = readChosenContracts(table, guessColumnChoice(table.header, CONTRACT_FILE_COLUMNS));
    expect(messages(page.errors)).toEqual(expected);
    expect(page.rows.map((row) => row.id)).toEqual(['C-1']);
    // Each reader's problem table fills its Column cell with the letter the message names.
    expect(cli.errors.map((error) => error.column)).toEqual(['H']);
    expect(page.errors.map((error) => error.column)).toEqual(['H']);

    const rates = workbook([
      ['Contract ID', 'Plan Or Service Type', 'Service ID', 'Monthly Rate'],
      ['C-1', 'internet', '', '800.00'],
      ['C-1', 'mobile-line', '', '45.00', 'was 50.00'],
    ]);
    const rateMessage = expect.stringMatching(
      /^Row 3: column E has a value \("was 50\.00"\) but no header/,
    );
    expect(messages(readContractRatesCsv(rates).errors)).toEqual([rateMessage]);
    const rateTable = tableOf('rates.xlsx', rates);
    const ratesPage = readChosenRates(
      rateTable,
      guessColumnChoice(rateTable.header, RATE_FILE_COLUMNS),
    );
    expect(messages(ratesPage.errors)).toEqual([rateMessage]);
    expect(ratesPage.errors.map((error) => error.column)).toEqual(['E']);
    expect(ratesPage.rows.map((rate) => rate.monthlyRateCents)).toEqual([80_000]);
  });
});

describe('contracts and rates read through their chosen columns keep each row its own number', () => {
  it('a row refused, or a title above the header, renumbers no other row of the file', () => {
    // Before, Set up from files and the Contracts page read the chosen columns as a file of their
    // own, numbered from its row 2: C-2's bad term was said on row 2 here, the refused row's.
    const contracts = workbook([
      ['Contracts, December'],
      [],
      ['Contract ID', 'Carrier', 'Name', 'Accounts', 'Start Date', 'Term Months'],
      ['C-1', 'Lumen', 'Lumen MSA', '5-A', '2024-01-01', '36', 'note'],
      [],
      ['C-2', 'Lumen', 'Lumen Voice', '5-B', '2024-01-01', 'x'],
      ['C-3', 'Lumen', 'Lumen SIP', '5-C', '2024-01-01', '24'],
    ]);
    const expected = [
      expect.stringMatching(/^Row 4: column G has a value \("note"\) but no header/),
      'Row 6, column "Term Months": expected a whole number of months like 36 but found "x".',
    ];
    const setup = readSetupFile('contracts.xlsx', contracts, PINNED_TODAY);
    expect(messages(setup.problems)).toEqual(expected);
    expect(setup.problems.map((problem) => problem.row)).toEqual([4, 6]);
    expect(messages(readContractsCsv(contracts).errors)).toEqual(expected);
    const table = tableOf('contracts.xlsx', contracts);
    const page = readChosenContracts(table, guessColumnChoice(table.header, CONTRACT_FILE_COLUMNS));
    expect(messages(page.errors)).toEqual(expected);
    expect(page.rows.map((row) => [row.id, row.line])).toEqual([['C-3', 7]]);

    const rates = new TextEncoder().encode(
      'Contract ID,Plan Or Service Type,Monthly Rate\nC-1,internet,"800.00",extra\n\nC-1,mobile-line,abc\n',
    );
    const rateTable = tableOf('rates.csv', rates);
    const ratesPage = readChosenRates(
      rateTable,
      guessColumnChoice(rateTable.header, RATE_FILE_COLUMNS),
    );
    expect(ratesPage.errors.map((error) => error.row)).toEqual([2, 4]);
    expect(ratesPage.errors[1]?.message).toMatch(/^Row 4, column "Monthly Rate"/);
  });
});

describe('the same values in a CSV set-up file', () => {
  it('a value under a blank header cell is refused as in a workbook, naming its column', () => {
    const table = tableOf(
      'sites.csv',
      new TextEncoder().encode(
        'Site Code,Site Name,,Cost Center\nHQ,Head Office,,4100\nWH-2,Warehouse,4200,\nST-1,Store 1, ,4300\n',
      ),
    );
    const { drafts, errors } = readSiteRows(table);
    expect(messages(errors)).toEqual([
      'Row 3: column C has a value ("4200") but no header, so it cannot be imported: name column C in the header row (row 1) or clear the cell. The row is not read until then.',
    ]);
    expect(drafts.map((draft) => draft.code)).toEqual(['HQ', 'ST-1']);
  });

  it('a contracts row with more cells than its header is refused by the CLI and the Contracts page too', () => {
    const text =
      'Contract ID,Carrier,Name,Accounts,Start Date,Term Months\nC-1,Lumen,Lumen MSA,5-A,2024-01-01,36\nC-2,Lumen,Lumen, Voice,5-B,2024-01-01,24\n';
    const wide = /^Row 3: the row has 7 cells but the header has 6 columns: a comma inside a value/;
    // The CLI's --contracts: before, the row was read and its last cell dropped without a word.
    const cli = readContractsCsv(new TextEncoder().encode(text));
    expect(messages(cli.errors)).toEqual([expect.stringMatching(wide)]);
    expect(cli.rows.map((row) => row.id)).toEqual(['C-1']);
    // The Contracts page: before, the row was left out of the preview without a word.
    const table = tableOf('contracts.csv', new TextEncoder().encode(text));
    const page = readChosenContracts(table, guessColumnChoice(table.header, CONTRACT_FILE_COLUMNS));
    expect(messages(page.errors)).toEqual([expect.stringMatching(wide)]);
  });
});
