/** Cost allocation and chargeback: see `allocate.ts` for the rules. */
export * from './types';
export { allocateMonth, zeroByCategory } from './allocate';
export { markupOf, markupShares } from './markup';
export { notItemisedTotal } from './not-itemised';
export {
  ADVANCE_BILLING_MONTHS,
  anyLineInMonth,
  ARREARS_BILLING_MONTHS,
  chargePeriod,
  DATED_MONTHS_AFTER,
  DATED_MONTHS_BEFORE,
  invoicePeriodReaches,
  invoiceReaches,
  monthsAroundInvoiceDate,
  monthsOfInvoicePeriod,
  type ChargePeriod,
} from './periods';
