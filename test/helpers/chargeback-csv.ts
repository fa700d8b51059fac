/**
 * Reads a chargeback CSV back, as finance would: the sum of its amount column (or debits minus
 * credits for a journal), in exact cents, leaving out the optional total row.
 */
import Papa from 'papaparse';
import { CSV_TOTAL_LABEL } from '../../shared/export/chargeback';

/** `-1234.56` → -123456, exactly (no float of dollars); blank is 0. */
export function centsOfText(text: string): number {
  if (text.trim() === '') return 0;
  if (!/^-?\d+(?:\.\d{1,2})?$/.test(text))
    throw new Error(`Not an amount: ${JSON.stringify(text)}`);
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
  const value = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return negative ? -value : value;
}

export function parseChargebackCsv(text: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;
}

export function isTotalRow(row: Record<string, string>): boolean {
  return Object.values(row).some((cell) => cell.startsWith(CSV_TOTAL_LABEL));
}

/** Sum of `amount` (a header), or of `debit` minus `credit`, over the rows but the total row. */
export function csvAmountSum(
  text: string,
  columns: { amount: string } | { debit: string; credit: string },
): number {
  let sum = 0;
  for (const row of parseChargebackCsv(text)) {
    if (isTotalRow(row)) continue;
    if ('amount' in columns) sum += centsOfText(row[columns.amount] ?? '');
    else sum += centsOfText(row[columns.debit] ?? '') - centsOfText(row[columns.credit] ?? '');
  }
  return sum;
}
