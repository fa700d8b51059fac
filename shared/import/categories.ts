/**
 * Charge category words as carriers and spreadsheets write them, mapped to {@link ChargeCategory}.
 */
import type { ChargeCategory } from '../model';
import { CHARGE_CATEGORIES } from '../model';
import { headerKey } from './table';

/** Each category with the words (compared as {@link headerKey}s) that mean it. */
const CATEGORY_WORDS: Record<ChargeCategory, readonly string[]> = {
  recurring: [
    'recurring',
    'MRC',
    'Monthly',
    'Monthly Charges',
    'Monthly Recurring',
    'Recurring Charges',
    'Plan',
    'Plans',
    'Access',
    'Service',
    'Services',
  ],
  usage: ['usage', 'Usage Charges', 'Airtime', 'Long Distance', 'Toll', 'Overage'],
  'one-time': [
    'one-time',
    'One Time',
    'OCC',
    'OTC',
    'NRC',
    'Non-Recurring',
    'One-time charges',
    'Other Charges and Credits',
    'Install',
    'Installation',
  ],
  equipment: ['equipment', 'Device', 'Devices', 'Hardware', 'Equipment Charges'],
  tax: ['tax', 'Taxes', 'Government Taxes', 'Taxes and Fees'],
  surcharge: [
    'surcharge',
    'Surcharges',
    'Fee',
    'Fees',
    'Regulatory Fee',
    'Regulatory',
    'Surcharges and Fees',
  ],
  credit: ['credit', 'Credits', 'Discount', 'Discounts', 'Promotion', 'Promotional Credit'],
  'late-fee': [
    'late-fee',
    'Late Fee',
    'Late Fees',
    'Late Charge',
    'Late Payment Charge',
    'Late Payment Fee',
  ],
  adjustment: ['adjustment', 'Adjustments', 'Adj', 'Account Adjustment', 'Correction'],
  'third-party': [
    'third-party',
    'Third Party',
    'Third Party Charges',
    '3rd Party',
    'Third-Party Services',
  ],
};

const CATEGORY_BY_KEY = new Map<string, ChargeCategory>(
  CHARGE_CATEGORIES.flatMap((category) =>
    CATEGORY_WORDS[category].map((word) => [headerKey(word), category] as const),
  ),
);

/** Categories by cell text as written: files repeat a handful of words on every row. */
const categoryByText = new Map<string, ChargeCategory | null>();

/** The category a cell names, or null when the word is unknown. */
export function categoryFromText(text: string): ChargeCategory | null {
  let category = categoryByText.get(text);
  if (category === undefined) {
    category = CATEGORY_BY_KEY.get(headerKey(text)) ?? null;
    // Bounded so a file of free-text categories cannot grow it without limit.
    if (categoryByText.size < 10_000) categoryByText.set(text, category);
  }
  return category;
}

/** The words a user may write, for error messages. */
export const CATEGORY_EXAMPLES =
  'MRC, Usage, One Time, Equipment, Taxes, Surcharges, Credit, Late Fee, Adjustment, Third Party';
