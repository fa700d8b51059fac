/**
 * AT&T Mobility Premier "billing summary report": one row per wireless number per cycle, comma
 * separated and quoted. It has no invoice number (an invoice is an account and its invoice date)
 * and no invoice total; `Total current charges` is each row's own total, used only as a check.
 * Upper-case columns (`DEPARTMENT NAME`, `VIS CODE`, `COST CENTER`…) are the customer's own and are
 * kept as line extras.
 */
import { detachStoredInvoices, seedStoredInvoices } from '../stored-usage';
import { isoMonthOf } from '../../dates';
import type { ChargeCategory } from '../../model';
import type { Cents } from '../../money/cents';
import { cents, formatCents } from '../../money/cents';
import { CellReader, extrasFromCells } from '../cells';
import { compactDate } from '../charge-rows';
import type { DraftChargeLine } from '../draft';
import { DraftBuilder } from '../draft-builder';
import { ATT_POOLING, readAttPooling } from './att-pooling';
import { ATT_USAGE_DETAIL, readAttUsageDetail } from './att-usage-detail';
import { col, presentIndexes } from './columns';
import { startAccountRow } from './rows';
import type { CarrierProfile, ProfileTable, TableLayout } from './types';
import { ATT_ACTIVITY_HEADER } from './att-headers';

const PROFILE_ID = 'att-premier-summary';
const LAYOUT_NAME = 'AT&T Mobility — Premier billing summary report';
const CARRIER = 'AT&T Mobility';

/**
 * AT&T's "activity since last bill": usage together with equipment instalments, purchases and
 * one-time charges in one amount. Filed as usage (the closest category), it is not usage charges
 * alone, and the `overage` check does not read it as such.
 */
export { ATT_ACTIVITY_HEADER };

/** The charge columns and their categories; `Total adjustments` turns credit when negative. */
const CHARGE_COLUMNS: readonly { field: string; header: string; category: ChargeCategory }[] = [
  { field: 'monthly', header: 'Total monthly charges', category: 'recurring' },
  { field: 'activity', header: ATT_ACTIVITY_HEADER, category: 'usage' },
  { field: 'taxes', header: 'Total taxes', category: 'tax' },
  { field: 'fees', header: 'Total company fees and surcharges', category: 'surcharge' },
  { field: 'fan', header: 'Total FAN level charges', category: 'adjustment' },
  { field: 'adjustments', header: 'Total adjustments', category: 'adjustment' },
];

/** Columns kept as extras besides the customer's own. */
const DESCRIPTIVE_FIELDS = ['userName', 'ratePlanName', 'rateCode', 'groupId'] as const;

const SUMMARY: TableLayout = {
  kind: 'billing-summary',
  columns: {
    foundationAccount: { aliases: ['Foundation account'] },
    foundationAccountName: { aliases: ['Foundation account name'] },
    accountNumber: { aliases: ['Account number'], required: true },
    accountDescriptions: { aliases: ['Account and descriptions'] },
    billingAccountName: { aliases: ['Billing account name'] },
    wirelessDescriptions: { aliases: ['Wireless number and descriptions'] },
    wirelessNumber: { aliases: ['Wireless number'], required: true },
    userName: { aliases: ['User name'] },
    marketCycleEndDate: { aliases: ['Market cycle end date'] },
    invoiceDate: { aliases: ['Invoice date'], required: true },
    rateCode: { aliases: ['Rate code'] },
    ratePlanName: { aliases: ['Rate plan name'] },
    groupId: { aliases: ['Group ID'] },
    totalCurrent: { aliases: ['Total current charges'], required: true },
    ...Object.fromEntries(
      CHARGE_COLUMNS.map(({ field, header }) => [field, { aliases: [header], required: true }]),
    ),
    kb: { aliases: ['Total KB usage'] },
    minutes: { aliases: ['Total minutes usage'] },
    messages: { aliases: ['Total messages'] },
  },
};

function readTable(table: ProfileTable, draft: DraftBuilder): void {
  const c = table.columns;
  const cells = new CellReader(table.fileName, table.header, draft);
  const identifying = presentIndexes(c, ['accountNumber', 'wirelessNumber']);
  // A report grouped by account writes its `Total for 287…` in a description column, on a row
  // naming no wireless number: a row naming one is that line's, whatever its names read.
  const labels = {
    labels: presentIndexes(c, [
      'accountDescriptions',
      'billingAccountName',
      'wirelessDescriptions',
      'userName',
    ]),
    lines: presentIndexes(c, ['wirelessNumber']),
  };
  const chargeIndexes = CHARGE_COLUMNS.map((charge) => col(c, charge.field));
  cells.amountIndexes = chargeIndexes.filter((i) => i >= 0);
  const claimed = new Set(Object.values(c));
  const extraIndexes = [
    ...DESCRIPTIVE_FIELDS.map((field) => col(c, field)),
    ...table.header.map((_, i) => i).filter((i) => !claimed.has(i)),
  ].filter((i) => i >= 0);
  const amounts: (Cents | null)[] = new Array<Cents | null>(CHARGE_COLUMNS.length).fill(null);

  for (const row of table.rows) {
    const accountNumber = startAccountRow(table, row, draft, cells, identifying, '', labels);
    if (accountNumber === null) continue;
    const invoiceDate = cells.date(col(c, 'invoiceDate'), 'MDY');
    if (invoiceDate === null && !cells.failed) {
      cells.reject(col(c, 'invoiceDate'), 'the invoice date is blank.');
    }
    const cycleEnd = cells.date(col(c, 'marketCycleEndDate'), 'MDY');
    let sum = 0;
    for (let i = 0; i < chargeIndexes.length; i += 1) {
      const amount = cells.cents(chargeIndexes[i] ?? -1);
      amounts[i] = amount;
      sum += amount ?? 0;
    }
    const total = cells.cents(col(c, 'totalCurrent'));
    const kb = cells.quantity(col(c, 'kb'));
    const minutes = cells.quantity(col(c, 'minutes'));
    const messages = cells.quantity(col(c, 'messages'));
    if (cells.failed || invoiceDate === null) continue;
    if (total !== null && total !== sum) {
      cells.rejectRow(
        `the charge columns add up to ${formatCents(cents(sum))} but "Total current charges" says ${formatCents(total)}; the row is not imported so the invoice total stays right.`,
      );
      continue;
    }

    const invoice = draft.invoiceOfFilePart(
      {
        carrierName: CARRIER,
        accountNumber,
        // AT&T Premier has no invoice number: the account and the invoice date identify the bill.
        invoiceNumber: `${accountNumber}-${compactDate(invoiceDate)}`,
        invoiceDate,
        ...(cycleEnd === null ? {} : { periodEnd: cycleEnd }),
        statedTotal: null,
        sourceFile: table.fileName,
      },
      row.line,
    );
    if (invoice === null) continue;
    const serviceIdRaw = cells.identifier(col(c, 'wirelessNumber'));
    const extras = extrasFromCells(row.cells, table.header, extraIndexes);
    const more: Pick<DraftChargeLine, 'quantity' | 'extras'> =
      extras === undefined ? { quantity: null } : { quantity: null, extras };
    const source = { sourceFile: table.fileName, sourceRow: row.line };
    for (let i = 0; i < CHARGE_COLUMNS.length; i += 1) {
      const amount = amounts[i];
      const charge = CHARGE_COLUMNS[i];
      if (amount === null || amount === undefined || amount === 0 || charge === undefined) continue;
      const category: ChargeCategory =
        charge.field === 'adjustments' && amount < 0 ? 'credit' : charge.category;
      const description = table.header[chargeIndexes[i] ?? 0] ?? charge.header;
      draft.line(invoice, source, serviceIdRaw, description, category, amount, more);
    }
    const serviceKey = draft.serviceKey(serviceIdRaw);
    if (serviceKey !== null && (kb !== null || minutes !== null || messages !== null)) {
      draft.usage.push({
        invoiceKey: invoice.key,
        serviceIdRaw,
        serviceKey,
        month: isoMonthOf(cycleEnd ?? invoiceDate),
        // A blank usage cell is not known, never zero use.
        minutes,
        messages,
        dataKb: kb === null ? null : Math.round(kb),
        sourceFile: table.fileName,
        sourceRow: row.line,
      });
    }
  }
}

export const attPremierSummary: CarrierProfile = {
  id: PROFILE_ID,
  carrierName: CARRIER,
  layoutName: LAYOUT_NAME,
  dateOrder: 'MDY',
  layouts: [SUMMARY, ATT_USAGE_DETAIL, ATT_POOLING],
  read(tables, context) {
    const draft = new DraftBuilder();
    const ofKind = (kind: string) => tables.filter((table) => table.layout.kind === kind);
    // Summaries first: usage detail, then pooling, attach to the invoices they read.
    for (const table of ofKind(SUMMARY.kind)) readTable(table, draft);
    let alone: string | null = null;
    seedStoredInvoices(draft, context.storedInvoices, CARRIER);
    for (const table of ofKind(ATT_USAGE_DETAIL.kind))
      alone = readAttUsageDetail(table, draft) ?? alone;
    for (const table of ofKind(ATT_POOLING.kind)) alone = readAttPooling(table, draft) ?? alone;
    // Usage with no bill to belong to (in the pick or stored) is refused whole, never dropped.
    return detachStoredInvoices(draft.finish(PROFILE_ID, LAYOUT_NAME, context.dateOrder), alone);
  },
};
