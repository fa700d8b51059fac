/** Reading Bell Mobility rows: the invoice a row belongs to, and `m:ss` durations. */
import type { IsoDate } from '../../dates';
import type { Cents } from '../../money/cents';
import type { CellReader } from '../cells';
import { ABSENT } from '../cells';
import { compactDate } from '../charge-rows';
import type { DraftInvoice } from '../draft';
import { col } from './columns';
import type { ProfileTable } from './types';

export const BELL_CARRIER = 'Bell Mobility';

/** The invoice of a Bell row (account + invoice date), as a part of the given kind. */
export function bellInvoice(
  accountNumber: string,
  invoiceDate: IsoDate,
  statedTotal: Cents | null,
  sourceFile: string,
): Omit<DraftInvoice, 'key'> {
  return {
    carrierName: BELL_CARRIER,
    accountNumber,
    // Bell's files carry no invoice number: the account and the invoice date identify the bill.
    invoiceNumber: `${accountNumber}-${compactDate(invoiceDate)}`,
    invoiceDate,
    statedTotal,
    sourceFile,
  };
}

/** Account number and invoice date of the current row; null (row rejected) when either is missing. */
export function readBellKey(
  cells: CellReader,
  table: ProfileTable,
): { accountNumber: string; invoiceDate: IsoDate } | null {
  const c = table.columns;
  const accountNumber = cells.identifier(col(c, 'accountNumber'));
  if (accountNumber === '') cells.reject(col(c, 'accountNumber'), 'the account number is blank.');
  const invoiceDate = cells.date(col(c, 'invoiceDate'), 'YMD');
  if (invoiceDate === null && !cells.failed) {
    cells.reject(col(c, 'invoiceDate'), 'the invoice date is blank (expected YYYY/MM/DD).');
  }
  return invoiceDate === null || cells.failed ? null : { accountNumber, invoiceDate };
}

const DURATION = /^(\d{1,7}):([0-5]\d)$/;

/** Minutes (decimal) of a Bell duration cell, `1053:00` or `   1:30`; null when blank or absent. */
export function bellMinutes(cells: CellReader, index: number): number | null {
  if (index === ABSENT) return null;
  const text = cells.text(index);
  if (text === '') return null;
  const match = DURATION.exec(text);
  if (match === null) {
    cells.reject(
      index,
      `expected a duration in minutes and seconds like 12:30 but found "${text}".`,
    );
    return null;
  }
  return Number(match[1]) + Number(match[2]) / 60;
}

/**
 * Account, invoice date and mobile number of the current MOB or DTL row; null (row rejected)
 * when one is missing.
 */
export function readBellMobileKey(
  cells: CellReader,
  table: ProfileTable,
): { accountNumber: string; invoiceDate: IsoDate; mobile: string } | null {
  const key = readBellKey(cells, table);
  const mobile = cells.text(col(table.columns, 'mobileNumber'));
  if (mobile === '')
    cells.reject(col(table.columns, 'mobileNumber'), 'the mobile number is blank.');
  return key === null || mobile === '' ? null : { ...key, mobile };
}
