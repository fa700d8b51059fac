import { personDecision } from '../../shared/billing/approval-policy';
import { todayIso } from '../../shared/dates';
import type { SampleCompany } from '../../shared/sample';
import type { Invoice } from '../../shared/model';
import { deleteInvoiceRecords } from './import-commit';
import type { TemDeskDatabase } from './database';

/** The sample company's records (everything but its bill files, which are read like any bills). */
export type SampleOrganization = Pick<
  SampleCompany,
  'carriers' | 'accounts' | 'sites' | 'costCenters' | 'services' | 'contracts'
>;

/** Settings key listing the ids of every record the sample company added, per table. */
const SAMPLE_IDS_KEY = 'sample:ids';

type SampleTable = 'carriers' | 'accounts' | 'sites' | 'costCenters' | 'services' | 'contracts';
type SampleIds = Partial<Record<SampleTable, string[]>>;

/**
 * Stores the sample company's carriers, accounts, sites, cost centers, services and contracts
 * (before its bills, so imported invoices land on the same carriers and accounts), and remembers
 * their ids so "Clear sample data" removes exactly them.
 */
export async function loadSampleOrganization(
  db: TemDeskDatabase,
  organization: SampleOrganization,
): Promise<void> {
  const tables = [
    db.carriers,
    db.accounts,
    db.sites,
    db.costCenters,
    db.services,
    db.contracts,
    db.settings,
  ];
  await db.transaction('rw', tables, async () => {
    await db.carriers.bulkPut(organization.carriers);
    await db.accounts.bulkPut(organization.accounts);
    await db.sites.bulkPut(organization.sites);
    await db.costCenters.bulkPut(organization.costCenters);
    await db.services.bulkPut(organization.services);
    await db.contracts.bulkPut(organization.contracts);
    const ids: SampleIds = {
      carriers: organization.carriers.map((r) => r.id),
      accounts: organization.accounts.map((r) => r.id),
      sites: organization.sites.map((r) => r.id),
      costCenters: organization.costCenters.map((r) => r.id),
      services: organization.services.map((r) => r.id),
      contracts: organization.contracts.map((r) => r.id),
    };
    await db.settings.put({ key: SAMPLE_IDS_KEY, value: ids });
  });
}

/** Whether the sample company is loaded (any batch imported as sample). */
export async function hasSampleData(db: TemDeskDatabase): Promise<boolean> {
  if ((await db.importBatches.filter((batch) => batch.sample === true).count()) > 0) return true;
  return (await db.settings.get(SAMPLE_IDS_KEY)) !== undefined;
}

/**
 * Removes everything the sample company brought: its import batches, their invoices, lines,
 * usage and original files, and carriers and accounts left with no invoice. The user's own
 * imports are untouched.
 */
export async function clearSampleData(db: TemDeskDatabase): Promise<{ invoices: number }> {
  const tables = [
    db.importBatches,
    db.originalFiles,
    db.invoices,
    db.chargeBlocks,
    db.serviceTotals,
    db.usage,
    db.carriers,
    db.accounts,
    db.sites,
    db.costCenters,
    db.services,
    db.serviceEvents,
    db.contracts,
    db.settings,
    db.budgets,
  ];
  return db.transaction('rw', tables, async () => {
    const batches = await db.importBatches.filter((batch) => batch.sample === true).toArray();
    let invoices = 0;
    for (const batch of batches) {
      const ids = await db.invoices.where('importBatchId').equals(batch.id).primaryKeys();
      for (const id of ids) await deleteInvoiceRecords(db, id);
      invoices += ids.length;
      await db.importBatches.delete(batch.id);
      await db.originalFiles.delete(batch.id);
    }
    const record = await db.settings.get(SAMPLE_IDS_KEY);
    const ids: SampleIds =
      record && typeof record.value === 'object' && record.value !== null ? record.value : {};
    await db.services.bulkDelete(ids.services ?? []);
    await db.serviceEvents
      .where('serviceId')
      .anyOf(ids.services ?? [])
      .delete();
    await db.contracts.bulkDelete(ids.contracts ?? []);
    await db.sites.bulkDelete(ids.sites ?? []);
    await db.costCenters.bulkDelete(ids.costCenters ?? []);
    // The sample's budget is its cost centers' budget.
    await db.budgets
      .where('costCenterId')
      .anyOf(ids.costCenters ?? [])
      .delete();
    await db.settings.delete(SAMPLE_IDS_KEY);

    const remaining = await db.invoices.toArray();
    const usedCarriers = new Set(remaining.map((invoice) => invoice.carrierId));
    const usedAccounts = new Set(
      remaining.map((invoice) => `${invoice.carrierId}|${invoice.accountNumber}`),
    );
    await db.accounts
      .filter((account) => !usedAccounts.has(`${account.carrierId}|${account.accountNumber}`))
      .delete();
    await db.carriers.filter((carrier) => !usedCarriers.has(carrier.id)).delete();
    return { invoices };
  });
}

/**
 * The sample company's history as a user would have kept it: every invoice before its account's
 * latest month reviewed, approved and paid, so each account's latest bill shows what is due now.
 * Per account: the sample is billed as of today, so an account whose bill day has not come yet
 * this month has last month's bill as its latest, not yet paid (and perhaps not yet due).
 */
export async function settleOlderSampleInvoices(
  db: TemDeskDatabase,
  now = new Date(),
): Promise<number> {
  return db.transaction('rw', db.importBatches, db.invoices, async () => {
    const batchIds = (
      await db.importBatches.filter((batch) => batch.sample === true).toArray()
    ).map((b) => b.id);
    const invoices = await db.invoices.where('importBatchId').anyOf(batchIds).toArray();
    const accountOf = (i: Invoice) => `${i.carrierId}\u0000${i.accountNumber}`;
    const latestMonth = new Map<string, string>();
    for (const invoice of invoices) {
      const month = invoice.invoiceDate.slice(0, 7);
      const key = accountOf(invoice);
      if (month > (latestMonth.get(key) ?? '')) latestMonth.set(key, month);
    }
    const at = now.toISOString();
    // Older invoices nobody decided yet, or only the approval policy did.
    const older = invoices.filter(
      (i) =>
        i.invoiceDate.slice(0, 7) < (latestMonth.get(accountOf(i)) ?? '') &&
        (i.status === 'received' ||
          (i.status === 'approved' && i.approval?.decidedBy === 'policy')),
    );
    for (const invoice of older) {
      const history = [
        ...(invoice.history ?? []),
        ...(['reviewed', 'approved', 'paid'] as const).map((status) => ({
          status,
          at,
          note: 'Sample data',
        })),
      ];
      const paidOn = invoice.dueDate ?? invoice.invoiceDate;
      await db.invoices.update(invoice.id, {
        status: 'paid',
        history,
        approval: personDecision('paid', todayIso(now), 'Sample data'),
        payment: { paidOn, reference: 'Sample data' },
      });
    }
    return older.length;
  });
}
