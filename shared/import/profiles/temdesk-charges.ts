/**
 * TEM Desk's own documented charge-line format, for every carrier without a profile of its own:
 * one charge per row, `Carrier, Account Number, Invoice Number, Invoice Date, Due Date,
 * Period Start, Period End, Service ID, Description, Category, Quantity, Amount, Invoice Total`.
 * Header spellings are tolerant (`Acct #`, `Inv No`, `Bill Date`, `Circuit ID`, `Cost`…); dates
 * may be ISO or numeric in any one order, detected over the whole file.
 */
import type { ChargeTable } from '../charge-rows';
import { chargeColumns, chargeDateSamples, readChargeRows } from '../charge-rows';
import { decimalSeparatorOf } from '../../money/decimal-text';
import { ABSENT } from '../cells';
import { headerKey } from '../header-key';
import { DraftBuilder } from '../draft-builder';
import { col } from './columns';
import type { CarrierProfile, ProfileTable, TableLayout } from './types';

const PROFILE_ID = 'temdesk-charges';
const LAYOUT_NAME = 'TEM Desk charge lines';

const CHARGES: TableLayout = {
  kind: 'charge-lines',
  columns: {
    carrier: { aliases: ['Carrier', 'Carrier Name', 'Vendor', 'Provider'], required: true },
    accountNumber: {
      aliases: ['Account Number', 'Account', 'Acct #', 'Acct No', 'Account No', 'BAN'],
      required: true,
    },
    invoiceNumber: {
      aliases: ['Invoice Number', 'Invoice', 'Inv No', 'Invoice No', 'Inv #', 'Bill Number'],
      required: true,
    },
    invoiceDate: { aliases: ['Invoice Date', 'Bill Date', 'Statement Date'], required: true },
    dueDate: { aliases: ['Due Date', 'Date Due', 'Payment Due Date'] },
    periodStart: { aliases: ['Period Start', 'Service From', 'From Date', 'Service Start'] },
    periodEnd: { aliases: ['Period End', 'Service To', 'To Date', 'Service End'] },
    serviceId: {
      aliases: [
        'Service ID',
        'Circuit ID',
        'Phone Number',
        'Service Number',
        'Wireless Number',
        'TN',
      ],
    },
    description: { aliases: ['Description', 'Charge Description', 'Item Description'] },
    category: { aliases: ['Category', 'Charge Type', 'Charge Category'], required: true },
    quantity: { aliases: ['Quantity', 'Qty', 'Units'] },
    amount: { aliases: ['Amount', 'Charge', 'Cost', 'Charge Amount'], required: true },
    invoiceTotal: { aliases: ['Invoice Total', 'Total Due', 'Invoice Amount'] },
    remitTo: { aliases: ['Remit To', 'Remit To Address', 'Remittance Address'] },
  },
};

/** A column of each row's tax, beside its amount (read as a tax line of the row's service). */
const TAX_NAMES = new Set(
  ['Tax', 'Taxes', 'Tax Amount', 'Sales Tax', 'Taxes & Surcharges', 'Tax Total'].map(headerKey),
);
/** A column of each row's total (its amount plus its tax), checked on every row. */
const LINE_TOTAL_NAMES = new Set(
  ['Total', 'Line Total', 'Total Amount', 'Total Cost', 'Total Charge', 'Amount Including Tax'].map(
    headerKey,
  ),
);

/**
 * The profile's view of a recognised file as a charge table; a tax and a row total beside the
 * amount are read as such (never kept as text beside a line that leaves them out); the other
 * unclaimed columns become extras.
 */
function asChargeTable(table: ProfileTable): {
  table: ChargeTable;
  extraColumns: number[];
  taxColumn?: number;
  lineTotalColumn?: number;
} {
  const columns = chargeColumns((field) => col(table.columns, field));
  const claimed = new Set(Object.values(columns));
  const unclaimed = table.header.map((_, i) => i).filter((i) => !claimed.has(i));
  const named = (names: ReadonlySet<string>) =>
    unclaimed.find((i) => names.has(headerKey(table.header[i] ?? '')));
  const taxColumn = named(TAX_NAMES);
  const lineTotalColumn = named(LINE_TOTAL_NAMES);
  return {
    table: { fileName: table.fileName, header: table.header, rows: table.rows, columns },
    extraColumns: unclaimed.filter((i) => i !== taxColumn && i !== lineTotalColumn),
    ...(taxColumn === undefined ? {} : { taxColumn }),
    ...(lineTotalColumn === undefined ? {} : { lineTotalColumn }),
  };
}

export const temdeskCharges: CarrierProfile = {
  id: PROFILE_ID,
  carrierName: '',
  layoutName: LAYOUT_NAME,
  dateOrder: null,
  layouts: [CHARGES],
  dateSamples(tables) {
    return tables.flatMap((table) => chargeDateSamples(asChargeTable(table).table));
  },
  read(tables, context) {
    const draft = new DraftBuilder();
    for (const profileTable of tables) {
      const { table, extraColumns, taxColumn, lineTotalColumn } = asChargeTable(profileTable);
      // European exports (`1.234,56`, `45,00`) are read with a decimal comma when their amounts
      // say so unmistakably; amounts that read either way keep the decimal point.
      const amountColumns = [
        table.columns.amount,
        table.columns.invoiceTotal,
        taxColumn ?? ABSENT,
        lineTotalColumn ?? ABSENT,
      ].filter((index) => index !== ABSENT);
      const decimal = decimalSeparatorOf(
        (function* () {
          for (const row of table.rows)
            for (const index of amountColumns) yield row.cells[index] ?? '';
        })(),
      );
      readChargeRows(
        table,
        {
          carrierName: '',
          dateOrder: context.dateOrder,
          decimal,
          signConvention: 'as-is',
          defaultCategory: null,
          extraColumns,
          ...(taxColumn === undefined ? {} : { taxColumn }),
          ...(lineTotalColumn === undefined ? {} : { lineTotalColumn }),
        },
        draft,
      );
    }
    draft.checkStatedTotals();
    return draft.finish(PROFILE_ID, LAYOUT_NAME, context.dateOrder);
  },
};
