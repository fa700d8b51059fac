/**
 * Where an import files each drafted invoice: the carrier and account the commit stores it under,
 * as the commit's `OrgResolver` resolves the names the file gives ("Verizon" on a bill filed under
 * a known "Verizon Wireless"). The preview shows these and the commit plans with the same calls in
 * the same order, so the two never disagree.
 */
import type { BillDraft, DraftInvoice } from '../import/draft';
import type { Account, Carrier } from '../model';
import type { OrgResolver } from './org';

/** The carrier and account a drafted invoice is stored under. */
export interface FiledUnder {
  carrier: Carrier;
  account: Account;
  /** True when the import creates the carrier: no known carrier's name agrees with the file's. */
  newCarrier: boolean;
}

/**
 * Each drafted invoice's carrier and account, every draft's invoices in order (the resolver learns
 * the names it meets, so the order is the commit's). `org` is left holding what the import plans.
 */
export function filedUnder(
  drafts: readonly BillDraft[],
  org: OrgResolver,
): Map<DraftInvoice, FiledUnder> {
  const filed = new Map<DraftInvoice, Omit<FiledUnder, 'newCarrier'>>();
  for (const invoice of drafts.flatMap((draft) => draft.invoices)) {
    const carrier = org.carrier(invoice.carrierName, invoice.accountNumber);
    filed.set(invoice, { carrier, account: org.billedAccount(carrier.id, invoice.accountNumber) });
  }
  const created = new Set(org.createdCarriers.map((carrier) => carrier.id));
  return new Map(
    [...filed].map(([invoice, at]) => [invoice, { ...at, newCarrier: created.has(at.carrier.id) }]),
  );
}
