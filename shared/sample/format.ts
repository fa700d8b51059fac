/**
 * Text the carriers write: amounts, dates and CSV fields in each carrier's own style. Amounts are
 * built from integer cents digit by digit, never through floating-point dollars.
 */
import { dateParts, type IsoDate } from '../dates/iso-date';
import type { Cents } from '../money/cents';

const MONTH_ABBREVIATIONS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/** `2393` → `2,393`. */
export function groupThousands(whole: number): string {
  const digits = String(Math.trunc(Math.abs(whole)));
  let out = '';
  for (let i = 0; i < digits.length; i += 1) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return `${whole < 0 ? '-' : ''}${out}`;
}

function wholeAndFraction(amount: Cents): { whole: number; fraction: string } {
  const magnitude = Math.abs(amount);
  return {
    whole: Math.trunc(magnitude / 100),
    fraction: String(magnitude % 100).padStart(2, '0'),
  };
}

/** Verizon and TEM Desk CSV style: `1234.56`, `-150.00`, `0.00`. */
export function plainAmount(amount: Cents): string {
  const { whole, fraction } = wholeAndFraction(amount);
  return `${amount < 0 ? '-' : ''}${whole}.${fraction}`;
}

/** AT&T style: `$1,234.56`, `($948.03)` for negatives, `$0.00`. */
export function attAmount(amount: Cents): string {
  const { whole, fraction } = wholeAndFraction(amount);
  const text = `$${groupThousands(whole)}.${fraction}`;
  return amount < 0 ? `(${text})` : text;
}

/** T-Mobile style: `$45.00`, `$.15` under a dollar, `-$329.45`, `$1,234.56`, `$0.00`. */
export function tmobileAmount(amount: Cents): string {
  if (amount === 0) return '$0.00';
  const { whole, fraction } = wholeAndFraction(amount);
  const wholeText = whole === 0 ? '' : groupThousands(whole);
  return `${amount < 0 ? '-' : ''}$${wholeText}.${fraction}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function abbreviation(month: number): string {
  return MONTH_ABBREVIATIONS[month - 1] ?? '';
}

/** `Aug 16, 2021`. */
export function monthDayYear(date: IsoDate): string {
  const { year, month, day } = dateParts(date);
  return `${abbreviation(month)} ${day}, ${year}`;
}

/** `09/08/21`. */
export function shortUsDate(date: IsoDate): string {
  const { year, month, day } = dateParts(date);
  return `${pad2(month)}/${pad2(day)}/${pad2(year % 100)}`;
}

/** `08/16/2021`. */
export function usDate(date: IsoDate): string {
  const { year, month, day } = dateParts(date);
  return `${pad2(month)}/${pad2(day)}/${year}`;
}

/** `20210816`. */
export function compactDate(date: IsoDate): string {
  return date.replaceAll('-', '');
}

/** Verizon's bill period: `Jul 17 -Aug 16 ` (no year, trailing space). */
export function verizonBillPeriod(start: IsoDate, end: IsoDate): string {
  const s = dateParts(start);
  const e = dateParts(end);
  return `${abbreviation(s.month)} ${s.day} -${abbreviation(e.month)} ${e.day} `;
}

/** T-Mobile's bill cycle: `Jul 12, 2023 - Aug 11, 2023`. */
export function tmobileCycle(start: IsoDate, end: IsoDate): string {
  return `${monthDayYear(start)} - ${monthDayYear(end)}`;
}

/** A CSV field, quoted only when it must be (comma, quote, line break, edge spaces). */
export function csvField(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A CSV field always quoted, as AT&T Premier writes every field. */
export function csvQuoted(text: string): string {
  return text.includes('"') ? `"${text.replaceAll('"', '""')}"` : `"${text}"`;
}

/** `numerator / denominator` with three decimals (`1.177`), rounded half up; for usage volumes. */
export function thousandths(numerator: number, denominator: number): string {
  const scaled = Math.floor((numerator * 1_000 * 2 + denominator) / (2 * denominator));
  return `${Math.trunc(scaled / 1_000)}.${String(scaled % 1_000).padStart(3, '0')}`;
}
