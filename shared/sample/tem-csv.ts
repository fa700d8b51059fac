/**
 * TEM Desk's own charge-line CSV, used for carriers without a usable export (Lumen, Comcast,
 * RingCentral): one row per charge, ISO dates, the invoice total repeated on every row.
 */
import { addDays, type IsoDate } from '../dates/iso-date';
import { cents } from '../money/cents';
import type { InvoiceRef } from './billing';
import { csvField, plainAmount } from './format';

/** Header of the TEM Desk charge-line CSV. */
export const TEM_CSV_HEADER = [
  'Carrier',
  'Account Number',
  'Invoice Number',
  'Invoice Date',
  'Due Date',
  'Period Start',
  'Period End',
  'Service ID',
  'Description',
  'Category',
  'Quantity',
  'Amount',
  'Invoice Total',
] as const;

/** Category words written in the `Category` column. */
export type TemCategory =
  | 'Recurring'
  | 'Usage'
  | 'Tax'
  | 'Surcharge'
  | 'One-Time'
  | 'Credit'
  | 'Late Fee'
  | 'Equipment'
  | 'Third-Party';

/** One charge row. */
export interface TemCharge {
  /** Service identifier as printed; '' for invoice-level charges. */
  serviceId: string;
  description: string;
  category: TemCategory;
  quantity: number;
  /** Amount in cents. */
  amount: number;
}

/** An invoice being written: its charges and what they add up to. */
export class TemInvoice {
  readonly charges: TemCharge[] = [];
  total = 0;

  constructor(readonly ref: InvoiceRef) {}

  /** Due 30 days after the invoice date. */
  get dueDate(): IsoDate {
    return addDays(this.ref.period.invoiceDate, 30);
  }

  add(
    serviceId: string,
    description: string,
    category: TemCategory,
    quantity: number,
    amount: number,
  ): number {
    this.charges.push({ serviceId, description, category, quantity, amount });
    this.total += amount;
    return amount;
  }

  /** The CSV rows, each repeating `statedTotal` (normally the sum of the charges). */
  rows(carrierName: string, statedTotal: number): string[] {
    const { account, invoiceNumber, period } = this.ref;
    const lead = [
      carrierName,
      account.accountNumber,
      invoiceNumber,
      period.invoiceDate,
      this.dueDate,
      period.start,
      period.end,
    ]
      .map(csvField)
      .join(',');
    const stated = plainAmount(cents(statedTotal));
    return this.charges.map((charge) =>
      [
        lead,
        csvField(charge.serviceId),
        csvField(charge.description),
        charge.category,
        String(charge.quantity),
        plainAmount(cents(charge.amount)),
        stated,
      ].join(','),
    );
  }
}

/** The whole file: header and the rows of every invoice, CRLF line ends. */
export function temCsvText(rows: readonly string[]): string {
  return `${TEM_CSV_HEADER.join(',')}\r\n${rows.join('\r\n')}\r\n`;
}
