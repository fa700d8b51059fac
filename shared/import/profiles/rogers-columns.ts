/**
 * Which columns of a Rogers charges breakdown are charges. The report writes one column per kind
 * of charge billed, and a customer may add columns of its own (`Cost Centre`, `Department`…),
 * after `User Name` or anywhere. A column is a charge when its name is one of Rogers' charge
 * columns; it is the customer's own (kept as a line extra, as AT&T Premier's upper-case columns)
 * when its name is a customer field or its cells are not all amounts; a column of amounts under
 * another name is told by the rows: a charge when the rows' charges make their `Subtotal` with it,
 * the customer's own when they make it without (a cost centre `4100` is not $4,100.00).
 */
import { centsFromText } from '../../money/cents';
import { isNoValue } from '../cells';
import { headerKey } from '../header-key';
import { MAX_AMOUNT_CENTS } from '../limits';
import type { TableRow } from '../table';

/** The charge columns of Rogers' portal report (its columns vary with what was billed). */
const ROGERS_CHARGE_NAMES = [
  'Monthly Service Fee',
  'Data Monthly Service Fee',
  'Text Messaging Monthly Service Fee',
  'Activation Fee',
  'Call Display',
  'Voice Mail',
  '911 Fee',
  'Directory Assistance',
  'System Access Fee',
  'System Access Fee Credit',
  "Gov't Regulatory Recovery Fee",
  "Gov't Regulatory Recovery Fee Credit",
  'Essential Value Packs',
  'Equipment Charges',
  'Airtime Overage Charge',
  'Canadian Long Distance Charge',
  'US Long Distance Charge',
  'International Long Distance Charge',
  'US Airtime Roaming Charges',
  'International Airtime Roaming Charges',
  'US Roaming Long Distance Charge',
  'International Roaming Long Distance Charges',
  'Canadian Roaming Airtime Charges',
  'Canadian Roaming LD Charges',
  'Non Roaming Text Sent Charges',
  'Non Roaming Text Received Charges',
  'US Text Sent',
  'US Text Received',
  'International Text Sent',
  'International Text Received',
  'Data Overage Charges',
  'US Data Roaming Charges',
  'International Data Roaming Charges',
  'Canadian Data Roaming Charges',
  'Early Cancellation Payment',
  'Premium Services',
  'Roaming Packages',
  'Temporary Suspension Charge',
  'Shared Minutes Monthly Fee',
  'Early Upgrade Fee',
  'Unlocking Charge',
  'Other Charges',
  'Credits and Discounts',
  'WiFi Hotspot Charges',
  'UMA US Voice Charges',
  'UMA INT Voice Charges',
  'UMA US Voice Roaming Tax',
  'UMA INT Voice Roaming Tax',
  'UMA Local Charges',
  'UMA Long Distance Charges',
  'MMS Canadian Charges',
  'MMS US/International Charges',
];

const CHARGE_KEYS: ReadonlySet<string> = new Set(ROGERS_CHARGE_NAMES.map(headerKey));

/**
 * A customer's field, never a kind of charge: who, where and what for a line is billed (a word of
 * the name, `_` or `-` between words as well as a space).
 */
const CUSTOMER_FIELD =
  /(?<![a-z])(?:cost[\s_-]?(?:cent(?:re|er)|code)|department|division|general[\s_-]?ledger|employee|location|project|comments?|manager|business[\s_-]?unit|e-?mail|(?:dept|gl|bu|id|emp|notes?)(?![a-z]))/i;

/**
 * Words of a charge's name: what a column of amounts under another name is taken for when its
 * rows do not tell, and a column of such a name holding a cell that is not an amount stays a
 * charge (that cell is a row error naming it).
 */
const CHARGE_WORDS =
  /charges?\b|fees?\b|credits?\b|discounts?\b|rebates?\b|roaming|long distance|airtime|overage|packs?\b|packages?\b|payments?\b/i;

/**
 * Columns of amounts the rows judge together, at most: every way of taking some of them as charges
 * is tried (2^n). Past it, they are charges, as the report's own columns are.
 */
const MAX_JUDGED = 8;

/** The breakdown's columns other than its named fields: charges and the customer's own. */
export interface BreakdownColumns {
  /** Columns read as charges, in the header's order. */
  charges: number[];
  /** Columns kept as line extras (the customer's own), in the header's order. */
  extras: number[];
  /** Columns not named as a Rogers charge nor a customer field, told charge or not by the rows. */
  judged: ReadonlySet<number>;
}

/** An amount in cents, or null when the text is not one TEM Desk reads (blank is 0). */
function amountOf(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '' || isNoValue(trimmed)) return 0;
  const read = centsFromText(trimmed);
  if (!read.ok) return null;
  const value = read.value ?? 0;
  return Math.abs(value) > MAX_AMOUNT_CENTS ? null : value;
}

/**
 * Sorts the columns `others` (those no field of the layout names) into charges and the customer's
 * own. `subtotal` is the `Subtotal` column, which the rows' charges add up to.
 */
export function breakdownColumns(
  header: readonly string[],
  rows: readonly TableRow[],
  others: readonly number[],
  subtotal: number,
): BreakdownColumns {
  const charges = new Set<number>();
  const extras = new Set<number>();
  const amounts: number[] = [];
  for (const index of others) {
    const name = header[index] ?? '';
    if (CHARGE_KEYS.has(headerKey(name))) charges.add(index);
    else if (CUSTOMER_FIELD.test(name)) extras.add(index);
    else {
      let nonZero = false;
      let words = false;
      for (const row of rows) {
        const amount = amountOf(row.cells[index] ?? '');
        if (amount === null) words = true;
        else if (amount !== 0) nonZero = true;
        if (words && nonZero) break;
      }
      // Words, codes or dates are the customer's, unless the column is a charge's, of amounts
      // with a bad cell; a column of zeros bills nothing either way.
      if (words) (nonZero && CHARGE_WORDS.test(name) ? charges : extras).add(index);
      else if (!nonZero) charges.add(index);
      else amounts.push(index);
    }
  }
  const judged = new Set(amounts);
  if (amounts.length > MAX_JUDGED) for (const index of amounts) charges.add(index);
  else {
    const taken = judgeByRows(header, rows, [...charges], amounts, subtotal);
    amounts.forEach((index, bit) => ((taken & (1 << bit)) !== 0 ? charges : extras).add(index));
  }
  const inOrder = (set: ReadonlySet<number>) => [...set].sort((a, b) => a - b);
  return { charges: inOrder(charges), extras: inOrder(extras), judged };
}

/**
 * Which of the `amounts` columns are charges, as a bit mask: the choice that makes the most rows'
 * charges add up to their `Subtotal`; among equals, the one that takes a column as a charge when
 * its name reads as one, else as the customer's, then the one with more charges.
 */
function judgeByRows(
  header: readonly string[],
  rows: readonly TableRow[],
  charges: readonly number[],
  amounts: readonly number[],
  subtotal: number,
): number {
  const choices = 1 << amounts.length;
  const fits = new Array<number>(choices).fill(0);
  const sums = new Array<number>(choices).fill(0);
  const values = new Array<number>(amounts.length).fill(0);
  for (const row of rows) {
    // A row with no Subtotal, or a charge that is not an amount, tells nothing.
    const subtotalText = row.cells[subtotal] ?? '';
    let rest = subtotalText.trim() === '' ? null : amountOf(subtotalText);
    for (const index of charges) {
      if (rest === null) break;
      const amount = amountOf(row.cells[index] ?? '');
      rest = amount === null ? null : rest - amount;
    }
    if (rest === null) continue;
    amounts.forEach((index, bit) => (values[bit] = amountOf(row.cells[index] ?? '') ?? 0));
    // sums[choice]: the amounts of the columns the choice takes, each from a smaller choice's.
    for (let choice = 1; choice < choices; choice += 1) {
      const low = choice & -choice;
      sums[choice] = (sums[choice ^ low] ?? 0) + (values[31 - Math.clz32(low)] ?? 0);
    }
    for (let choice = 0; choice < choices; choice += 1) {
      if (sums[choice] === rest) fits[choice] = (fits[choice] ?? 0) + 1;
    }
  }
  let named = 0;
  amounts.forEach((index, bit) => {
    if (CHARGE_WORDS.test(header[index] ?? '')) named |= 1 << bit;
  });
  const agreeing = (choice: number) => amounts.length - bitCount(choice ^ named);
  let best = 0;
  for (let choice = 1; choice < choices; choice += 1) {
    const better =
      (fits[choice] ?? 0) - (fits[best] ?? 0) ||
      agreeing(choice) - agreeing(best) ||
      bitCount(choice) - bitCount(best);
    if (better > 0) best = choice;
  }
  return best;
}

function bitCount(mask: number): number {
  let count = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) count += 1;
  return count;
}

/**
 * What a row whose charges do not add up says of the columns the rows told charge or not (see
 * {@link BreakdownColumns.judged}) holding an amount on it: how each was read; '' when none.
 */
export function judgedColumnsNote(
  header: readonly string[],
  columns: BreakdownColumns,
  cells: readonly string[],
): string {
  let note = '';
  for (const index of columns.judged) {
    const text = (cells[index] ?? '').trim();
    if (amountOf(text) === 0) continue;
    const read = columns.charges.includes(index)
      ? 'a charge'
      : "the customer's own column, not a charge";
    note += ` "${header[index] ?? ''}" (${text}) is not one of Rogers' charge columns and is read as ${read}.`;
  }
  return note;
}
