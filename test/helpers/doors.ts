/**
 * The two front doors of the ledger, driven with the same files, and their answers in one shape
 * to compare field by field: invoices, findings and a month's chargeback, every id replaced by the
 * natural key it stands for (carrier name, account number, site code…), since each door makes its
 * own ids. The app's door is its real path: the import pipeline the worker runs, the companion
 * re-read, the plans and the Dexie repositories (on fake-indexeddb); the CLI's door is
 * `buildWorkspace` with its audit and chargeback. Other doors (a CLI started from a backup) add a
 * function returning a {@link DoorAnswer}.
 */
import { createHash } from 'node:crypto';
import { loadMonthInput } from '../../renderer/db/chargeback';
import { readWithCompanions } from '../../renderer/db/companions';
import { commitContractImport } from '../../renderer/db/contracts-import';
import type { TemDeskDatabase } from '../../renderer/db/database';
import { findingsTable, loadAuditSnapshot } from '../../renderer/db/findings';
import { commitImport, type UploadToCommit } from '../../renderer/db/import-commit';
import { addCostCenter } from '../../renderer/db/inventory';
import { commitInventoryImport, commitSiteImport } from '../../renderer/db/inventory-import';
import { auditSnapshot, repeatedInvoiceFindings } from '../../electron/cli/audit-command';
import { allocateWorkspace } from '../../electron/cli/chargeback-command';
import { buildWorkspace } from '../../electron/cli/workspace';
import { billFileNames } from '../../electron/cli/workspace-bills';
import { allocateMonth } from '../../shared/allocation/allocate';
import type { AllocationResult } from '../../shared/allocation/types';
import { optimisationReport } from '../../shared/audit/optimisation';
import { optimisationCsv } from '../../shared/audit/optimisation-export';
import { runAudit } from '../../shared/audit/run';
import type { FindingDraft } from '../../shared/audit/rule';
import { readContractRatesCsv, readContractsCsv } from '../../shared/contracts/csv';
import type { IsoDate, IsoMonth } from '../../shared/dates';
import { expandUpload, type UploadedFile } from '../../shared/import/archive';
import type { BillDraft, DraftCopy } from '../../shared/import/draft';
import { readBills } from '../../shared/import/read-bill';
import { filesUsedBy } from '../../shared/ledger/bills';
import { guessInventoryMapping, readInventoryRows } from '../../shared/inventory/import';
import { readSiteRows } from '../../shared/inventory/sites-file';
import { readTabularFile } from '../../shared/inventory/table-file';
import type { Invoice } from '../../shared/model';

/** A file on the user's disk: its path (folders kept) and bytes. */
export interface DiskFile {
  path: string;
  bytes: Uint8Array;
}

/** What a user brings: the organisation's files and bill imports, in the order they are imported. */
export interface BillSet {
  sites: DiskFile;
  inventory: DiskFile;
  contracts: DiskFile;
  rates: DiskFile;
  /** Each import's files (the CLI reads them all at once, as files in folders). */
  imports: DiskFile[][];
}

/** One door's answer, ids replaced by natural keys. */
export interface DoorAnswer {
  invoices: Record<string, unknown>[];
  findings: Record<string, unknown>[];
  chargeback: { totals: AllocationResult['totals']; rows: Record<string, unknown>[] };
  /** Copies the door met (the app refused them at import; the CLI reported them). */
  copies: { invoice: string; files: string[] }[];
  /** The Optimisation table as the CLI writes it (`optimisation.csv`). */
  optimisation: string;
}

/** Replaces every id in a value (deeply) by its natural key. */
function naturalize(value: unknown, keys: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') {
    let text = keys.get(value) ?? value;
    // Finding ids and messages embed ids.
    for (const [id, key] of keys) if (text.includes(id)) text = text.split(id).join(key);
    return text;
  }
  if (Array.isArray(value)) return value.map((item) => naturalize(item, keys));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, naturalize(v, keys)]));
  }
  return value;
}

export interface Records {
  carriers: { id: string; name: string }[];
  accounts: { id: string; accountNumber: string }[];
  sites: { id: string; code: string }[];
  costCenters: { id: string; code: string }[];
  services: { id: string; serviceIdRaw: string }[];
  contracts: { id: string; contractNumber?: string }[];
  invoices: Invoice[];
}

function keysOf(records: Records): Map<string, string> {
  const carrierName = new Map(records.carriers.map((c) => [c.id, c.name]));
  const keys = new Map<string, string>();
  // Longest ids first, so `invoice-12` is replaced before `invoice-1`.
  const entries: [string, string][] = [
    ...records.carriers.map((c): [string, string] => [c.id, `carrier:${c.name}`]),
    ...records.accounts.map((a): [string, string] => [a.id, `account:${a.accountNumber}`]),
    ...records.sites.map((s): [string, string] => [s.id, `site:${s.code}`]),
    ...records.costCenters.map((c): [string, string] => [c.id, `cost-center:${c.code}`]),
    ...records.services.map((s): [string, string] => [s.id, `service:${s.serviceIdRaw}`]),
    ...records.contracts.map((c): [string, string] => [
      c.id,
      `contract:${c.contractNumber ?? c.id}`,
    ]),
    ...records.invoices.map((i): [string, string] => [
      i.id,
      `invoice:${carrierName.get(i.carrierId) ?? i.carrierId}|${i.accountNumber}|${i.invoiceNumber}`,
    ]),
  ];
  entries.sort((a, b) => b[0].length - a[0].length);
  for (const [id, key] of entries) keys.set(id, key);
  return keys;
}

function invoiceFacts(invoice: Invoice): Record<string, unknown> {
  return {
    id: invoice.id,
    carrierId: invoice.carrierId,
    accountNumber: invoice.accountNumber,
    invoiceNumber: invoice.invoiceNumber,
    invoiceDate: invoice.invoiceDate,
    dueDate: invoice.dueDate,
    periodStart: invoice.periodStart,
    periodEnd: invoice.periodEnd,
    statedTotal: invoice.statedTotal,
    linesTotal: invoice.linesTotal,
    lineCount: invoice.lineCount,
    categoryTotals: invoice.categoryTotals,
    parts: (invoice.parts ?? []).map((part) => `${part.kind}:${part.sourceFile}`).sort(),
    unread: invoice.unread,
  };
}

function findingFacts(finding: FindingDraft): Record<string, unknown> {
  return {
    id: finding.id,
    ruleId: finding.ruleId,
    severity: finding.severity,
    subject: finding.subject,
    impact: finding.impact,
    message: finding.message,
  };
}

function chargebackFacts(result: AllocationResult): DoorAnswer['chargeback'] {
  const rows = result.rows.map((row) => ({ ...row }) as Record<string, unknown>);
  const exceptions = result.exceptions.map(
    (e) => ({ ...e, exception: true }) as Record<string, unknown>,
  );
  return { totals: result.totals, rows: [...rows, ...exceptions] };
}

function byId(a: Record<string, unknown>, b: Record<string, unknown>): number {
  return JSON.stringify(a).localeCompare(JSON.stringify(b));
}

export function answerOf(
  records: Records,
  findings: readonly FindingDraft[],
  chargeback: AllocationResult,
  copies: DoorAnswer['copies'],
  optimisation: string,
): DoorAnswer {
  const keys = keysOf(records);
  const answer: DoorAnswer = {
    invoices: records.invoices.map(invoiceFacts),
    findings: findings.map(findingFacts),
    chargeback: chargebackFacts(chargeback),
    copies,
    optimisation,
  };
  const natural = naturalize(answer, keys) as DoorAnswer;
  natural.invoices.sort(byId);
  natural.findings.sort(byId);
  natural.chargeback.rows.sort(byId);
  natural.copies.sort((a, b) => a.invoice.localeCompare(b.invoice));
  return natural;
}

/** The names each door gives the files of a set (unique among all its bill files). */
export function billNames(set: BillSet): Map<DiskFile, string> {
  const all = set.imports.flat();
  const names = billFileNames(all.map((file) => ({ path: file.path })));
  return new Map(all.map((file, i) => [file, names[i] ?? file.path]));
}

function copiesOf(copies: readonly DraftCopy[]): DoorAnswer['copies'] {
  const byInvoice = new Map<string, Set<string>>();
  for (const copy of copies) {
    const key = `invoice:${copy.carrierName}|${copy.accountNumber}|${copy.invoiceNumber}`;
    const files = byInvoice.get(key) ?? new Set<string>();
    files.add(copy.sameAs);
    files.add(copy.sourceFile);
    byInvoice.set(key, files);
  }
  return [...byInvoice].map(([invoice, files]) => ({ invoice, files: [...files].sort() }));
}

/** The CLI's door: every file at once, as `temdesk audit` and `temdesk chargeback` read them. */
export function throughCli(set: BillSet, asOf: IsoDate, month: IsoMonth): DoorAnswer {
  const named = (file: DiskFile) => ({ name: file.path, bytes: file.bytes });
  const workspace = buildWorkspace({
    today: asOf,
    sites: named(set.sites),
    inventory: named(set.inventory),
    contracts: named(set.contracts),
    rates: named(set.rates),
    bills: {
      files: set.imports.flat().map((file) => ({
        path: file.path,
        name: file.path.split('/').pop() ?? file.path,
        bytes: file.bytes,
        hash: createHash('sha256').update(file.bytes).digest('hex'),
      })),
    },
  });
  const snapshot = auditSnapshot(workspace, asOf);
  const audit = runAudit(snapshot);
  const findings = [...audit.findings, ...repeatedInvoiceFindings(workspace)];
  const copies = workspace.repeatedInvoices.map((repeat) => {
    const carrier = workspace.carriers.find((c) => c.id === repeat.invoice.carrierId);
    return {
      invoice: `invoice:${carrier?.name ?? ''}|${repeat.invoice.accountNumber}|${repeat.invoice.invoiceNumber}`,
      files: [...repeat.firstFiles, ...repeat.repeatFiles].sort(),
    };
  });
  return answerOf(
    { ...workspace, invoices: workspace.invoices },
    findings,
    allocateWorkspace(workspace, month),
    copies,
    optimisationCsv(optimisationReport(snapshot, asOf).lines),
  );
}

function tableOf(file: DiskFile) {
  const table = readTabularFile(file.path, file.bytes);
  if (!table.ok) throw new Error(`${file.path}: ${JSON.stringify(table.errors)}`);
  return table.value;
}

/**
 * The uploads of a pick as the app keeps them: each file (or ZIP) that brought a part of an
 * invoice, with its SHA-256 and the names the pipeline saw inside it; a copy brings none.
 */
export function uploadsFor(
  picked: readonly UploadedFile[],
  drafts: readonly BillDraft[],
): UploadToCommit[] {
  const used = filesUsedBy(drafts);
  return picked
    .map((file) => {
      const expanded = expandUpload(file);
      return {
        fileName: file.name,
        bytes: file.bytes,
        fileHash: createHash('sha256').update(file.bytes).digest('hex'),
        memberNames: expanded.ok ? expanded.value.map((m) => m.name) : [file.name],
      };
    })
    .filter((upload) => upload.memberNames.some((name) => used.has(name)));
}

/** The app's records that findings and chargeback rows name by id. */
export async function storedRecords(db: TemDeskDatabase): Promise<Records> {
  return {
    carriers: await db.carriers.toArray(),
    accounts: await db.accounts.toArray(),
    sites: await db.sites.toArray(),
    costCenters: await db.costCenters.toArray(),
    services: await db.services.toArray(),
    contracts: await db.contracts.toArray(),
    invoices: await db.invoices.toArray(),
  };
}

/** The app's door: organisation files, then each import in turn, as a user does them. */
export async function throughApp(
  db: TemDeskDatabase,
  set: BillSet,
  asOf: IsoDate,
  month: IsoMonth,
  now = new Date(`${asOf}T12:00:00Z`),
): Promise<DoorAnswer> {
  const sites = readSiteRows(tableOf(set.sites));
  const inventoryTable = tableOf(set.inventory);
  const inventory = readInventoryRows(
    inventoryTable,
    guessInventoryMapping(inventoryTable.header),
    asOf,
  );
  // The app has no cost center file yet: they are added by hand first, named by their code, as
  // the CLI names those it meets in the files.
  const codes = new Set(
    [...sites.drafts, ...inventory.drafts].map((draft) => draft.costCenterCode).filter(Boolean),
  );
  for (const code of [...codes].sort()) {
    await addCostCenter(db, { id: `cost-center-${code}`, code, name: code, active: true });
  }
  const siteOutcome = await commitSiteImport(db, sites.drafts);
  if (!siteOutcome.ok) throw new Error(`sites refused: ${JSON.stringify(siteOutcome.errors)}`);
  const contracts = readContractsCsv(set.contracts.bytes);
  const rates = readContractRatesCsv(set.rates.bytes, {
    knownContractIds: new Set(contracts.rows.map((row) => row.id)),
  });
  // As the app asks (and the CLI does): contracts before the inventory that names them, rates
  // after the services they price.
  const contractOutcome = await commitContractImport(db, contracts.rows, [], now);
  if (!contractOutcome.ok) throw new Error(`contracts refused: ${JSON.stringify(contractOutcome)}`);
  await commitInventoryImport(db, inventory.drafts, set.inventory.path, now);
  const rateOutcome = await commitContractImport(db, [], rates.rows, now);
  if (!rateOutcome.ok) throw new Error(`rates refused: ${JSON.stringify(rateOutcome)}`);

  const names = billNames(set);
  const copies: DraftCopy[] = [];
  for (const files of set.imports) {
    const picked: UploadedFile[] = files.map((file) => ({
      name: names.get(file) ?? file.path,
      bytes: file.bytes,
    }));
    const { outcomes } = await readWithCompanions(db, picked, async (all) => readBills(all));
    const drafts = outcomes.flatMap((o) => (o.kind === 'draft' ? [o.draft] : []));
    const problems = outcomes.filter((o) => o.kind !== 'draft');
    if (problems.length > 0) throw new Error(`bills not read: ${JSON.stringify(problems)}`);
    copies.push(...drafts.flatMap((draft) => draft.copies ?? []));
    const uploads = uploadsFor(picked, drafts);
    const outcome = await commitImport(db, { uploads, drafts }, { now });
    if (!outcome.ok) throw new Error(`import refused: ${JSON.stringify(outcome.conflicts)}`);
  }

  const snapshot = await loadAuditSnapshot(db, asOf);
  const findings = runAudit(snapshot).findings;
  await findingsTable(db).count();
  const chargeback = allocateMonth(await loadMonthInput(db, month));
  return answerOf(
    await storedRecords(db),
    findings,
    chargeback,
    copiesOf(copies),
    // As the Optimisation tab computes it: the stored snapshot, as of the same day.
    optimisationCsv(optimisationReport(snapshot, asOf).lines),
  );
}
