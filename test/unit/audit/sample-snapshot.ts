/**
 * Turns the sample company into an audit snapshot the way the app would after importing it:
 * its bill files read by the real import pipeline, invoices given ids, lines packed into blocks,
 * carriers' printed names mapped back to the sample's carrier ids.
 */
import { invoiceFromDraft } from '../../../shared/billing/invoice-from-draft';
import type { IsoDate } from '../../../shared/dates';
import { readBills } from '../../../shared/import/read-bill';
import type { Invoice, UsageRecord } from '../../../shared/model';
import { usageRecordsOf } from '../../../shared/ledger/bills';
import { packChargeLines, type ChargeBlock } from '../../../shared/storage/charge-blocks';
import { DEFAULT_AUDIT_SETTINGS } from '../../../shared/audit/settings';
import type { AuditSnapshot } from '../../../shared/audit/snapshot';
import type { SampleCompany } from '../../fixtures/generate/sample-company';

/** The audit snapshot of a sample company's bills and inventory, audited as of `today`. */
export function sampleSnapshot(company: SampleCompany, today: IsoDate): AuditSnapshot {
  const outcomes = readBills(company.files.map((file) => ({ name: file.name, bytes: file.bytes })));
  const carrierIdByName = new Map(company.carriers.map((carrier) => [carrier.name, carrier.id]));
  const invoices: Invoice[] = [];
  const chargeBlocks: ChargeBlock[] = [];
  const usage: UsageRecord[] = [];
  for (const outcome of outcomes) {
    if (outcome.kind !== 'draft') throw new Error(`Sample file not read: ${outcome.kind}`);
    const { draft } = outcome;
    const idByKey = new Map<string, string>();
    const linesByKey = new Map<string, (typeof draft.lines)[number][]>();
    for (const line of draft.lines) {
      const list = linesByKey.get(line.invoiceKey);
      if (list === undefined) linesByKey.set(line.invoiceKey, [line]);
      else list.push(line);
    }
    for (const drafted of draft.invoices) {
      const carrierId = carrierIdByName.get(drafted.carrierName);
      if (carrierId === undefined) throw new Error(`Unknown carrier ${drafted.carrierName}`);
      const id = `inv-${invoices.length + 1}`;
      idByKey.set(drafted.key, id);
      const lines = linesByKey.get(drafted.key) ?? [];
      const invoice = invoiceFromDraft(drafted, { id, carrierId, importBatchId: 'sample' }, lines);
      invoices.push(invoice);
      chargeBlocks.push(...packChargeLines(id, lines));
    }
    for (const record of draft.usage) {
      const id = idByKey.get(record.invoiceKey);
      if (id === undefined) throw new Error(`Usage of an unknown invoice ${record.invoiceKey}`);
      usage.push(...usageRecordsOf([record], id));
    }
  }
  return {
    invoices,
    chargeBlocks,
    usage,
    services: company.services,
    sites: company.sites,
    costCenters: company.costCenters,
    accounts: company.accounts,
    carriers: company.carriers,
    contracts: company.contracts,
    settings: DEFAULT_AUDIT_SETTINGS,
    today,
  };
}
