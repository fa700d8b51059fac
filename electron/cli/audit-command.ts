/**
 * `audit`: the workspace audited by the app's rules (`shared/audit/`), plus the invoices met
 * twice, written as findings.csv, invoices.csv and charges.csv; plus optimisation.csv, the
 * Findings page's Optimisation table (`shared/audit/optimisation.ts`).
 */
import { copyTotal } from '../../shared/ledger/bills';
import { join } from 'node:path';
import { findingId, type FindingDraft } from '../../shared/audit/rule';
import { ruleFailureNotice, type RuleFailure } from '../../shared/audit/rule-failure';
import { countOnce } from '../../shared/audit/claims';
import { optimisationReport } from '../../shared/audit/optimisation';
import { optimisationCsv } from '../../shared/audit/optimisation-export';
import { runAudit } from '../../shared/audit/run';
import { DEFAULT_AUDIT_SETTINGS } from '../../shared/audit/settings';
import type { AuditSnapshot } from '../../shared/audit/snapshot';
import type { IsoDate } from '../../shared/dates/iso-date';
import { CATEGORY_LABELS } from '../../shared/export/chargeback';
import { toCsv, type CsvCell } from '../../shared/export/csv';
import {
  CHARGE_CATEGORIES,
  impactKindOf,
  type Contract,
  type Invoice,
  type Service,
} from '../../shared/model';
import { lineFileOf, type ChargeBlock } from '../../shared/storage/charge-blocks';
import {
  cents,
  centsToDecimalString,
  formatCents,
  subtractCents,
  sumCents,
} from '../../shared/money/cents';
import type { AuditArgs } from './args';
import type { RepeatedInvoice } from './bill-state';
import { plural } from '../../shared/text/wording';
import { writeOutputs } from './outputs';
import { refuseUnreadRows, unreadRowsSummary } from './unread-rows';
import { invoiceMonth, type Workspace } from './workspace';
import { loadWorkspace } from './workspace-load';

export const FINDINGS_HEADER = [
  'Rule',
  'Severity',
  'Carrier',
  'Account Number',
  'Invoice Number',
  'Service ID',
  'Contract ID',
  'Period',
  'Impact',
  'Message',
] as const;

export const INVOICES_HEADER = [
  'Carrier',
  'Account Number',
  'Invoice Number',
  'Invoice Date',
  'Due Date',
  'Period Start',
  'Period End',
  'Stated Total',
  'Lines Total',
  'Difference',
  'Lines',
  'Source File',
] as const;

export const CHARGES_HEADER = [
  'Carrier',
  'Account Number',
  'Invoice Number',
  'Invoice Date',
  'Service ID',
  'Description',
  'Category',
  'Quantity',
  'Amount',
  'Period Start',
  'Period End',
  'Source File',
  'Source Row',
] as const;

/** As the app's exports: a BOM for Excel, formulas in carriers' text defused. */
const CSV_OPTIONS = { bom: true } as const;

/** The rule id of an invoice met twice (the same id as the rule for near-duplicates). */
export const DUPLICATE_INVOICE_RULE = 'duplicate-invoice';

/** What one audit run produced, for the summary and the tests. */
export interface AuditOutcome {
  workspace: Workspace;
  findings: FindingDraft[];
  files: { findings: string; invoices: string; charges: string; optimisation: string };
  /** Checks that threw and did not run (see `runAudit`). */
  failedRules?: RuleFailure[];
}

/** The snapshot the rules read, as of `today`. */
export function auditSnapshot(workspace: Workspace, today: IsoDate): AuditSnapshot {
  return {
    invoices: workspace.invoices,
    chargeBlocks: workspace.chargeBlocks,
    usage: workspace.usage,
    services: workspace.services,
    sites: workspace.sites,
    costCenters: workspace.costCenters,
    accounts: workspace.accounts,
    carriers: workspace.carriers,
    contracts: workspace.contracts,
    disputes: workspace.disputes ?? [],
    settings: workspace.settings ?? DEFAULT_AUDIT_SETTINGS,
    today,
  };
}

/**
 * One `duplicate-invoice` finding per copy met (a file or invoice read twice). Its impact is what
 * paying every copy would pay again; a copy of a credit (a bill netting below zero) overstates
 * nothing payable, so it claims $0.00 and says that counting it would take the credit twice. It
 * stays an error: booking the copy would short the carrier by the credit.
 */
export function repeatedInvoiceFindings(workspace: Workspace): FindingDraft[] {
  const ids = new Set<string>();
  return workspace.repeatedInvoices.map((repeat) => {
    const { invoice } = repeat;
    const period = invoiceMonth(invoice);
    const base = findingId(
      DUPLICATE_INVOICE_RULE,
      invoice.carrierId,
      invoice.accountNumber,
      invoice.invoiceNumber,
      period,
    );
    let id = base;
    for (let copy = 2; ids.has(id); copy += 1) id = `${base}#${copy}`;
    ids.add(id);
    return {
      id,
      ruleId: DUPLICATE_INVOICE_RULE,
      severity: 'error',
      subject: {
        carrierId: invoice.carrierId,
        accountNumber: invoice.accountNumber,
        invoiceNumber: invoice.invoiceNumber,
        period,
      },
      impact: cents(Math.max(0, repeat.total)),
      message: repeatedInvoiceMessage(repeat),
      evidence: { invoiceId: invoice.id },
    };
  });
}

/** What a `duplicate-invoice` finding of the CLI says: the files, and what paying (or counting) every copy would do. */
function repeatedInvoiceMessage(repeat: RepeatedInvoice): string {
  const { invoice, copies } = repeat;
  // A credit repeated: the copies (or the part copied) net below zero.
  const credit = repeat.total < 0;
  const total = copyTotal(invoice);
  const head = `Invoice ${invoice.invoiceNumber} (account ${invoice.accountNumber}, ${formatCents(total)}${total < 0 ? ', a credit' : ''})`;
  const first = repeat.firstFiles.join(' + ');
  const again = repeat.repeatFiles.join(' + ');
  if (repeat.total === cents(total * copies)) {
    const every = copies === 1 ? 'both' : 'every copy';
    const times = copies === 1 ? 'twice' : `${copies + 1} times`;
    return credit
      ? `${head} is in ${first} and again in ${again}; it is counted once. Nothing more is payable, but counting ${every} would count the credit ${times}.`
      : `${head} is in ${first} and again in ${again}; it is counted once. Paying ${every} would pay it ${copies + 1} times.`;
  }
  return credit
    ? `${head} is joined from parts; ${formatCents(repeat.total)} of its lines in ${first} are again in ${again}, counted once. Nothing more is payable, but counting both would count those credits twice.`
    : `${head} is joined from parts; ${formatCents(repeat.total)} of its lines in ${first} are again in ${again}, counted once. Paying both would pay them twice.`;
}

/** The contract a finding concerns, when one can be told: the service's, the id's, the account's. */
function contractFinder(workspace: Workspace): (finding: FindingDraft) => Contract | undefined {
  const contractById = new Map(workspace.contracts.map((c) => [c.id, c]));
  const serviceById = new Map(workspace.services.map((s) => [s.id, s]));
  const accountById = new Map(workspace.accounts.map((a) => [a.id, a]));
  const ofService = (service: Service) =>
    (service.contractId === undefined ? undefined : contractById.get(service.contractId)) ??
    workspace.contracts.find((c) => c.serviceIds.includes(service.id)) ??
    workspace.contracts.find(
      (c) => c.carrierId === service.carrierId && c.accountIds.includes(service.accountId),
    );
  return (finding) => {
    const serviceId = finding.evidence?.serviceId;
    const service = serviceId === undefined ? undefined : serviceById.get(serviceId);
    if (service !== undefined) return ofService(service);
    // Contract rules put the contract id in the finding id (`rule|carrier|account|id@…|period`).
    const part = finding.id.split('|')[3]?.split('@')[0] ?? '';
    const named = contractById.get(part);
    if (named !== undefined) return named;
    const { carrierId, accountNumber } = finding.subject;
    if (accountNumber === undefined || finding.subject.serviceIdRaw !== undefined) return undefined;
    return workspace.contracts.find(
      (c) =>
        c.carrierId === carrierId &&
        c.accountIds.some((id) => accountById.get(id)?.accountNumber === accountNumber),
    );
  };
}

export function findingsCsv(workspace: Workspace, findings: readonly FindingDraft[]): string {
  const carrierName = new Map(workspace.carriers.map((c) => [c.id, c.name]));
  const contractOf = contractFinder(workspace);
  const rows = findings.map((finding): CsvCell[] => {
    const contract = contractOf(finding);
    return [
      finding.ruleId,
      finding.severity,
      carrierName.get(finding.subject.carrierId) ?? finding.subject.carrierId,
      finding.subject.accountNumber ?? '',
      finding.subject.invoiceNumber ?? '',
      finding.subject.serviceIdRaw ?? '',
      contract === undefined ? '' : (contract.contractNumber ?? contract.id),
      finding.subject.period ?? '',
      centsToDecimalString(finding.impact),
      finding.message,
    ];
  });
  return toCsv(FINDINGS_HEADER, rows, CSV_OPTIONS);
}

export function invoicesCsv(workspace: Workspace): string {
  const carrierName = new Map(workspace.carriers.map((c) => [c.id, c.name]));
  const rows = workspace.invoices.map((invoice): CsvCell[] => [
    carrierName.get(invoice.carrierId) ?? invoice.carrierId,
    invoice.accountNumber,
    invoice.invoiceNumber,
    invoice.invoiceDate,
    invoice.dueDate ?? '',
    invoice.periodStart ?? '',
    invoice.periodEnd ?? '',
    invoice.statedTotal === null ? '' : centsToDecimalString(invoice.statedTotal),
    centsToDecimalString(invoice.linesTotal),
    invoice.statedTotal === null
      ? ''
      : centsToDecimalString(subtractCents(invoice.statedTotal, invoice.linesTotal)),
    invoice.lineCount,
    // Every file the invoice was read from (Verizon's two summaries are two parts of one bill).
    (invoice.parts?.map((part) => part.sourceFile) ?? [invoice.sourceFile ?? '']).join(' + '),
  ]);
  return toCsv(INVOICES_HEADER, rows, CSV_OPTIONS);
}

/**
 * Every charge line of every invoice in invoices.csv, so each invoice's lines there add up to its
 * lines total: those read from this run's bills, and those of the invoices a `--workspace` backup
 * brought (kept as charge blocks only: without them the file held none of their lines).
 */
export function chargesCsv(
  workspace: Pick<Workspace, 'carriers' | 'invoices' | 'lines' | 'chargeBlocks'>,
): string {
  const carrierName = new Map(workspace.carriers.map((c) => [c.id, c.name]));
  const invoiceById = new Map(workspace.invoices.map((i) => [i.id, i]));
  const rows: CsvCell[][] = [];
  const read = new Set(workspace.lines.map((stored) => stored.invoiceId));
  const invoiceCells = (invoice: Invoice): CsvCell[] => [
    carrierName.get(invoice.carrierId) ?? invoice.carrierId,
    invoice.accountNumber,
    invoice.invoiceNumber,
    invoice.invoiceDate,
  ];
  const kept = new Map<string, ChargeBlock[]>();
  for (const block of workspace.chargeBlocks) {
    if (read.has(block.invoiceId)) continue;
    kept.set(block.invoiceId, [...(kept.get(block.invoiceId) ?? []), block]);
  }
  for (const invoice of workspace.invoices) {
    const own = (kept.get(invoice.id) ?? []).sort((a, b) => a.blockIndex - b.blockIndex);
    for (const block of own) {
      for (let i = 0; i < block.count; i++) {
        const quantity = block.quantity[i] ?? Number.NaN;
        const category = CHARGE_CATEGORIES[block.category[i] ?? 0] ?? 'adjustment';
        rows.push([
          ...invoiceCells(invoice),
          block.serviceIdRaw[i] ?? '',
          block.description[i] ?? '',
          CATEGORY_LABELS[category],
          Number.isNaN(quantity) ? null : quantity,
          centsToDecimalString(cents(block.amount[i] ?? 0)),
          block.periodStart[i] ?? '',
          block.periodEnd[i] ?? '',
          lineFileOf(block, i) ?? invoice.sourceFile ?? '',
          block.sourceRow[i] ?? 0,
        ]);
      }
    }
  }
  for (const { invoiceId, line } of workspace.lines) {
    const invoice = invoiceById.get(invoiceId);
    if (invoice === undefined) continue;
    rows.push([
      ...invoiceCells(invoice),
      line.serviceIdRaw,
      line.description,
      CATEGORY_LABELS[line.category],
      line.quantity,
      centsToDecimalString(line.amount),
      line.periodStart ?? '',
      line.periodEnd ?? '',
      line.sourceFile,
      line.sourceRow,
    ]);
  }
  return toCsv(CHARGES_HEADER, rows, CSV_OPTIONS);
}

/**
 * Runs the audit and writes its four files (findings, invoices, charges and the plan optimisation) (all or none, each renamed into place when complete);
 * returns what the summary prints. Refused, with nothing written, when bill rows could not be
 * read and `--allow-row-errors` was not given.
 */
export async function runAuditCommand(args: AuditArgs, today: IsoDate): Promise<AuditOutcome> {
  const files = {
    findings: join(args.out, 'findings.csv'),
    invoices: join(args.out, 'invoices.csv'),
    charges: join(args.out, 'charges.csv'),
    optimisation: join(args.out, 'optimisation.csv'),
  };
  const workspace = await loadWorkspace(args, today, Object.values(files));
  refuseUnreadRows(workspace, args.allowRowErrors);
  const snapshot = auditSnapshot(workspace, today);
  const result = runAudit(snapshot);
  const findings = [...result.findings, ...repeatedInvoiceFindings(workspace)].sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  await writeOutputs([
    { path: files.findings, data: findingsCsv(workspace, findings) },
    { path: files.invoices, data: invoicesCsv(workspace) },
    { path: files.charges, data: chargesCsv(workspace) },
    { path: files.optimisation, data: optimisationCsv(optimisationReport(snapshot, today).lines) },
  ]);
  return { workspace, findings, files, failedRules: result.failedRules };
}

/** The summary lines of an audit run. */
export function auditSummary(outcome: AuditOutcome, today: IsoDate): string[] {
  const { workspace, findings } = outcome;
  const fromBackup = workspace.backupInvoices ?? 0;
  const billed = sumCents(workspace.invoices.map((invoice) => invoice.linesTotal));
  // Each dollar once, as on the app's Findings page: overlapping findings share their lines.
  const once = countOnce(findings.map((f) => ({ ...f, status: 'open' as const })));
  const atRisk = sumCents(
    findings.filter((f) => impactKindOf(f.ruleId) === 'at-risk').map((f) => f.impact),
  );
  const byRule = new Map<string, { count: number; impact: number }>();
  for (const finding of findings) {
    const entry = byRule.get(finding.ruleId) ?? { count: 0, impact: 0 };
    entry.count += 1;
    entry.impact += finding.impact;
    byRule.set(finding.ruleId, entry);
  }
  const severities = ['error', 'warning', 'info']
    .map((severity) => ({
      severity,
      count: findings.filter((finding) => finding.severity === severity).length,
    }))
    .filter((entry) => entry.count > 0)
    .map((entry) => `${entry.count} ${entry.severity}${entry.count === 1 ? '' : 's'}`);
  const width = Math.max(0, ...[...byRule.keys()].map((rule) => rule.length));
  const lines = [
    `Audit as of ${today}`,
    `Read ${plural(workspace.billFiles, 'bill file')}: ${plural(workspace.invoices.length, 'invoice')}${fromBackup > 0 ? ` (${fromBackup} from the --workspace backup)` : ''}, ${plural(workspace.lines.length - workspace.linesFromBackup, fromBackup > 0 ? 'new charge line' : 'charge line')}, ${formatCents(billed)} billed.`,
    `Inventory: ${plural(workspace.services.length, 'service')} at ${plural(workspace.sites.length, 'site')}; ${plural(workspace.contracts.length, 'contract')}.`,
  ];
  if (workspace.repeatedInvoices.length > 0) {
    const invoices = workspace.repeatedInvoices.length;
    const copies = workspace.repeatedInvoices.reduce((sum, repeat) => sum + repeat.copies, 0);
    lines.push(
      `${plural(invoices, 'invoice')} met more than once (${plural(copies, 'extra copy', 'extra copies')}), each counted once (duplicate-invoice).`,
    );
  }
  lines.push(...unreadRowsSummary(workspace));
  lines.push(
    `${plural(findings.length, 'finding')}${severities.length > 0 ? ` (${severities.join(', ')})` : ''}, impact ${formatCents(once.net)}${atRisk > 0 ? ` (and ${formatCents(atRisk)} at risk, billed for unknown services)` : ''}:`,
  );
  if (once.gross !== once.net)
    lines.push(
      `  Each dollar counted once: the findings state ${formatCents(once.gross)}; ${formatCents(cents(once.gross - once.net))} is on charge lines two findings claim.`,
    );
  for (const [rule, entry] of [...byRule].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    lines.push(
      `  ${rule.padEnd(width)}  ${String(entry.count).padStart(5)}  ${formatCents(cents(entry.impact))}`,
    );
  }
  const notRun = ruleFailureNotice(outcome.failedRules ?? []);
  if (notRun !== '') lines.push(notRun);
  lines.push(
    `Wrote ${outcome.files.findings}, ${outcome.files.invoices}, ${outcome.files.charges} and ${outcome.files.optimisation}.`,
  );
  return lines;
}
