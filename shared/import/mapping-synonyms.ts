/**
 * The header words the column-mapping wizard (`mapping.ts`) reads as each charge field: exact
 * synonyms, best first, and word fragments for headers no synonym names.
 */
import type { ChargeField } from './charge-rows';
import { CHARGE_FIELDS } from './charge-rows';
import { headerKey } from './table';

/**
 * Header words that mean each field, as {@link headerKey}s, best first. The first field whose
 * list holds a header's key claims it; each field is claimed once.
 */
const SYNONYMS: Readonly<Record<ChargeField, readonly string[]>> = {
  carrier: [
    'Carrier',
    'Carrier Name',
    'Vendor',
    'Vendor Name',
    'Provider',
    'Service Provider',
    'Supplier',
  ],
  accountNumber: [
    'Account Number',
    'Account',
    'Account No',
    'Acct',
    'Acct #',
    'Acct No',
    'Acct Number',
    'Account ID',
    'BAN',
    'Billing Account',
    'Billing Account Number',
    'Customer Account',
    'Customer Number',
    'Master Account',
  ],
  invoiceNumber: [
    'Invoice Number',
    'Invoice',
    'Invoice No',
    'Invoice #',
    'Inv',
    'Inv No',
    'Inv #',
    'Invoice ID',
    'Bill Number',
    'Bill No',
    'Statement Number',
    'Document Number',
  ],
  invoiceDate: [
    'Invoice Date',
    'Bill Date',
    'Billing Date',
    'Statement Date',
    'Bill Cycle Date',
    'Cycle Date',
    'Inv Date',
    'Document Date',
    'Date',
  ],
  dueDate: ['Due Date', 'Date Due', 'Payment Due Date', 'Pay By', 'Payment Due'],
  periodStart: [
    'Period Start',
    'Service From',
    'From Date',
    'From',
    'Start Date',
    'Service Start',
    'Service Start Date',
    'Billing Period Start',
    'Period From',
    'Bill Period Start',
  ],
  periodEnd: [
    'Period End',
    'Service To',
    'To Date',
    'To',
    'End Date',
    'Service End',
    'Service End Date',
    'Billing Period End',
    'Period To',
    'Bill Period End',
    'Thru Date',
    'Through Date',
  ],
  serviceId: [
    'Service ID',
    'Circuit ID',
    'Circuit',
    'Phone Number',
    'Phone',
    'Wireless Number',
    'Telephone Number',
    'Mobile Number',
    'Service Number',
    'Line Number',
    'TN',
    'BTN',
    'DID',
    'CKT ID',
    'Number',
    'Line',
    'Subscriber',
    'Device ID',
    'Service Identifier',
  ],
  description: [
    'Description',
    'Charge Description',
    'Desc',
    'Item Description',
    'Charge Name',
    'Item',
    'Feature',
    'Product',
    'Service Description',
    'Details',
    'Charge Detail',
    'USOC Description',
  ],
  category: [
    'Category',
    'Charge Type',
    'Charge Category',
    'Type',
    'Item Category',
    'Class',
    'Charge Class',
  ],
  quantity: ['Quantity', 'Qty', 'Units', 'Count'],
  amount: [
    'Amount',
    'Charge',
    'Charges',
    'Cost',
    'Charge Amount',
    'Total Charge',
    'Billed Amount',
    'Net Amount',
    'Extended Amount',
    'Amount USD',
    'Price',
    'Total',
  ],
  invoiceTotal: [
    'Invoice Total',
    'Invoice Amount',
    'Total Due',
    'Amount Due',
    'Total Amount Due',
    'Total Current Charges',
    'Bill Total',
    'Statement Total',
  ],
  remitTo: ['Remit To', 'Remit To Address', 'Remittance Address', 'Remit Address', 'Pay To'],
};

/** Word fragments for headers no synonym names exactly (`Customer Acct Nbr`, `Monthly Cost USD`). */
export const FRAGMENTS: readonly [ChargeField, RegExp][] = [
  ['remitTo', /remit/],
  ['invoiceTotal', /invoice(total|amount)|totaldue|amountdue/],
  ['dueDate', /due/],
  ['invoiceDate', /(invoice|bill|statement).*date/],
  ['periodStart', /(start|from)/],
  ['periodEnd', /(end|thru|through)$/],
  ['accountNumber', /(account|acct)/],
  ['invoiceNumber', /(invoice|inv)(number|no|num|nbr|id)?$/],
  ['serviceId', /(circuit|phone|wireless|telephone|mobile|ckt)/],
  ['category', /(category|type)$/],
  ['description', /(description|desc)/],
  ['quantity', /(qty|quantity)/],
  // `Cost Center` is an allocation code, not money.
  ['amount', /(amount|charge|cost)(?!cent)/],
  ['carrier', /(carrier|vendor|provider)/],
];

/** Header key → the field it names and how strongly (0 = the field's own name). */
export const SYNONYM_FIELDS = new Map<string, { field: ChargeField; rank: number }>();
for (const field of CHARGE_FIELDS) {
  SYNONYMS[field].forEach((word, rank) => {
    const key = headerKey(word);
    const known = SYNONYM_FIELDS.get(key);
    if (known === undefined || rank < known.rank) SYNONYM_FIELDS.set(key, { field, rank });
  });
}
