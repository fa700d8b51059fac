import { daysBetween, type IsoDate } from '../dates';
import { invoiceNumbersOf, type Finding, type Invoice, type InvoiceStatus } from '../model';
import { cents, type Cents } from '../money/cents';

/** How close an unpaid invoice is to its due date. */
export type DueState = 'paid' | 'overdue' | 'due-soon' | 'not-due' | 'no-due-date';

/** Days before the due date from which an unpaid invoice counts as due soon. */
export const DUE_SOON_DAYS = 7;

export function dueState(
  invoice: Pick<Invoice, 'dueDate' | 'status'>,
  today: IsoDate,
  dueSoonDays = DUE_SOON_DAYS,
): DueState {
  if (invoice.status === 'paid') return 'paid';
  if (!invoice.dueDate) return 'no-due-date';
  const days = daysBetween(today, invoice.dueDate);
  if (days < 0) return 'overdue';
  return days <= dueSoonDays ? 'due-soon' : 'not-due';
}

/** Sentence-case label for each due state, for grids and screen readers. */
export const DUE_STATE_LABELS: Record<DueState, string> = {
  paid: 'Paid',
  overdue: 'Overdue',
  'due-soon': 'Due soon',
  'not-due': 'Not due yet',
  'no-due-date': 'No due date',
};

export const INVOICE_STATUS_LABELS: Record<InvoiceStatus, string> = {
  received: 'Received',
  reviewed: 'Reviewed',
  approved: 'Approved',
  paid: 'Paid',
  'on-hold': 'On hold',
};

/** One row of the invoices grid: everything it shows, computed once. */
export interface InvoiceRow {
  id: string;
  carrierId: string;
  carrier: string;
  accountNumber: string;
  invoiceNumber: string;
  invoiceDate: IsoDate;
  /** `2026-08-01 – 2026-08-31`, or '' when the bill gives no period. */
  period: string;
  dueDate: IsoDate | null;
  statedTotal: Cents | null;
  linesTotal: Cents;
  /**
   * What the carrier billed: the invoice's stated total (what it asks to be paid), or the sum of
   * the lines when the bill states none.
   */
  billed: Cents;
  /** Stated total minus the sum of the lines; null when there is no stated total. */
  difference: Cents | null;
  lineCount: number;
  status: InvoiceStatus;
  due: DueState;
  /** Findings of the audit on this invoice that still need attention (not resolved or dismissed). */
  findings: number;
  /** Who decided the approval and why (`Policy: Recurring charges within 5 % …`); '' when undecided. */
  decision: string;
}

export function invoiceRow(
  invoice: Invoice,
  carrierName: string,
  today: IsoDate,
  findings = 0,
): InvoiceRow {
  return {
    id: invoice.id,
    carrierId: invoice.carrierId,
    carrier: carrierName,
    accountNumber: invoice.accountNumber,
    invoiceNumber: invoice.invoiceNumber,
    invoiceDate: invoice.invoiceDate,
    period:
      invoice.periodStart && invoice.periodEnd
        ? `${invoice.periodStart} – ${invoice.periodEnd}`
        : '',
    dueDate: invoice.dueDate ?? null,
    statedTotal: invoice.statedTotal,
    linesTotal: invoice.linesTotal,
    billed: invoice.statedTotal ?? invoice.linesTotal,
    difference:
      invoice.statedTotal === null ? null : cents(invoice.statedTotal - invoice.linesTotal),
    lineCount: invoice.lineCount,
    status: invoice.status,
    due: dueState(invoice, today),
    findings,
    decision:
      invoice.approval === undefined
        ? ''
        : `${invoice.approval.decidedBy === 'policy' ? 'Policy' : 'Person'}: ${invoice.approval.reason}`,
  };
}

/**
 * Which review steps may follow a status: the workflow received → reviewed → approved → paid, or
 * on hold. Paid is the end: a payment made is not un-made by a button (Undo right after marking
 * it, or a backup, puts a mistaken one back).
 */
export const NEXT_STATUSES: Record<InvoiceStatus, readonly InvoiceStatus[]> = {
  received: ['reviewed', 'on-hold'],
  reviewed: ['approved', 'on-hold', 'received'],
  approved: ['paid', 'on-hold', 'reviewed'],
  paid: [],
  'on-hold': ['received', 'reviewed', 'approved'],
};

/** Key tying a finding's subject to its invoice: carrier + account + invoice number. */
export function invoiceFindingKey(
  carrierId: string,
  accountNumber: string,
  invoiceNumber: string,
): string {
  return `${carrierId}\u0000${accountNumber}\u0000${invoiceNumber}`;
}

/**
 * The invoices a finding is on, as {@link invoiceFindingKey}s: every invoice its subject covers (a
 * finding over several months is on each), and the one its evidence was found on. A finding about
 * a service (an unused line, a plan too big for its use) names no invoice in its subject; the
 * Findings page shows it with its evidence's invoice and lists it when filtered to that invoice, so
 * the Bills grid counts it there and the invoice's page lists it too. `keyOfInvoice`: the key of a
 * stored invoice by id (undefined when it is not stored).
 */
export function findingInvoiceKeys(
  finding: Pick<Finding, 'subject'> & { evidence?: { invoiceId?: string } },
  keyOfInvoice: (invoiceId: string) => string | undefined,
): Set<string> {
  const { subject } = finding;
  const keys = new Set<string>();
  const evidenceId = finding.evidence?.invoiceId;
  const evidenceKey = evidenceId === undefined ? undefined : keyOfInvoice(evidenceId);
  if (evidenceKey !== undefined) keys.add(evidenceKey);
  if (subject.accountNumber)
    for (const invoiceNumber of invoiceNumbersOf(subject))
      keys.add(invoiceFindingKey(subject.carrierId, subject.accountNumber, invoiceNumber));
  return keys;
}
