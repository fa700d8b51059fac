/**
 * Verizon's summaries with a total row that repeats the account and invoice (a download opened
 * and totalled in Excel, a report export): the row is skipped as a total, never read as a line.
 */
import { describe, expect, it } from 'vitest';
import { fixtureFile, readDraft, totalOf } from '../fixtures';

/** A fixture with `row` added at its end (CRLF, as Verizon writes). */
function withRow(name: string, row: string) {
  const text = new TextDecoder().decode(fixtureFile(name).bytes);
  return { name, bytes: new TextEncoder().encode(`${text}${row}\r\n`) };
}

const TOTAL_CELLS =
  '\t-2.50\t90.00\t2.50\t30.00\t6.30\t8.97\t9.99\t145.26\t123\t468\t1048576\t1,024.5\t\t10\t2\t\t\t';
const INVOICE = '\tAug 16, 2021\t123456789-00001\t09/08/21\t9876543210\tJul 17 -Aug 16 ';

describe('a total row in a Verizon summary', () => {
  it.each([
    ['Wireless Number', `${INVOICE}\tTotal\t\t\t\t${TOTAL_CELLS}`],
    ['User Name', `${INVOICE}\t\tTotal\t\t\t${TOTAL_CELLS}`],
  ])('labelled in %s is skipped, the lines alone make the stated total', (_column, row) => {
    const draft = readDraft([
      fixtureFile('verizon-account-summary.txt'),
      withRow('verizon-wireless-summary.txt', row),
    ]);
    expect(totalOf(draft.lines)).toBe(14526);
    expect(draft.lines.some((line) => line.serviceIdRaw === 'Total')).toBe(false);
    expect(draft.skipped.map((skip) => [skip.sourceFile, skip.row])).toEqual([
      ['verizon-wireless-summary.txt', 5],
    ]);
    expect(draft.warnings ?? []).toEqual([]);
  });

  it('of the AccountSummary, labelled in Bill Name, is skipped: its late fee is not counted twice', () => {
    const account = new TextDecoder().decode(fixtureFile('verizon-account-summary.txt').bytes);
    const row = (account.split('\r\n')[1] ?? '').replace('ACME CORP', 'Total');
    const draft = readDraft([
      withRow('verizon-account-summary.txt', row),
      fixtureFile('verizon-wireless-summary.txt'),
    ]);
    expect(totalOf(draft.lines)).toBe(14526);
    expect(draft.lines.filter((line) => line.category === 'late-fee')).toHaveLength(1);
    expect(draft.skipped.map((skip) => [skip.sourceFile, skip.row])).toEqual([
      ['verizon-account-summary.txt', 3],
    ]);
  });
});
