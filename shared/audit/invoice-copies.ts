/**
 * Re-sent bills: an invoice of one account with the same period, total and charges as another
 * under a new number. The first is the bill; the others are copies, `duplicate-invoice`'s finding,
 * and every rule that counts money leaves them out so a re-sent bill's dollars are never counted
 * twice.
 */
import type { Finding, Invoice } from '../model';
import { cents, type Cents } from '../money/cents';
import type { InvoiceFacts } from './invoice-facts';

/** The stated total when the bill gives one, else the sum of its lines. */
export function invoiceTotal(facts: InvoiceFacts): number {
  return facts.invoice.statedTotal ?? facts.total;
}

/**
 * The period an invoice bills, as a key: its stated period, else its billing month (the month of
 * its invoice date, or the next when the account's bill of that month came a whole cycle before
 * it: see `billing-month.ts`). A bill that states no period has only an estimated one, counted
 * back from its invoice date; a copy re-sent a few days later would never share it. Two bills a
 * cycle apart (March 1 and March 31) never share a billing month, so they are two bills, not a
 * copy.
 */
export function billedPeriodKey(facts: InvoiceFacts): string {
  const { periodStart, periodEnd } = facts.invoice;
  if (periodStart === undefined && periodEnd === undefined) return facts.billingMonth;
  return `${facts.periodStart}|${facts.periodEnd}`;
}

/** How {@link billedPeriodKey} reads in a message. */
export function billedPeriodText(facts: InvoiceFacts): string {
  const { periodStart, periodEnd } = facts.invoice;
  return periodStart === undefined && periodEnd === undefined
    ? `billing month ${facts.billingMonth} (no period stated)`
    : `period ${facts.periodStart} to ${facts.periodEnd}`;
}

/**
 * Groups of two or more invoices with one account, period ({@link billedPeriodKey}), non-zero
 * total and the same charges (every line's service and amount) but different numbers, each oldest
 * first (by invoice date, then number). Two bills of one month that happen to total the same but
 * charge for other things are two bills. Shared with the rules that must not count such a copy a
 * second time.
 */
export function duplicateGroups(invoices: readonly InvoiceFacts[]): InvoiceFacts[][] {
  const candidates = new Map<string, InvoiceFacts[]>();
  for (const facts of invoices) {
    const total = invoiceTotal(facts);
    if (total === 0) continue;
    const key = `${facts.accountKey}|${billedPeriodKey(facts)}|${total}`;
    const group = candidates.get(key);
    if (group === undefined) candidates.set(key, [facts]);
    else group.push(facts);
  }
  const groups: InvoiceFacts[][] = [];
  for (const candidate of candidates.values()) {
    if (candidate.length < 2) continue;
    // Lines are only compared where account, period and total already match.
    // Each group's invoice numbers beside it: one look-up per invoice, however many copies (a
    // scan of the group per invoice took minutes over tens of thousands of identical bills).
    const bySignature = new Map<string, { invoices: InvoiceFacts[]; numbers: Set<string> }>();
    for (const facts of candidate) {
      const signature = chargesSignature(facts);
      const { invoiceNumber } = facts.invoice;
      const group = bySignature.get(signature);
      if (group === undefined)
        bySignature.set(signature, { invoices: [facts], numbers: new Set([invoiceNumber]) });
      else if (!group.numbers.has(invoiceNumber)) {
        group.invoices.push(facts);
        group.numbers.add(invoiceNumber);
      }
    }
    for (const { invoices: group } of bySignature.values())
      if (group.length > 1) groups.push(group);
  }
  return groups.map((group) =>
    group.sort(
      (a, b) =>
        a.invoice.invoiceDate.localeCompare(b.invoice.invoiceDate) ||
        a.invoice.invoiceNumber.localeCompare(b.invoice.invoiceNumber),
    ),
  );
}

/** The invoice's non-zero lines as service key and amount, in a fixed order (a multiset). */
function chargesSignature(facts: InvoiceFacts): string {
  const lines: string[] = [];
  for (const block of facts.blocks) {
    for (let row = 0; row < block.count; row++) {
      const amount = block.amount[row] ?? 0;
      if (amount !== 0) lines.push(`${block.serviceKey[row] ?? ''}\u0000${amount}`);
    }
  }
  return lines.sort().join('\u0001');
}

/** An invoice as a stored finding names it: carrier, account and number. */
function keyOf(carrierId: string, accountNumber: string, invoiceNumber: string): string {
  return `${carrierId}\u0000${accountNumber}\u0000${invoiceNumber}`;
}

/**
 * The open or disputed `duplicate-invoice` findings on `invoices` (a month's), matched by the
 * carrier, account and number a stored finding names its invoice by: the copies a chargeback of
 * those invoices books as billed.
 */
export function openCopyFindings<F extends Pick<Finding, 'ruleId' | 'status' | 'subject'>>(
  findings: readonly F[],
  invoices: readonly Pick<Invoice, 'carrierId' | 'accountNumber' | 'invoiceNumber'>[],
): F[] {
  const inMonth = new Set(
    invoices.map((invoice) =>
      keyOf(invoice.carrierId, invoice.accountNumber, invoice.invoiceNumber),
    ),
  );
  return findings.filter(
    ({ ruleId, status, subject }) =>
      ruleId === 'duplicate-invoice' &&
      (status === 'open' || status === 'disputed') &&
      inMonth.has(
        keyOf(subject.carrierId, subject.accountNumber ?? '', subject.invoiceNumber ?? ''),
      ),
  );
}

/**
 * What the copies {@link openCopyFindings} found are billed for, as the chargeback books them:
 * each copy's stated total, else its lines (a credit below zero) — not the findings' impact, which
 * claims $0.00 for a repeated credit.
 */
export function copiesBilled(
  copies: readonly Pick<Finding, 'subject'>[],
  invoices: readonly Pick<
    Invoice,
    'carrierId' | 'accountNumber' | 'invoiceNumber' | 'statedTotal' | 'linesTotal'
  >[],
): Cents {
  const totals = new Map(
    invoices.map((invoice) => [
      keyOf(invoice.carrierId, invoice.accountNumber, invoice.invoiceNumber),
      invoice.statedTotal ?? invoice.linesTotal,
    ]),
  );
  let total = 0;
  for (const { subject } of copies)
    total +=
      totals.get(
        keyOf(subject.carrierId, subject.accountNumber ?? '', subject.invoiceNumber ?? ''),
      ) ?? 0;
  return cents(total);
}
