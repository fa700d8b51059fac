/**
 * T-Mobile for Business DETAIL export: one row per charge item per line per cycle,
 * `Account Number, Wireless Number, User Name, Connection Type, Item Category, Item Description,
 * Charges, Data, Minutes, Messages, Bill Cycle Date, Invoice Number`. Amounts like `-$329.45` and
 * `$.15`; data like `0.7309 GB`; the cycle as a range (`Jul 12, 2023 - Aug 11, 2023`), whose end
 * is the bill date. Each line's Data, Minutes and Messages over its rows of one cycle make one
 * usage record; a blank usage cell is not known, never zero use.
 */
import type { DateRange } from '../../dates';
import { isoMonthOf } from '../../dates';
import type { ChargeCategory } from '../../model';
import { CellReader, extrasFromCells, isNoValue } from '../cells';
import { categoryFromText } from '../categories';
import { compactDate } from '../charge-rows';
import type { DraftChargeLine, DraftInvoice } from '../draft';
import type { DraftBuilder } from '../draft-builder';
import { headerKey } from '../table';
import { col, presentIndexes } from './columns';
import { startAccountRow } from './rows';
import { TMOBILE_CARRIER as CARRIER } from './tmobile-views';
import type { ProfileTable, TableLayout } from './types';

/** The id and name of a draft read from detail files (read with summaries by `tmobile.ts`). */
export const DETAIL_PROFILE_ID = 'tmobile-detail';
export const DETAIL_LAYOUT_NAME = 'T-Mobile for Business — detail';

export const DETAIL_LAYOUT: TableLayout = {
  kind: 'detail',
  name: DETAIL_LAYOUT_NAME,
  columns: {
    accountNumber: { aliases: ['Account Number', 'Account', 'BAN'], required: true },
    wirelessNumber: { aliases: ['Wireless Number', 'Phone Number'], required: true },
    userName: { aliases: ['User Name'] },
    connectionType: { aliases: ['Connection Type'] },
    itemCategory: { aliases: ['Item Category'], required: true },
    itemDescription: { aliases: ['Item Description'], required: true },
    charges: { aliases: ['Charges'], required: true },
    data: { aliases: ['Data'] },
    minutes: { aliases: ['Minutes'] },
    messages: { aliases: ['Messages'] },
    billCycleDate: { aliases: ['Bill Cycle Date', 'Bill Cycle'], required: true },
    invoiceNumber: { aliases: ['Invoice Number', 'Invoice'] },
  },
};

/** T-Mobile's item categories where the shared words do not say (`Taxes & Fees` and the like). */
const TMOBILE_CATEGORIES: ReadonlyMap<string, ChargeCategory> = new Map(
  (
    [
      ['Taxes & Fees', 'tax'],
      ['Taxes', 'tax'],
      ['Fees', 'surcharge'],
      ['Usage', 'usage'],
      ['Usage charges', 'usage'],
      ['One-time charges', 'one-time'],
      ['Credits & Adjustments', 'adjustment'],
      ['Credits', 'credit'],
      ['Plans', 'recurring'],
      ['Services', 'recurring'],
      ['Equipment', 'equipment'],
    ] as const
  ).map(([word, category]) => [headerKey(word), category]),
);

/** Kilobytes per unit of a data figure (1 KB = 1,024 bytes, as carriers count). */
const KB_PER_UNIT: Readonly<Record<string, number>> = {
  KB: 1,
  MB: 1024,
  GB: 1024 * 1024,
  TB: 1024 * 1024 * 1024,
};

const DATA_FIGURE = /^(\d[\d,]*(?:\.\d*)?|\.\d+)\s*(KB|MB|GB|TB)$/i;

/** `0.7309 GB` → kilobytes; null for blank; an error text for anything else (a bare `0` is zero). */
export function dataKbFromText(raw: string): number | null | { error: string } {
  const text = raw.trim();
  if (isNoValue(text)) return null;
  if (/^0+(\.0*)?$/.test(text)) return 0;
  const match = DATA_FIGURE.exec(text);
  if (match === null)
    return { error: `expected an amount of data like 0.7309 GB but found "${raw}".` };
  const [, amount = '0', unit = 'KB'] = match;
  return Math.round(Number(amount.replace(/,/g, '')) * (KB_PER_UNIT[unit.toUpperCase()] ?? 1));
}

/**
 * Each item category text's reading, before the sign is looked at: every row names one of a few
 * categories, and `headerKey` normalises Unicode. Bounded, as `categoryFromText`'s, so a file of
 * free-text categories cannot grow it without limit.
 */
const categoryByText = new Map<string, ChargeCategory | null>();

function categoryOf(text: string, amount: number): ChargeCategory | null {
  let category = categoryByText.get(text);
  if (category === undefined) {
    category = TMOBILE_CATEGORIES.get(headerKey(text)) ?? categoryFromText(text);
    if (categoryByText.size < 10_000) categoryByText.set(text, category);
  }
  if (category === 'adjustment' && amount < 0) return 'credit';
  return category;
}

/** One line's usage over the rows of one cycle. */
interface UsageSum {
  invoice: DraftInvoice;
  serviceIdRaw: string;
  serviceKey: string;
  month: ReturnType<typeof isoMonthOf>;
  minutes: number | null;
  messages: number | null;
  dataKb: number | null;
  sourceRow: number;
}

function add(sum: number | null, figure: number | null): number | null {
  return figure === null ? sum : (sum ?? 0) + figure;
}

/** Reads one detail file into `draft`: its charge items as lines, each line's usage summed. */
export function readDetailTable(table: ProfileTable, draft: DraftBuilder): void {
  const c = table.columns;
  const cells = new CellReader(table.fileName, table.header, draft);
  const identifying = presentIndexes(c, [
    'accountNumber',
    'wirelessNumber',
    'itemCategory',
    'itemDescription',
  ]);
  cells.amountIndexes = [col(c, 'charges')];
  const extraIndexes = presentIndexes(c, ['userName', 'connectionType']);
  const usage = new Map<string, UsageSum>();

  for (const row of table.rows) {
    const accountNumber = startAccountRow(table, row, draft, cells, identifying);
    if (accountNumber === null) continue;
    const cycleIndex = col(c, 'billCycleDate');
    let period: DateRange | null = null;
    if (cells.text(cycleIndex) === '') cells.reject(cycleIndex, 'the bill cycle date is blank.');
    else period = cells.dateRange(cycleIndex, 'MDY');
    const amount = cells.cents(col(c, 'charges'));
    const categoryText = cells.text(col(c, 'itemCategory'));
    const category = categoryOf(categoryText, amount ?? 0);
    if (category === null && amount !== null && amount !== 0) {
      cells.reject(
        col(c, 'itemCategory'),
        `the item category "${categoryText}" is not one TEM Desk knows (Plans, Usage, Equipment, Services, One-time charges, Taxes & Fees, Credits & Adjustments).`,
      );
    }
    const figures = {
      dataKb: readData(cells, col(c, 'data')),
      minutes: cells.quantity(col(c, 'minutes')),
      messages: cells.quantity(col(c, 'messages')),
    };
    if (cells.failed || period === null) continue;

    const invoice = draft.invoiceOfFilePart(
      {
        carrierName: CARRIER,
        accountNumber,
        invoiceNumber:
          cells.identifier(col(c, 'invoiceNumber')) ||
          `${accountNumber}-${compactDate(period.end)}`,
        invoiceDate: period.end,
        periodStart: period.start,
        periodEnd: period.end,
        statedTotal: null,
        sourceFile: table.fileName,
      },
      row.line,
    );
    if (invoice === null) continue;
    const serviceIdRaw = cells.identifier(col(c, 'wirelessNumber'));
    if (amount !== null && amount !== 0 && category !== null) {
      const extras = extrasFromCells(row.cells, table.header, extraIndexes);
      const more: Pick<DraftChargeLine, 'quantity' | 'extras'> =
        extras === undefined ? { quantity: null } : { quantity: null, extras };
      const description = cells.text(col(c, 'itemDescription')) || categoryText;
      const source = { sourceFile: table.fileName, sourceRow: row.line };
      draft.line(invoice, source, serviceIdRaw, description, category, amount, more);
    }
    const serviceKey = draft.serviceKey(serviceIdRaw);
    const known = figures.dataKb !== null || figures.minutes !== null || figures.messages !== null;
    if (serviceKey === null || !known) continue;
    const key = `${invoice.key}\u0000${serviceKey}`;
    const sum = usage.get(key);
    if (sum === undefined) {
      usage.set(key, {
        invoice,
        serviceIdRaw,
        serviceKey,
        month: isoMonthOf(period.end),
        ...figures,
        sourceRow: row.line,
      });
    } else {
      sum.dataKb = add(sum.dataKb, figures.dataKb);
      sum.minutes = add(sum.minutes, figures.minutes);
      sum.messages = add(sum.messages, figures.messages);
    }
  }
  for (const sum of usage.values()) {
    draft.usage.push({
      invoiceKey: sum.invoice.key,
      serviceIdRaw: sum.serviceIdRaw,
      serviceKey: sum.serviceKey,
      month: sum.month,
      minutes: sum.minutes,
      messages: sum.messages,
      dataKb: sum.dataKb,
      sourceFile: table.fileName,
      sourceRow: sum.sourceRow,
    });
  }
}

function readData(cells: CellReader, index: number): number | null {
  if (index < 0) return null;
  const value = dataKbFromText(cells.text(index));
  if (value !== null && typeof value === 'object') {
    cells.reject(index, value.error);
    return null;
  }
  return value;
}
