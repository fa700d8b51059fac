/**
 * Approvals in the database: the approval policy run over the stored invoices (after every import
 * and every checks run), the review steps a person takes on one invoice or many (approve, hold,
 * mark paid), each undoable.
 */
import {
  DEFAULT_APPROVAL_POLICY,
  personDecision,
  runApprovalPolicy,
  type ApprovalPolicySettings,
} from '../../shared/billing/approval-policy';
import { todayIso } from '../../shared/dates';
import { INVOICE_STATUS_LABELS, NEXT_STATUSES } from '../../shared/billing/invoice-rows';
import type { Invoice, InvoicePayment, InvoiceStatus } from '../../shared/model';
import type { TemDeskDatabase } from './database';

/** Settings keys of approvals and the payment file (stored in the `settings` table). */
export const APPROVAL_KEYS = {
  policy: 'approval:policy',
} as const;

export async function loadApprovalPolicy(db: TemDeskDatabase): Promise<ApprovalPolicySettings> {
  return approvalPolicyOf(await db.settings.get(APPROVAL_KEYS.policy));
}

/** The policy a settings record (`APPROVAL_KEYS.policy`) holds, the defaults where it is silent. */
export function approvalPolicyOf(record: { value: unknown } | undefined): ApprovalPolicySettings {
  const stored = (record?.value ?? {}) as Partial<ApprovalPolicySettings>;
  return { ...DEFAULT_APPROVAL_POLICY, ...stored };
}

export async function saveApprovalPolicy(
  db: TemDeskDatabase,
  policy: ApprovalPolicySettings,
): Promise<void> {
  await db.settings.put({ key: APPROVAL_KEYS.policy, value: policy });
}

/**
 * What the policy reads besides its settings: every stored invoice, the inventory and accounts it
 * compares them with, and the open or disputed findings. In a read-only transaction of its own (a
 * part of the caller's, when there is one).
 */
function policyReads(db: TemDeskDatabase) {
  const tables = [db.invoices, db.services, db.accounts, db.carriers, db.findings];
  return db.transaction('r', tables, async () => {
    const [invoices, services, accounts, carriers, findings] = await Promise.all([
      db.invoices.toArray(),
      db.services.toArray(),
      db.accounts.toArray(),
      db.carriers.toArray(),
      db.findings.where('status').anyOf('open', 'disputed').toArray(),
    ]);
    return { invoices, services, accounts, carriers, findings };
  });
}

/**
 * Runs the approval policy over every stored invoice and stores what it changes (only invoices
 * nothing or the policy decided). Returns how many invoices changed. `policy`: its settings, when
 * the caller read them already in the same transaction (they are not read again).
 */
export async function applyApprovalPolicy(
  db: TemDeskDatabase,
  now: Date,
  policy?: ApprovalPolicySettings,
): Promise<number> {
  const settings = policy ?? (await loadApprovalPolicy(db));
  // Off, it changes nothing: no read-write transaction over every invoice, which held back the
  // invoice list's read after each import.
  if (!settings.enabled) return 0;
  const tables = [db.invoices, db.services, db.accounts, db.carriers, db.findings];
  return db.transaction('rw', tables, async () => {
    const read = await policyReads(db);
    const changed = runApprovalPolicy({ ...read, settings }, todayIso(now), now.toISOString());
    await db.invoices.bulkPut(changed);
    return changed.length;
  });
}

/**
 * Has the policy decide invoices about to be stored (`fresh`: an import's new and completed
 * invoices, in lists the caller writes after, none stored yet) together with every stored
 * invoice: each invoice of `fresh` is replaced in its list by itself with the policy's decision,
 * and the stored invoices the policy changes are returned. Exactly what {@link applyApprovalPolicy}
 * stores once they are written, without writing each new invoice a second time. Call inside a
 * transaction over the invoices, services, accounts, carriers and findings.
 */
export async function decideBeforeStoring(
  db: TemDeskDatabase,
  now: Date,
  settings: ApprovalPolicySettings,
  fresh: readonly Invoice[][],
): Promise<Invoice[]> {
  if (!settings.enabled) return [];
  const read = await policyReads(db);
  const freshIds = new Set(fresh.flat().map((invoice) => invoice.id));
  const stored = read.invoices.filter((invoice) => !freshIds.has(invoice.id));
  const changed = runApprovalPolicy(
    { ...read, invoices: [...stored, ...fresh.flat()], settings },
    todayIso(now),
    now.toISOString(),
  );
  const decided = new Map(changed.map((invoice) => [invoice.id, invoice]));
  for (const list of fresh)
    list.forEach((invoice, i) => (list[i] = decided.get(invoice.id) ?? invoice));
  return changed.filter((invoice) => !freshIds.has(invoice.id));
}

/** The statuses a person may move many invoices to at once, and from where. */
export const BULK_FROM: Record<'approved' | 'on-hold' | 'paid', readonly InvoiceStatus[]> = {
  approved: ['received', 'reviewed', 'on-hold'],
  'on-hold': ['received', 'reviewed', 'approved'],
  // Bills paid outside the app (older bills imported at once) can be marked paid from any step.
  paid: ['received', 'reviewed', 'approved', 'on-hold'],
};

/** A person's review step, stamped with when, why, and (for a payment) the date and reference. */
function personStep(
  invoice: Invoice,
  status: InvoiceStatus,
  note: string,
  now: Date,
  payment?: InvoicePayment,
): Invoice {
  const trimmed = note.trim();
  const paid =
    status === 'paid' ? (payment ?? { paidOn: todayIso(now), reference: '' }) : undefined;
  const stepNote =
    paid === undefined
      ? trimmed
      : [`Paid on ${paid.paidOn}`, paid.reference && `reference ${paid.reference}`, trimmed]
          .filter(Boolean)
          .join(', ');
  return {
    ...invoice,
    status,
    approval: personDecision(status, todayIso(now), trimmed),
    history: [
      ...(invoice.history ?? []),
      { status, at: now.toISOString(), note: stepNote || undefined },
    ],
    ...(paid === undefined ? {} : { payment: paid }),
  };
}

/**
 * Moves an invoice along its review workflow as a person's decision (the policy never overrides
 * it), stamping the change with when and why. Refuses a step the workflow does not allow.
 */
export async function setInvoiceStatus(
  db: TemDeskDatabase,
  invoiceId: string,
  status: InvoiceStatus,
  note: string,
  now = new Date(),
  payment?: InvoicePayment,
): Promise<{ ok: true } | { ok: false; message: string }> {
  return db.transaction('rw', db.invoices, async () => {
    const invoice = await db.invoices.get(invoiceId);
    if (!invoice) return { ok: false, message: 'This invoice no longer exists.' };
    if (!NEXT_STATUSES[invoice.status].includes(status)) {
      return {
        ok: false,
        message: `An invoice that is ${INVOICE_STATUS_LABELS[invoice.status].toLowerCase()} cannot be marked ${INVOICE_STATUS_LABELS[status].toLowerCase()}.`,
      };
    }
    await db.invoices.put(personStep(invoice, status, note, now, payment));
    return { ok: true };
  });
}

export interface BulkOutcome {
  changed: number;
  /** Invoices left as they were, e.g. `2 already paid`. */
  skipped: number;
  undo: () => Promise<void>;
}

/**
 * Moves many invoices to `status` at once as a person's decision; invoices that cannot take the
 * step (already paid, already in that status) are skipped. Returns how to put them all back.
 */
export async function setInvoicesStatus(
  db: TemDeskDatabase,
  ids: readonly string[],
  status: keyof typeof BULK_FROM,
  options: { note?: string; payment?: InvoicePayment; now?: Date } = {},
): Promise<BulkOutcome> {
  const now = options.now ?? new Date();
  return db.transaction('rw', db.invoices, async () => {
    const found = await db.invoices.bulkGet([...ids]);
    const before = found.filter(
      (invoice): invoice is Invoice =>
        invoice !== undefined && BULK_FROM[status].includes(invoice.status),
    );
    await db.invoices.bulkPut(
      before.map((invoice) =>
        personStep(invoice, status, options.note ?? '', now, options.payment),
      ),
    );
    return {
      changed: before.length,
      skipped: ids.length - before.length,
      undo: async () => {
        await db.invoices.bulkPut(before);
      },
    };
  });
}
