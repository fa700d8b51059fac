/**
 * `chargeback`: one month allocated by the app's engine (`shared/allocation/`) with the default
 * chargeback settings (invoice-date basis, account-level charges pro rata, no GL mapping, no
 * mark-up, no split rules), written as the Chargeback section's export in the standard layout; its
 * CSV books the unallocated charges to a suspense cost center and GL account (`UNALLOCATED` unless
 * the flags say otherwise), so the file adds up to the month's invoices.
 */
import {
  allocateMonth,
  type AllocationInput,
  type AllocationResult,
} from '../../shared/allocation';
import { chargebackCsv, chargebackXlsx, STANDARD_PRESET } from '../../shared/export/chargeback';
import type { IsoDate } from '../../shared/dates/iso-date';
import { formatCents } from '../../shared/money/cents';
import type { ChargebackArgs } from './args';
import { CliError } from './inputs';
import { writeOutputs } from './outputs';
import { refuseUnreadRows, unreadRowsSummary } from './unread-rows';
import { invoiceMonth, loadWorkspace, type Workspace } from './workspace';

export interface ChargebackOutcome {
  workspace: Workspace;
  result: AllocationResult;
  file: string;
  csv: ChargebackArgs['csv'];
  /** Whether the run started from a `--workspace` backup (whose chargeback settings it does not use). */
  fromBackup: boolean;
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
  const workspace = await loadWorkspace(args, today);
  refuseUnreadRows(workspace, args.allowRowErrors);
  const months = [...new Set(workspace.invoices.map(invoiceMonth))].sort();
  if (!months.includes(args.month)) {
    throw new CliError(
      `No invoice is dated in ${args.month}; the bills cover ${months.length === 0 ? 'no month' : `${months[0] ?? ''} to ${months[months.length - 1] ?? ''}`}.`,
    );
  }
  // The suspense code stands for "no cost center yet": one of the company's own would book the
  // unallocated charges to that cost center, indistinguishable from its real rows.
  const suspense = args.csv.suspenseCostCenter.trim().toLowerCase();
  const taken = workspace.costCenters.find(
    (costCenter) =>
      costCenter.code.trim().toLowerCase() === suspense ||
      costCenter.name.trim().toLowerCase() === suspense,
  );
  if (args.format !== 'xlsx' && taken !== undefined) {
    throw new CliError(
      `--suspense-cost-center "${args.csv.suspenseCostCenter}" is the cost center ${taken.code} ${taken.name}: the unallocated charges would be booked to it among its own. Give a code no cost center has (UNALLOCATED by default).`,
    );
  }
  const result = allocateWorkspace(workspace, args.month);
  const names = {
    costCenters: workspace.costCenters,
    carriers: workspace.carriers,
    sites: workspace.sites,
  };
  const bytes =
    args.format === 'xlsx'
      ? chargebackXlsx(result, names, STANDARD_PRESET, args.csv)
      : new TextEncoder().encode(
          chargebackCsv(result, names, STANDARD_PRESET, { bom: true, ...args.csv }),
        );
  await writeOutputs([{ path: args.out, data: bytes }]);
  return { workspace, result, file: args.out, csv: args.csv, fromBackup: args.workspace !== null };
}

export function chargebackSummary(outcome: ChargebackOutcome): string[] {
  const { result } = outcome;
  const lines = [
    `Chargeback ${result.month} (by invoice date)`,
    `${result.invoiceCount} invoices, ${formatCents(result.totals.invoices)}: ${formatCents(result.totals.allocated)} allocated to ${result.byCostCenter.filter((entry) => entry.costCenterId !== null).length} cost centers, ${formatCents(result.totals.unallocated)} unallocated (${result.exceptions.length} exceptions).`,
  ];
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
  lines.push(...unreadRowsSummary(outcome.workspace));
  lines.push(`Wrote ${outcome.file}.`);
  return lines;
}
