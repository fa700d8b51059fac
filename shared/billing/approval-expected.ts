/**
 * The approval policy's expected amount of an invoice, and what the carrier asks to be paid: the
 * amounts the policy compares (see approval-policy.ts for the policy itself).
 */
import type { Cents } from '../money/cents';
import type { Account, Invoice, Service } from '../model';

/** Where an expected amount came from. */
export type ExpectedSource = 'inventory' | 'account' | 'trailing-average';

export interface ExpectedAmount {
  amount: Cents;
  source: ExpectedSource;
  /** For a trailing average: how many invoices it averages. */
  invoiceCount?: number;
}

/** What the expected amount reads of a service. */
export type ExpectedService = Pick<
  Service,
  'accountId' | 'status' | 'expectedMonthlyCents' | 'activatedOn' | 'disconnectedOn'
>;

/** What the expected amount reads of an account. */
export type ExpectedAccount = Pick<
  Account,
  'id' | 'carrierId' | 'accountNumber' | 'expectedMonthlyCents'
>;

/** What the carrier asks to be paid: the stated total, else the sum of the lines. */
export function billedAmount(invoice: Pick<Invoice, 'statedTotal' | 'linesTotal'>): Cents {
  return invoice.statedTotal ?? invoice.linesTotal;
}

/** Whether a service is billed in the invoice's period (activated before its end, not disconnected before its start). */
function inService(
  service: ExpectedService,
  invoice: Pick<Invoice, 'invoiceDate' | 'periodStart' | 'periodEnd'>,
): boolean {
  if (service.status === 'ordered') return false;
  const start = invoice.periodStart ?? invoice.invoiceDate;
  const end = invoice.periodEnd ?? invoice.invoiceDate;
  if (service.activatedOn !== undefined && service.activatedOn > end) return false;
  if (service.disconnectedOn !== undefined && service.disconnectedOn < start) return false;
  return true;
}

/** Invoices by date, then number. */
export function compareInvoices(a: Invoice, b: Invoice): number {
  return a.invoiceDate < b.invoiceDate
    ? -1
    : a.invoiceDate > b.invoiceDate
      ? 1
      : a.invoiceNumber < b.invoiceNumber
        ? -1
        : a.invoiceNumber > b.invoiceNumber
          ? 1
          : 0;
}

/**
 * The invoice's expected amount: the inventory's expected monthly cost of the account's services
 * in service during the bill (when any has one); else the account's expected monthly cost; else
 * the average billed amount of up to `trailing` earlier invoices of the account; else null.
 */
export function expectedAmount(
  invoice: Invoice,
  account: ExpectedAccount | undefined,
  services: readonly ExpectedService[],
  accountInvoices: readonly Invoice[],
  trailing: number,
): ExpectedAmount | null {
  const costed = services.filter(
    (service) => service.expectedMonthlyCents !== undefined && inService(service, invoice),
  );
  if (costed.length > 0) {
    const amount = costed.reduce((sum, service) => sum + (service.expectedMonthlyCents ?? 0), 0);
    return { amount: amount as Cents, source: 'inventory' };
  }
  if (account?.expectedMonthlyCents !== undefined && account.expectedMonthlyCents > 0) {
    return { amount: account.expectedMonthlyCents, source: 'account' };
  }
  const earlier = accountInvoices
    .filter((other) => other.id !== invoice.id && compareInvoices(other, invoice) < 0)
    .slice(-Math.max(0, trailing));
  if (trailing < 1 || earlier.length === 0) return null;
  const sum = earlier.reduce((total, other) => total + billedAmount(other), 0);
  return {
    amount: Math.round(sum / earlier.length) as Cents,
    source: 'trailing-average',
    invoiceCount: earlier.length,
  };
}
