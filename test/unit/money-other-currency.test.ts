/**
 * Every amount is kept and shown as US dollars: a pound or euro amount is refused with a sentence
 * saying so, never read as its digits and shown, added up and exported as dollars.
 */
import { describe, expect, it } from 'vitest';
import { centsFromText } from '../../shared/money/cents';
import { readDraft } from './import/fixtures';
import { readBudgetRows } from '../../shared/budget/file';
import { readAmount } from '../../shared/contracts/csv-table';
import { readTabularFile } from '../../shared/inventory/table-file';

describe('an amount in another currency', () => {
  it.each<[string, ',' | '.', string]>([
    ['£12.00', '.', 'pounds'],
    ['-£1,250.50', '.', 'pounds'],
    ['(£3.00)', '.', 'pounds'],
    ['12.00 £', '.', 'pounds'],
    ['€ 0,74', ',', 'euros'],
    ['(3,00 €)', ',', 'euros'],
    ['-€12,5', ',', 'euros'],
  ])('%s is refused as %s… (decimal %s)', (text, decimal, currency) => {
    const read = centsFromText(text, { decimal });
    expect(read.ok).toBe(false);
    if (!read.ok)
      expect(read.errors[0]?.message).toBe(
        `"${text}" is an amount in ${currency}: TEM Desk keeps every amount in US dollars and would show it as dollars. Convert the amounts to dollars first.`,
      );
  });

  it.each<[string, ',' | '.']>([
    ['€0.00', '.'],
    ['£ 0.00', '.'],
    ['0,00 €', ','],
    ['(€0.00)', '.'],
  ])('%s is zero, in dollars too: read as 0 (decimal %s)', (text, decimal) => {
    expect(centsFromText(text, { decimal })).toEqual({ ok: true, value: 0 });
  });

  it('a pound or euro sign with no amount is not called an amount in pounds or euros', () => {
    const read = centsFromText('€');
    expect(read.ok).toBe(false);
    if (!read.ok)
      expect(read.errors[0]?.message).toBe(
        'Expected an amount like 1,234.56 or ($12.00) but found "€".',
      );
  });

  it('a dollar bill whose foreign-charges column says £0.00 on every row imports whole', () => {
    const draft = billDraft('dollar-bill.csv', [
      'Verizon Wireless,100,V-2610,2026-10-01,555-010-0001,Recurring,$45.00,$57.50',
      'Verizon Wireless,100,V-2610,2026-10-01,555-010-0002,Recurring,$12.50,$57.50',
      'Verizon Wireless,100,V-2610,2026-10-01,555-010-0002,Usage,£0.00,$57.50',
    ]);
    expect(draft.errors).toEqual([]);
    expect(draft.invoices.map((i) => i.statedTotal)).toEqual([57_50]);
  });

  it('a dollar amount still reads', () => {
    expect(centsFromText('$1,250.50')).toEqual({ ok: true, value: 1250_50 });
    expect(centsFromText('(12.00 $)')).toEqual({ ok: true, value: -12_00 });
  });

  it('a bill in pounds lists each amount as a row that could not be read, and imports none of them', () => {
    const draft = billDraft('bt-business.csv', [
      'BT Business,GB-1001,BT-2610,2026-10-01,555-010-0001,Recurring,£45.00,£57.50',
      'BT Business,GB-1001,BT-2610,2026-10-01,555-010-0002,Recurring,£12.50,£57.50',
    ]);
    expect(draft.lines).toEqual([]);
    expect(draft.errors.map((e) => [e.row, e.value])).toEqual([
      [2, '£45.00'],
      [2, '£57.50'],
      [3, '£12.50'],
      [3, '£57.50'],
    ]);
    expect(draft.errors[0]?.message).toContain('is an amount in pounds');
  });

  it('a budget file or a contract rate in pounds or euros says so, with its row and column', () => {
    const table = readTabularFile(
      'budget.csv',
      new TextEncoder().encode('Cost Center,Carrier,Month,Amount\n4100,,2026-01,£500.00\n'),
    );
    if (!table.ok) throw new Error('unreadable');
    const budget = readBudgetRows(table.value, []);
    expect(budget.drafts).toEqual([]);
    expect(budget.errors).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'Amount',
        message: `Row 2, column "Amount": "£500.00" is an amount in pounds: ${NOTE}`,
      }),
    ]);
    expect(readAmount('€ 45,00', '45.00')).toEqual({
      ok: false,
      message: `"€ 45,00" is an amount in euros: ${NOTE}`,
    });
    // Any other text keeps its own sentence.
    expect(readAmount('forty', '45.00')).toEqual({
      ok: false,
      message: 'expected an amount like 45.00 but found "forty".',
    });
  });
});

const NOTE =
  'TEM Desk keeps every amount in US dollars and would show it as dollars. Convert the amounts to dollars first.';

/** A bill file in the generic layout: the header, then `rows`. */
function billDraft(name: string, rows: readonly string[]) {
  const header =
    'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Category,Amount,Invoice Total';
  return readDraft([{ name, bytes: new TextEncoder().encode([header, ...rows, ''].join('\n')) }]);
}
