import type { IsoDate } from '../../../shared/dates/iso-date';
import type { PaymentAllocationInput } from '../../../shared/export/payment-file';
import type { Invoice } from '../../../shared/model';
import { cents } from '../../../shared/money/cents';

/** No cost centers, services or rules: the per-invoice layout needs none. */
export const NO_ALLOCATION: PaymentAllocationInput = {
  blocks: [],
  services: [],
  sites: [],
  accounts: [],
  costCenters: [],
  carriers: [],
  rules: [],
  accountPolicies: {},
  glMapping: { byCategory: {}, byCategoryAndServiceType: {} },
  markups: {},
};

/** An approved invoice of 123.45 dated 2026-11-01, due 2026-12-10. */
export function approvedInvoice(id: string, overrides: Partial<Invoice> = {}): Invoice {
  return {
    id,
    carrierId: 'carrier-1',
    accountNumber: 'A-1',
    invoiceNumber: id,
    invoiceDate: '2026-11-01' as IsoDate,
    dueDate: '2026-12-10' as IsoDate,
    statedTotal: cents(123_45),
    linesTotal: cents(123_45),
    lineCount: 0,
    categoryTotals: {},
    status: 'approved',
    importBatchId: 'b',
    ...overrides,
  };
}
