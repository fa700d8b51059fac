/**
 * A set-up file whose quoted cell is never closed (`WH-2,"Big" Warehouse,…`: the quote runs on
 * and swallows the rows after it) is refused naming the row, for sites, cost centers and the
 * inventory as for contracts. Before, the rows swallowed were silently gone: sites lost their
 * cost centers and services vanished from the chargeback, exit 0.
 */
import { describe, expect, it } from 'vitest';
import { readCostCenterRows } from '../../../shared/inventory/cost-centers-file';
import { guessInventoryMapping, readInventoryRows } from '../../../shared/inventory/import';
import { readSiteRows } from '../../../shared/inventory/sites-file';
import { readTabularFile } from '../../../shared/inventory/table-file';
import { isoDate } from '../../../shared/dates';
import { readSetupFile } from '../../../shared/ledger/setup-files';

function tableOf(text: string) {
  const read = readTabularFile('file.csv', new TextEncoder().encode(text));
  if (!read.ok) throw new Error('not a table');
  return read.value;
}

const UNCLOSED =
  /^Row 3: A quoted cell starting here holds a quote \("\) that is not written twice/;

describe('a set-up file with a quote never closed', () => {
  it('sites: the row is named, not swallowed', () => {
    const table = tableOf(
      'Site Code,Site Name,Cost Center\nHQ,Head Office,4100\nWH-2,"Big" Warehouse,4200\nST-1,Store 1,4300\nST-2,Store 2,4300\n',
    );
    const { errors } = readSiteRows(table);
    expect(errors.map((error) => error.message)).toEqual([expect.stringMatching(UNCLOSED)]);
  });

  it('cost centers: named once, however many stray quotes the rows run together hold', () => {
    const table = tableOf(
      'Cost Center,Name\n4000,Head Office\n4100,"Retail" Stores\n4200,Corporate IT\n4300,"Ops, ""East""\n',
    );
    const { errors } = readCostCenterRows(table);
    expect(errors.map((error) => error.message)).toEqual([expect.stringMatching(UNCLOSED)]);
  });

  it('inventory: the row is named, not swallowed', () => {
    const table = tableOf(
      'Site Code,Carrier,Account Number,Service Type,Service ID,User\nHQ,Lumen,5-KE4X-001,mobile,555-010-0001,Dana\nHQ,Lumen,5-KE4X-001,mobile,555-010-0002,"Ruiz, Ana" (contractor)\nHQ,Lumen,5-KE4X-001,mobile,555-010-0003,Eli\n',
    );
    const { errors } = readInventoryRows(
      table,
      guessInventoryMapping(table.header),
      isoDate(2026, 12, 1),
    );
    expect(errors.map((error) => error.message)).toEqual([expect.stringMatching(UNCLOSED)]);
  });
});

const WIDE =
  /^Row 3: the row has (\d+) cells but the header has (\d+) columns: a comma inside a value that is not in quotes/;

describe('a set-up file row with more cells than its header (a comma not in quotes)', () => {
  it('sites: the row is refused whole, not read with its cost center taken from the next cell', () => {
    // No Status column to catch the shift: the cost center would have been " Suite 5".
    const table = tableOf(
      'Site Code,Site Name,Address,Cost Center\nHQ,Head Office,1 Elm St,4100\nWH-2,Warehouse,100 Main St, Suite 5,4200\nST-1,Store 1,2 Oak St,4300\n',
    );
    const { drafts, errors } = readSiteRows(table);
    expect(errors.map((error) => error.message)).toEqual([expect.stringMatching(WIDE)]);
    expect(drafts.map((draft) => draft.code)).toEqual(['HQ', 'ST-1']);
  });

  it('inventory: a surname split off at the end is refused, not dropped without a word', () => {
    const table = tableOf(
      'Site Code,Carrier,Account Number,Service Type,Service ID,User\nHQ,Lumen,5-KE4X-001,mobile,555-010-0001,Dana\nHQ,Lumen,5-KE4X-001,mobile,555-010-0002,Ruiz, Ana\nHQ,Lumen,5-KE4X-001,mobile,555-010-0003,Eli,,\n',
    );
    const { errors } = readInventoryRows(
      table,
      guessInventoryMapping(table.header),
      isoDate(2026, 12, 1),
    );
    // Trailing blank cells (a spreadsheet's trailing delimiters, row 4) are no problem.
    expect(errors.map((error) => error.message)).toEqual([expect.stringMatching(WIDE)]);
  });

  it('contracts read through set-up: the file reader’s problem is said first', () => {
    const text =
      'Contract ID,Carrier,Name,Accounts,Start Date,Term Months\nC-1,Lumen,Lumen MSA,5-A,2024-01-01,36\nC-2,Lumen,"Lumen" Voice,5-B,2024-01-01,36\nC-3,Lumen,Other,5-C,2024-01-01,36\n';
    const file = readSetupFile(
      'contracts.csv',
      new TextEncoder().encode(text),
      isoDate(2026, 12, 1),
    );
    expect(file.kind).toBe('contracts');
    expect(file.problems[0]?.message).toMatch(UNCLOSED);
    const wide =
      'Contract ID,Carrier,Name,Accounts,Start Date,Term Months\nC-1,Lumen,Lumen MSA,5-A,2024-01-01,36\nC-2,Lumen,Lumen, Voice,5-B,2024-01-01,36\n';
    const widened = readSetupFile(
      'contracts.csv',
      new TextEncoder().encode(wide),
      isoDate(2026, 12, 1),
    );
    expect(widened.problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(WIDE),
    ]);
  });
});
