/**
 * Why the bills' invoices are not in the payment file, for the `payments` summary: which were not
 * approved, grouped by the approval rule that held them with each one's own reason, and how many
 * approved ones fall due outside the chosen dates. A finance person reading "0 in this file" needs
 * to know what to do next, not only that nothing was paid.
 */
import { paymentDueDate } from '../../shared/export/payment-file';
import type { Invoice } from '../../shared/model';
import { plural } from '../../shared/text/wording';

/** Invoices listed under each reason before "and N more". */
const LISTED = 5;

/** What each rule of the approval policy means for the person reading the summary. */
const HELD_BECAUSE: Readonly<Record<string, string>> = {
  'open-finding': 'held by an open error finding of the checks (the audit command lists them)',
  'amount-limit': 'above an amount limit',
  'no-expected-amount':
    'with no expected amount to compare with (no monthly cost in the inventory for their services, and no earlier invoice of their account in these bills)',
  'outside-tolerance': 'billed too far from the expected amount',
  person: 'held by a decision made in TEM Desk',
};

/** Rules whose heading says all there is: the invoice's own reason would only repeat it. */
const SAID_BY_HEADING = new Set(['no-expected-amount']);

export interface HeldInvoices {
  /** Not approved, by reason (in the policy's order), each invoice with its own reason. */
  byReason: { reason: string; invoices: { name: string; why: string }[] }[];
  /** Approved but due outside the dates of the file. */
  dueOutside: number;
}

/** The bills' invoices not approved, and the approved ones due outside `from`–`to`. */
export function heldInvoices(
  invoices: readonly Invoice[],
  carrierOf: (invoice: Invoice) => string,
  dates: { from: string; to: string; includeExported: boolean },
): HeldInvoices {
  const byReason = new Map<string, { name: string; why: string }[]>();
  let dueOutside = 0;
  for (const invoice of invoices) {
    if (invoice.status === 'approved') {
      // One already paid is counted as such, not again here.
      if (!dates.includeExported && invoice.exportedForPaymentAt !== undefined) continue;
      const due = paymentDueDate(invoice);
      if (due < dates.from || due > dates.to) dueOutside += 1;
      continue;
    }
    if (invoice.status === 'paid') continue;
    const rule = invoice.approval?.rule ?? '';
    const reason = HELD_BECAUSE[rule] ?? `with status ${invoice.status}`;
    const list = byReason.get(reason) ?? [];
    list.push({
      name: `${carrierOf(invoice)} ${invoice.accountNumber} invoice ${invoice.invoiceNumber}`,
      why: SAID_BY_HEADING.has(rule) ? '' : (invoice.approval?.reason ?? ''),
    });
    byReason.set(reason, list);
  }
  return {
    byReason: [...byReason].map(([reason, list]) => ({ reason, invoices: list })),
    dueOutside,
  };
}

/** The summary's lines for {@link heldInvoices}: nothing when every invoice was paid. */
export function heldInvoicesLines(
  held: HeldInvoices,
  dates: { from: string; to: string },
): string[] {
  const lines: string[] = [];
  const count = held.byReason.reduce((sum, group) => sum + group.invoices.length, 0);
  if (count > 0) {
    lines.push(
      `${plural(count, 'invoice')} not approved, so not paid (review ${count === 1 ? 'it' : 'them'} in TEM Desk, or correct the bills or inventory and run again):`,
    );
    for (const group of held.byReason) {
      lines.push(`  ${String(group.invoices.length)} ${group.reason}:`);
      for (const invoice of group.invoices.slice(0, LISTED))
        lines.push(`    ${invoice.name}${invoice.why === '' ? '' : `: ${invoice.why}`}`);
      if (group.invoices.length > LISTED)
        lines.push(`    and ${String(group.invoices.length - LISTED)} more`);
    }
  }
  if (held.dueOutside > 0) {
    lines.push(
      `${plural(held.dueOutside, 'approved invoice')} ${held.dueOutside === 1 ? 'is' : 'are'} due outside ${dates.from} to ${dates.to} and ${held.dueOutside === 1 ? 'is' : 'are'} not in this file.`,
    );
  }
  return lines;
}
