/**
 * Files whose rows end in two kinds of line break (CRLF rows with LF rows appended on another
 * system): every row is read, as from the same file with one kind.
 */
import { PINNED_TODAY } from '../../helpers/clock';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guessInventoryMapping, readInventoryRows } from '../../../shared/inventory/import';
import { readTabularFile } from '../../../shared/inventory/table-file';
import { readDraft, totalOf } from './fixtures';

/** The text with its first `crlfRows` lines ending in CRLF and the rest in LF. */
function mixed(text: string, crlfRows: number): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  return lines
    .map((line, i) => (i < lines.length - 1 ? line + (i < crlfRows ? '\r\n' : '\n') : line))
    .join('');
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('files mixing CRLF and LF rows', () => {
  it('reads every charge row of a bill, as the same bill with one kind of line break', () => {
    const text = readFileSync(
      new URL('../../fixtures/carriers/att-premier-billing.synthetic.csv', import.meta.url),
      'utf8',
    );
    const rows = text.split(/\r?\n/).length;
    const whole = readDraft([{ name: 'premier.csv', bytes: bytes(text.replace(/\r\n/g, '\n')) }]);
    const both = readDraft([{ name: 'premier.csv', bytes: bytes(mixed(text, rows / 2)) }]);
    expect(both.errors).toEqual([]);
    expect(both.lines).toHaveLength(whole.lines.length);
    expect(totalOf(both.lines)).toBe(totalOf(whole.lines));
    expect(both.invoices.map((i) => i.statedTotal)).toEqual(
      whole.invoices.map((i) => i.statedTotal),
    );
  });

  it('reads every row of an inventory file: none lost without a word', () => {
    const text = [
      'Site Code,Carrier,Account Number,Service Type,Service ID',
      'STR-1,Verizon Wireless,842012345-00001,mobile,555-010-0001',
      'STR-1,Verizon Wireless,842012345-00001,mobile,555-010-0002',
      'STR-1,Verizon Wireless,842012345-00001,mobile,555-010-0003',
      'STR-1,Verizon Wireless,842012345-00001,mobile,555-010-0004',
      '',
    ].join('\n');
    const table = readTabularFile('inventory.csv', bytes(mixed(text, 3)));
    if (!table.ok) throw new Error(JSON.stringify(table.errors));
    const { drafts, errors } = readInventoryRows(
      table.value,
      guessInventoryMapping(table.value.header),
      PINNED_TODAY,
    );
    expect(errors).toEqual([]);
    expect(drafts.map((draft) => [draft.row, draft.serviceIdRaw])).toEqual([
      [2, '555-010-0001'],
      [3, '555-010-0002'],
      [4, '555-010-0003'],
      [5, '555-010-0004'],
    ]);
  });
});
