/**
 * Approvals in the database: the policy runs after an import and after a checks run, never
 * overrides a person, bulk mark-paid persists (and undoes), and a second payment file leaves out
 * what the first exported.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createBackup,
  dumpWorkspace,
  inspectBackup,
  restoreWorkspace,
} from '../../renderer/db/backup';
import {
  applyApprovalPolicy,
  loadApprovalPolicy,
  saveApprovalPolicy,
  setInvoicesStatus,
  setInvoiceStatus,
} from '../../renderer/db/approvals';
import { TemDeskDatabase } from '../../renderer/db/database';
import { markExportedForPayment, paymentFileOf } from '../../renderer/db/payments';
import { runAndSaveAudit } from '../../renderer/db/findings';
import { DEFAULT_APPROVAL_POLICY } from '../../shared/billing/approval-policy';
import { invoiceNumbersOf } from '../../shared/model/audit';
import { invoiceFindingKey } from '../../shared/billing/invoice-rows';
import type { IsoDate } from '../../shared/dates/iso-date';
import { STANDARD_PAYMENT_PRESET } from '../../shared/export/payment-file';
import type { Invoice } from '../../shared/model';
import { centsOfText, parseChargebackCsv } from '../helpers/chargeback-csv';
import { loadSampleIntoDb } from '../helpers/sample-db';
import { cents } from '../../shared/money/cents';

const NOW = '2026-11-16T12:00:00.000Z';
let db: TemDeskDatabase;
let counter = 0;

beforeEach(async () => {
  db = new TemDeskDatabase(`approvals-test-${++counter}`);
  await db.open();
  await loadSampleIntoDb(db);
});
afterEach(async () => {
  await db.delete();
});

async function openErrorKeys(): Promise<Set<string>> {
  const findings = await db.findings.where('status').anyOf('open', 'disputed').toArray();
  // Every invoice an error covers (a finding over several months holds each of them).
  return new Set(
    findings
      .filter((f) => f.severity === 'error')
      .flatMap((f) =>
        invoiceNumbersOf(f.subject).map((invoiceNumber) =>
          invoiceFindingKey(f.subject.carrierId, f.subject.accountNumber ?? '', invoiceNumber),
        ),
      ),
  );
}

const keyOf = (i: Invoice) => invoiceFindingKey(i.carrierId, i.accountNumber, i.invoiceNumber);

describe('the policy runs on its own', () => {
  it('after the import: every invoice decided by the policy, some approved, the rest with a reason', async () => {
    const invoices = await db.invoices.toArray();
    expect(invoices.length).toBeGreaterThan(10);
    expect(invoices.every((i) => i.approval?.decidedBy === 'policy')).toBe(true);
    const approved = invoices.filter((i) => i.status === 'approved');
    expect(approved.length).toBeGreaterThan(0);
    expect(approved.every((i) => i.approval?.rule === 'within-tolerance')).toBe(true);
    const review = invoices.filter((i) => i.status === 'received');
    expect(review.length).toBeGreaterThan(0);
    expect(review.every((i) => (i.approval?.reason ?? '') !== '')).toBe(true);
  });

  it('after a checks run: nothing with an open error finding stays approved by the policy', async () => {
    await runAndSaveAudit(db, NOW);
    const errors = await openErrorKeys();
    expect(errors.size).toBeGreaterThan(0);
    const invoices = await db.invoices.toArray();
    const flagged = invoices.filter((i) => errors.has(keyOf(i)));
    expect(flagged.length).toBeGreaterThan(0);
    for (const invoice of flagged) {
      expect(invoice.status).toBe('received');
      expect(invoice.approval?.rule).toBe('open-finding');
      expect(invoice.approval?.reason).toMatch(/^(Open|Disputed|Open or disputed) findings?: /);
    }
  });

  it('a person’s hold and approval survive later runs, whatever the policy would say', async () => {
    await runAndSaveAudit(db, NOW);
    const invoices = await db.invoices.toArray();
    const flagged = invoices.find((i) => i.status === 'received');
    const clean = invoices.find((i) => i.status === 'approved');
    if (!flagged || !clean) throw new Error('the sample needs both kinds');
    await setInvoiceStatus(db, clean.id, 'on-hold', 'Waiting for the carrier', new Date(NOW));
    await setInvoiceStatus(db, flagged.id, 'on-hold', '', new Date(NOW));
    await setInvoiceStatus(db, flagged.id, 'approved', 'Checked by hand', new Date(NOW));
    await runAndSaveAudit(db, NOW);
    await applyApprovalPolicy(db, new Date(NOW));
    expect((await db.invoices.get(clean.id))?.status).toBe('on-hold');
    const approvedByHand = await db.invoices.get(flagged.id);
    expect(approvedByHand?.status).toBe('approved');
    expect(approvedByHand?.approval).toMatchObject({ decidedBy: 'person', outcome: 'approve' });
  });

  it('settings apply on the next run: a 100 % tolerance approves all but the flagged', async () => {
    await saveApprovalPolicy(db, { ...DEFAULT_APPROVAL_POLICY, toleranceBasisPoints: 10_000 });
    await runAndSaveAudit(db, NOW);
    const errors = await openErrorKeys();
    for (const invoice of await db.invoices.toArray()) {
      expect(invoice.status).toBe(errors.has(keyOf(invoice)) ? 'received' : 'approved');
    }
  });
});

describe('bulk actions', () => {
  it('mark paid persists with the payment date and reference, a paid invoice is skipped, and Undo restores', async () => {
    const invoices = (await db.invoices.toArray()).slice(0, 5);
    const ids = invoices.map((i) => i.id);
    const payment = { paidOn: '2026-11-10' as IsoDate, reference: 'ACH 4471' };
    const first = await setInvoicesStatus(db, ids, 'paid', { payment, now: new Date(NOW) });
    expect(first.changed).toBe(5);
    const reopened = new TemDeskDatabase(db.name);
    const stored = await reopened.invoices.bulkGet(ids);
    reopened.close();
    for (const invoice of stored) {
      expect(invoice?.status).toBe('paid');
      expect(invoice?.payment).toEqual(payment);
      expect(invoice?.approval?.decidedBy).toBe('person');
      expect(invoice?.history?.at(-1)?.note).toBe('Paid on 2026-11-10, reference ACH 4471');
    }
    const again = await setInvoicesStatus(db, ids, 'approved', { now: new Date(NOW) });
    expect(again).toMatchObject({ changed: 0, skipped: 5 });
    await first.undo();
    expect((await db.invoices.bulkGet(ids)).map((i) => i?.status)).toEqual(
      invoices.map((i) => i.status),
    );
  });

  it('a paid invoice cannot be approved again one by one', async () => {
    const [invoice] = await db.invoices.toArray();
    if (!invoice) throw new Error('no invoice');
    await setInvoicesStatus(db, [invoice.id], 'paid', { now: new Date(NOW) });
    const outcome = await setInvoiceStatus(db, invoice.id, 'approved', '', new Date(NOW));
    expect(outcome).toEqual({
      ok: false,
      message: 'An invoice that is paid cannot be marked approved.',
    });
  });
});

describe('the payment file in the app', () => {
  it('a second export leaves out the invoices the first one marked, unless asked', async () => {
    const range = { from: '2025-01-01' as IsoDate, to: '2027-12-31' as IsoDate };
    const file = (includeExported: boolean) =>
      paymentFileOf(db, { ...range, includeExported }, STANDARD_PAYMENT_PRESET, 'csv', 'PAY-1');
    const first = await file(false);
    expect(first.invoices.length).toBeGreaterThan(0);
    // Rows per invoice × cost center add up to each invoice, and the file to all of them.
    const sums = new Map<string, number>();
    for (const row of parseChargebackCsv(new TextDecoder().decode(first.bytes))) {
      const key = `${row['Account'] ?? ''}|${row['Invoice number'] ?? ''}`;
      sums.set(key, (sums.get(key) ?? 0) + centsOfText(row['Amount'] ?? ''));
    }
    for (const invoice of first.invoices) {
      expect(sums.get(`${invoice.accountNumber}|${invoice.invoiceNumber}`)).toBe(
        invoice.statedTotal ?? invoice.linesTotal,
      );
    }
    expect([...sums.values()].reduce((a, b) => a + b, 0)).toBe(first.total);
    await markExportedForPayment(
      db,
      first.invoices.map((i) => i.id),
      'PAY-1',
      new Date(NOW),
    );
    const second = await file(false);
    expect(second.invoices).toEqual([]);
    const third = await file(true);
    expect(third.invoices.map((i) => i.id)).toEqual(first.invoices.map((i) => i.id));
    expect(third.total).toBe(first.total);
  });
});

describe('backup', () => {
  it('keeps the decisions, payments, export marks, remit-to and the policy settings through backup and restore', async () => {
    const [one, two] = await db.invoices.toArray();
    if (!one || !two) throw new Error('no invoices');
    await db.invoices.update(one.id, { remitTo: 'PO Box 660108, Dallas TX 75266' });
    await setInvoicesStatus(db, [one.id], 'paid', {
      payment: { paidOn: '2026-11-10' as IsoDate, reference: 'CHK 1001' },
      now: new Date(NOW),
    });
    await markExportedForPayment(db, [two.id], 'PAY-20261116-1200', new Date(NOW));
    await saveApprovalPolicy(db, {
      ...DEFAULT_APPROVAL_POLICY,
      limits: [{ carrierId: one.carrierId, limitCents: cents(10_000_00) }],
    });
    const before = await dumpWorkspace(db);
    const bytes = await createBackup(db, {
      appVersion: '0.1.0',
      now: new Date(NOW),
      organizationName: 'Acme',
    });
    await restoreWorkspace(db, { schemaVersion: before.schemaVersion, tables: {} });
    const inspected = inspectBackup(bytes);
    if (!inspected.ok) throw new Error(JSON.stringify(inspected.errors));
    await restoreWorkspace(db, inspected.value.dump);
    expect(await dumpWorkspace(db)).toEqual(before);
    expect(await db.invoices.get(one.id)).toMatchObject({
      remitTo: 'PO Box 660108, Dallas TX 75266',
      payment: { paidOn: '2026-11-10', reference: 'CHK 1001' },
      approval: { decidedBy: 'person' },
    });
    expect((await db.invoices.get(two.id))?.paymentBatch).toBe('PAY-20261116-1200');
    expect((await loadApprovalPolicy(db)).limits).toHaveLength(1);
  });
});
