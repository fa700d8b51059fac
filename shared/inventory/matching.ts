import type { Invoice, Service } from '../model';
import { cents, type Cents } from '../money/cents';
import { linePlanOf, type ChargeBlock } from '../storage/charge-blocks';
import { billedPeriodMonths, recurringOf } from '../audit/recurring';
import { indexInvoices } from '../audit/invoice-facts';
import { isLive } from './sites';

/** One identifier as billed on an account's latest invoice. */
export interface BilledIdentifier {
  carrierId: string;
  accountNumber: string;
  invoiceId: string;
  invoiceNumber: string;
  invoiceDate: string;
  serviceKey: string;
  /** As printed on the bill (first line seen). */
  serviceIdRaw: string;
  /** Sum of the identifier's lines on that invoice, in cents (taxes, surcharges, usage included). */
  amount: Cents;
  /**
   * What the service costs a month on that invoice: its recurring charges as rate-mismatch reads
   * them (`recurringOf`: recurring lines, a copied line once, net of its price discounts), per
   * month of the bill and per billed unit — the expected monthly cost that check compares with.
   * Undefined when the invoice bills it no recurring charge (usage or one-time charges only).
   */
  recurringMonthly: Cents | undefined;
  lineCount: number;
  /** The plan the bill names for it (Verizon's calling plan, T-Mobile's plan…); '' when none. */
  plan: string;
}

/**
 * The latest invoice of each carrier account: every one dated on its latest day (a bill and a
 * credit memo of the same day both say what the account bills, whichever was stored first).
 */
export function latestInvoicePerAccount(invoices: readonly Invoice[]): Invoice[] {
  const latest = new Map<string, Invoice[]>();
  for (const invoice of invoices) {
    const key = `${invoice.carrierId}|${invoice.accountNumber}`;
    const current = latest.get(key)?.[0];
    if (!current || invoice.invoiceDate > current.invoiceDate) latest.set(key, [invoice]);
    else if (invoice.invoiceDate === current.invoiceDate) latest.get(key)?.push(invoice);
  }
  return [...latest.values()].flat();
}

/** Every identifier billed on the given invoices, summed per invoice, read straight from packed blocks. */
export function billedIdentifiers(
  invoices: readonly Invoice[],
  blocks: readonly ChargeBlock[],
): BilledIdentifier[] {
  const byId = new Map(invoices.map((invoice) => [invoice.id, invoice]));
  const found = new Map<string, BilledIdentifier & { total: number }>();
  for (const block of blocks) {
    const invoice = byId.get(block.invoiceId);
    if (!invoice) continue;
    for (let i = 0; i < block.count; i++) {
      const key = block.serviceKey[i];
      if (!key) continue;
      const id = `${invoice.id}|${key}`;
      let entry = found.get(id);
      if (!entry) {
        entry = {
          carrierId: invoice.carrierId,
          accountNumber: invoice.accountNumber,
          invoiceId: invoice.id,
          invoiceNumber: invoice.invoiceNumber,
          invoiceDate: invoice.invoiceDate,
          serviceKey: key,
          serviceIdRaw: block.serviceIdRaw[i] ?? key,
          amount: cents(0),
          recurringMonthly: undefined,
          total: 0,
          lineCount: 0,
          plan: '',
        };
        found.set(id, entry);
      }
      entry.total += block.amount[i] ?? 0;
      entry.lineCount += 1;
      if (!entry.plan) entry.plan = linePlanOf(block, i);
    }
  }
  // The recurring amount exactly as rate-mismatch reads it, so the suggested expected monthly cost
  // is what that check compares the next bills with.
  const facts = indexInvoices(
    { invoices: [...invoices], chargeBlocks: [...blocks] },
    new Map(),
    () => undefined,
  );
  for (const invoiceFacts of facts) {
    const months = billedPeriodMonths(invoiceFacts);
    for (const charges of invoiceFacts.services) {
      const entry = found.get(`${invoiceFacts.invoice.id}|${charges.serviceKey}`);
      if (entry === undefined) continue;
      const recurring = recurringOf(invoiceFacts, charges, undefined, true);
      if (recurring.amount > 0)
        entry.recurringMonthly = cents(Math.round(recurring.amount / (recurring.units * months)));
    }
  }
  return [...found.values()].map(({ total, ...entry }) => ({ ...entry, amount: cents(total) }));
}

/**
 * A service key within its carrier: a number ported from one carrier to another is two services,
 * each matched by its own carrier's bills (as the inventory file and the chargeback match them).
 */
function carrierKey(carrierId: string, serviceKey: string): string {
  return `${carrierId}|${serviceKey}`;
}

/** Services by every key they answer to on their carrier: their own key and their alias keys. */
export function servicesByKey(services: readonly Service[]): Map<string, Service> {
  const map = new Map<string, Service>();
  for (const service of services) {
    if (service.serviceKey) map.set(carrierKey(service.carrierId, service.serviceKey), service);
    for (const alias of service.aliasKeys) {
      const key = carrierKey(service.carrierId, alias);
      if (!map.has(key)) map.set(key, service);
    }
  }
  return map;
}

/**
 * Billed identifiers that match no service of their carrier in the inventory (the chargeback
 * leaves them unallocated), largest amount first.
 */
export function unmatchedIdentifiers(
  billed: readonly BilledIdentifier[],
  services: readonly Service[],
): BilledIdentifier[] {
  const known = servicesByKey(services);
  return billed
    .filter((entry) => !known.has(carrierKey(entry.carrierId, entry.serviceKey)))
    .sort((a, b) => b.amount - a.amount);
}

/**
 * Live services that their account's latest invoice does not mention (a service the carrier
 * stopped billing, or one billed under another number). Services on accounts with no invoice yet
 * are left out: nothing can be said about them.
 */
export function servicesNotBilled(
  services: readonly Service[],
  billed: readonly BilledIdentifier[],
  accountNumberOf: (accountId: string) => string | undefined,
): Service[] {
  const billedKeys = new Set(billed.map((entry) => carrierKey(entry.carrierId, entry.serviceKey)));
  const accountsWithBills = new Set(
    billed.map((entry) => `${entry.carrierId}|${entry.accountNumber}`),
  );
  return services.filter((service) => {
    if (!isLive(service) || service.status === 'ordered') return false;
    const accountNumber = accountNumberOf(service.accountId);
    if (!accountNumber || !accountsWithBills.has(`${service.carrierId}|${accountNumber}`))
      return false;
    const keys = [service.serviceKey, ...service.aliasKeys].filter((key): key is string =>
      Boolean(key),
    );
    return !keys.some((key) => billedKeys.has(carrierKey(service.carrierId, key)));
  });
}
