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
