/**
 * `chargeback`: one month allocated by the app's engine (`shared/allocation/`) with the default
 * chargeback settings (invoice-date basis, account-level charges pro rata, no GL mapping, no
 * mark-up, no split rules), written as the Chargeback section's export in the standard layout; its
 * CSV books the unallocated charges to a suspense cost center and GL account (`UNALLOCATED` unless
 * the flags say otherwise), so the file adds up to the month's invoices.
 */
import {
  allocateMonth,
  notItemisedTotal,
  type AllocationInput,
  type AllocationResult,
} from '../../shared/allocation';
import {
  chargebackCsv,
  chargebackXlsxFile,
  notItemisedNote,
  STANDARD_PRESET,
  suspenseProblem,
} from '../../shared/export/chargeback';
import type { IsoDate } from '../../shared/dates/iso-date';
import { cutCellsNotice, type XlsxCutCell } from '../../shared/export/xlsx-cut-text';
import { runAudit } from '../../shared/audit/run';
import { copyTotal } from '../../shared/ledger/bills';
import { cents, formatCents } from '../../shared/money/cents';
import { plural } from '../../shared/text/wording';
import { auditSnapshot } from './audit-command';
import type { ChargebackArgs } from './args';
import { CliError } from './inputs';
import { writeOutputs } from './outputs';
import { refuseUnreadRows, unreadRowsSummary } from './unread-rows';
import { invoiceMonth, type Workspace } from './workspace';
import { loadWorkspace } from './workspace-load';

export interface ChargebackOutcome {
  workspace: Workspace;
  result: AllocationResult;
  file: string;
  csv: ChargebackArgs['csv'];
  /** Whether the run started from a `--workspace` backup (whose chargeback settings it does not use). */
  fromBackup: boolean;
  /** The month's invoices that repeat another under a new number (`duplicate-invoice`), booked too. */
  copies: { invoiceNumber: string; original: string; total: number }[];
  /** The workbook's text cells cut to Excel's limit of 32,767 characters (none for a CSV). */
  cut: XlsxCutCell[];
}

/** The month's allocation of a workspace, with the app's default chargeback settings. */
export function allocateWorkspace(
  workspace: Workspace,
  month: ChargebackArgs['month'],
): AllocationResult {
  return allocateMonth({
    month,
    basis: 'invoice-date',
    invoices: workspace.invoices.filter((invoice) => invoiceMonth(invoice) === month),
    ...workspaceAllocation(workspace),
  });
}

/** The workspace's inventory and lines with the default chargeback settings (no rules, mapping or mark-up). */
export function workspaceAllocation(
  workspace: Workspace,
): Omit<AllocationInput, 'month' | 'basis' | 'invoices'> {
  return {
    blocks: workspace.chargeBlocks,
    services: workspace.services,
    sites: workspace.sites,
    accounts: workspace.accounts,
    costCenters: workspace.costCenters,
    carriers: workspace.carriers,
    rules: [],
    accountPolicies: {},
    glMapping: { byCategory: {}, byCategoryAndServiceType: {} },
    markups: {},
  };
}

export async function runChargebackCommand(
  args: ChargebackArgs,
  today: IsoDate,
): Promise<ChargebackOutcome> {
  const workspace = await loadWorkspace(args, today, [args.out]);
  refuseUnreadRows(workspace, args.allowRowErrors);
  const months = [...new Set(workspace.invoices.map(invoiceMonth))].sort();
  if (!months.includes(args.month)) {
    throw new CliError(
      `No invoice is dated in ${args.month}; the bills cover ${months.length === 0 ? 'no month' : `${months[0] ?? ''} to ${months[months.length - 1] ?? ''}`}.`,
    );
  }
  // The suspense code stands for "no cost center yet", in the CSV and the workbook's sheet alike.
  const collision = suspenseProblem(args.csv, workspace.costCenters);
  if (collision !== null) {
    throw new CliError(
      `${collision.replace('The suspense cost center', '--suspense-cost-center')}`,
    );
  }
  const result = allocateWorkspace(workspace, args.month);
  const names = {
    costCenters: workspace.costCenters,
    carriers: workspace.carriers,
    sites: workspace.sites,
  };
  const { bytes, cut } =
    args.format === 'xlsx'
      ? chargebackXlsxFile(result, names, STANDARD_PRESET, args.csv)
      : {
          bytes: new TextEncoder().encode(
            chargebackCsv(result, names, STANDARD_PRESET, { bom: true, ...args.csv }),
          ),
          cut: [],
        };
  await writeOutputs([{ path: args.out, data: bytes }]);
  return {
    workspace,
    result,
    file: args.out,
    csv: args.csv,
    fromBackup: args.workspace !== null,
    copies: monthCopies(workspace, args.month, today),
    cut,
  };
}

/**
 * The month's invoices that repeat another (same account, period and charges) under a new number,
 * as the audit's `duplicate-invoice` check finds them: the chargeback books them as billed, and the
 * summary says so, since cost centers charged for a bill the carrier sent twice pay it twice.
 */
function monthCopies(
  workspace: Workspace,
  month: ChargebackArgs['month'],
  today: IsoDate,
): ChargebackOutcome['copies'] {
  const inMonth = new Map(
    workspace.invoices
      .filter((invoice) => invoiceMonth(invoice) === month)
      .map((invoice) => [invoice.id, invoice]),
  );
  return runAudit(auditSnapshot(workspace, today))
    .findings.filter((finding) => finding.ruleId === 'duplicate-invoice')
    .flatMap((finding) => {
      const invoice = inMonth.get(finding.evidence?.invoiceId ?? '');
      if (invoice === undefined) return [];
      const original = /repeats invoice (\S+):/.exec(finding.message)?.[1] ?? '';
      // As booked: the copy's total, a credit's below zero (the finding claims $0.00 for it).
      return [{ invoiceNumber: invoice.invoiceNumber, original, total: copyTotal(invoice) }];
    });
}

export function chargebackSummary(outcome: ChargebackOutcome): string[] {
  const { result } = outcome;
  const lines = [
    `Chargeback ${result.month} (by invoice date)`,
    `${plural(result.invoiceCount, 'invoice')}, ${formatCents(result.totals.invoices)}: ${formatCents(result.totals.allocated)} allocated to ${plural(result.byCostCenter.filter((entry) => entry.costCenterId !== null).length, 'cost center')}, ${formatCents(result.totals.unallocated)} unallocated (${plural(result.exceptions.length, 'exception')}).`,
  ];
  // The same sentence as the Chargeback page's, under its reconciliation check.
  if (notItemisedTotal(result) !== 0) lines.push(notItemisedNote(result));
  if (outcome.workspace.repeatedInvoices.length > 0) {
    lines.push(
      `${outcome.workspace.repeatedInvoices.length} repeated invoice cop${outcome.workspace.repeatedInvoices.length === 1 ? 'y was' : 'ies were'} counted once.`,
    );
  }
  if (result.exceptions.length > 0 && outcome.file.toLowerCase().endsWith('.csv')) {
    lines.push(
      `The CSV books the unallocated charges to cost center ${outcome.csv.suspenseCostCenter} and GL account ${outcome.csv.suspenseGlAccount}, so it adds up to the invoices; write an .xlsx file for the Exceptions sheet with the reasons.`,
    );
  }
  if (outcome.fromBackup) {
    lines.push(
      'Allocated with the default chargeback settings (by invoice date, account-level charges pro rata, no split rules, GL mapping or mark-up): the split rules and Chargeback settings kept in the --workspace backup are not applied, so the figures can differ from the app’s Chargeback page.',
    );
  }
  if (outcome.copies.length > 0) {
    const total = outcome.copies.reduce((sum, copy) => sum + copy.total, 0);
    const named = outcome.copies
      .slice(0, 5)
      .map((copy) => `${copy.invoiceNumber} (repeats ${copy.original})`)
      .join(', ');
    const more = outcome.copies.length > 5 ? ` and ${String(outcome.copies.length - 5)} more` : '';
    lines.push(
      `Warning: ${plural(outcome.copies.length, 'invoice')} of ${outcome.result.month} (${formatCents(cents(total))}) ${outcome.copies.length === 1 ? 'repeats' : 'repeat'} another under a new number — same account, period and charges (duplicate-invoice): ${named}${more}. ${outcome.copies.length === 1 ? 'It is' : 'They are'} in this chargeback as billed; if the carrier sent the bill twice, leave the copy out of the bills and run again, and dispute it.`,
    );
  }
  lines.push(...unreadRowsSummary(outcome.workspace));
  if (outcome.cut.length > 0) lines.push(`Notice: ${cutCellsNotice(outcome.cut)}`);
  lines.push(`Wrote ${outcome.file}.`);
  return lines;
}
