/**
 * `payments`: the AP payment file of the approved invoices due in a date range, written by the
 * same function as the app's Bills → Payment file (`buildPaymentFile`), in the standard layout
 * (one row per invoice × cost center with its GL account).
 *
 * The CLI keeps no database, so approvals come from the approval policy with its default settings
 * (within 5 % or $25 of the expected amount, no open error finding of the checks run as of
 * `--as-of`, no amount limits). Invoices written to a payment file are listed in a register next
 * to the output (`payments-register.csv`), so a second run leaves them out unless
 * `--include-exported` is given. A credit memo (a total of zero or below) is not a payment: it is
 * left out of the file and the register, and the summary names it.
 */
import { plural } from '../../shared/text/wording';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { runAudit } from '../../shared/audit/run';
import { DEFAULT_APPROVAL_POLICY, runApprovalPolicy } from '../../shared/billing/approval-policy';
import type { IsoDate } from '../../shared/dates/iso-date';
import { accountNumberKey, carrierKey } from '../../shared/ids/keys';
import { toCsv, unguardFormula } from '../../shared/export/csv';
import {
  buildPaymentFile,
  creditSentences,
  paymentBatchId,
  paymentDueDate,
  PaymentCurrencyError,
  paymentTotalsText,
  STANDARD_PAYMENT_PRESET,
  type PaymentFile,
} from '../../shared/export/payment-file';
import { decodeBytes } from '../../shared/import/decode';
import { readTable, sniffTable } from '../../shared/import/table';
import type { Invoice } from '../../shared/model';
import { formatCents } from '../../shared/money/cents';
import type { PaymentsArgs } from './args';
import { auditSnapshot } from './audit-command';
import { CliError } from './inputs';
import { workspaceAllocation } from './chargeback-command';
import { OutputPathError, sameFile, writeOutputs } from './outputs';
import { heldInvoices, heldInvoicesLines, type HeldInvoices } from './payments-held';
import { refuseUnreadRows, unreadRowsSummary } from './unread-rows';
import type { Workspace } from './workspace';
import { loadWorkspace } from './workspace-load';

/** The register of invoices already in a payment file, beside the output. */
export const REGISTER_NAME = 'payments-register.csv';
const REGISTER_HEADER = ['Carrier', 'Account', 'Invoice number', 'Batch', 'Exported at'];

export interface PaymentsOutcome {
  workspace: Workspace;
  file: PaymentFile;
  approved: number;
  alreadyExported: number;
  /**
   * Approved invoices of the backup already written to a payment file in the app (not in the
   * register): left out unless --include-exported, as the app leaves them out; and their batches.
   */
  exportedInApp: { count: number; batches: string[] };
  /** What of the bills' invoices is not in the file, and why. */
  held: HeldInvoices;
  out: string;
  register: string;
  batch: string;
}

/**
 * What the register knows an invoice by: its carrier's name, account and number. Never the
 * carrier's id: the CLI numbers carriers afresh on each run, in the order its files name them, so
 * a contract for a new carrier would shift every id and pay the register's invoices again.
 */
function keyOf(carrierName: string, accountNumber: string, invoiceNumber: string): string {
  return `${carrierKey(carrierName)}\u0000${numberKey(accountNumberKey(accountNumber))}\u0000${numberKey(invoiceNumber)}`;
}

/**
 * An account or invoice number as the register compares it: one of digits alone without its
 * leading zeros, which a spreadsheet drops when the register is opened and saved there
 * (`0012345` is saved as `12345`, and that invoice must not be paid again).
 */
function numberKey(number: string): string {
  const trimmed = number.trim();
  return /^\d+$/.test(trimmed) ? trimmed.replace(/^0+(?=\d)/, '') : trimmed;
}

/** A number a spreadsheet wrote in scientific notation (`9.91235E+11`): its digits are lost. */
const SCIENTIFIC = /^\d+(?:\.\d+)?E\+\d+$/i;

/** Registers written before names were kept name carriers by a run's id (`carrier-2`). */
const RUN_CARRIER_ID = /^carrier-\d+$/;

/** The register's invoices, and the account and number of those it names by a run's carrier id. */
function exportedKeys(registered: readonly (readonly string[])[]): {
  exported: Set<string>;
  byNumberOnly: Set<string>;
} {
  const exported = new Set<string>();
  const byNumberOnly = new Set<string>();
  for (const [carrier = '', account = '', invoice = ''] of registered) {
    // Which carrier such an id meant is lost: the account and number alone leave it out, since
    // paying an invoice twice is worse than asking for --include-exported once.
    if (RUN_CARRIER_ID.test(carrier)) byNumberOnly.add(keyOf('', account, invoice));
    else exported.add(keyOf(carrier, account, invoice));
  }
  return { exported, byNumberOnly };
}

/**
 * The register's rows (carrier, account, invoice, batch, time); none when it does not exist yet.
 * A register that cannot be read whole as written (damaged, its header gone, a row cut, numbers a
 * spreadsheet turned into `1.2E+11`) stops the run: read as empty, its invoices would be paid
 * again and its history overwritten.
 */
async function readRegister(path: string): Promise<string[][]> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return [];
    throw new CliError(`Cannot read the payments register "${path}": ${String(error)}.`);
  }
  // Saved again by a spreadsheet, it may come back in Windows-1252 and without its BOM.
  const { text } = decodeBytes(bytes);
  if (text.trim() === '') return [];
  const refuse = (why: string) =>
    new CliError(
      `The payments register "${path}" ${why}, so TEM Desk cannot tell which invoices were already paid, and wrote nothing. Put back a copy of the register as TEM Desk wrote it (or fix the row named), or move it aside and run with --include-exported, then check the payment file by hand.`,
    );
  const sniff = sniffTable(text);
  if (!sniff.ok) throw refuse('cannot be read as a table');
  const table = readTable(text, sniff.value);
  const header = table.header.map((cell) => cell.trim().toLowerCase());
  if (REGISTER_HEADER.some((name, i) => header[i] !== name.toLowerCase()))
    throw refuse(`does not start with its header row (${REGISTER_HEADER.join(', ')})`);
  const [problem] = table.problems;
  if (problem !== undefined)
    throw refuse(`has a damaged row (row ${problem.line}: ${problem.message})`);
  const rows = table.rows.map((row) => row.cells.map(unguardFormula));
  const mangled = table.rows.find((row) =>
    row.cells.slice(1, 3).some((cell) => SCIENTIFIC.test(cell.trim())),
  );
  if (mangled !== undefined)
    throw refuse(
      `holds an account or invoice number a spreadsheet rewrote as a rounded number (row ${mangled.line}: ${mangled.cells.slice(1, 3).join(', ')})`,
    );
  return rows;
}

/** The register's text: one row per invoice written to a payment file. */
export function registerCsv(rows: readonly (readonly string[])[]): string {
  return toCsv(REGISTER_HEADER, rows, { bom: true });
}

export async function runPaymentsCommand(
  args: PaymentsArgs,
  today: IsoDate,
  now: Date,
): Promise<PaymentsOutcome> {
  const register = join(dirname(args.out), REGISTER_NAME);
  // Written over the register, the payment file would erase the record of what was paid.
  if (await sameFile(args.out, register))
    throw new OutputPathError(
      `--out "${args.out}" is the payments register "${register}" that TEM Desk keeps beside the payment file (the invoices already paid): the payment file cannot be written there. Give the payment file another name (like payments.csv); nothing was written.`,
    );
  const workspace = await loadWorkspace(args, today, [args.out, register]);
  refuseUnreadRows(workspace, args.allowRowErrors);
  const findings = runAudit(auditSnapshot(workspace, today)).findings.map((finding) => ({
    ...finding,
    status: 'open' as const,
  }));
  const decided = runApprovalPolicy(
    { ...workspace, findings, settings: DEFAULT_APPROVAL_POLICY },
    today,
    now.toISOString(),
  );
  const byId = new Map(decided.map((invoice) => [invoice.id, invoice]));
  const registered = await readRegister(register);
  const { exported, byNumberOnly } = exportedKeys(registered);
  const carrierNames = new Map(workspace.carriers.map((carrier) => [carrier.id, carrier.name]));
  const carrierOf = (invoice: Invoice) => carrierNames.get(invoice.carrierId) ?? invoice.carrierId;
  const wasExported = (invoice: Invoice) =>
    exported.has(keyOf(carrierOf(invoice), invoice.accountNumber, invoice.invoiceNumber)) ||
    byNumberOnly.has(keyOf('', invoice.accountNumber, invoice.invoiceNumber));
  const invoices = workspace.invoices.map((invoice): Invoice => {
    const current = byId.get(invoice.id) ?? invoice;
    return wasExported(invoice) ? { ...current, exportedForPaymentAt: now.toISOString() } : current;
  });
  const batch = paymentBatchId(now);
  const file = payOrRefuse(() =>
    buildPaymentFile({
      invoices,
      allocation: workspaceAllocation(workspace),
      names: { carriers: workspace.carriers, costCenters: workspace.costCenters },
      preset: STANDARD_PAYMENT_PRESET,
      format: args.format,
      batch,
      from: args.from,
      to: args.to,
      includeExported: args.includeExported,
    }),
  );
  const newly = file.invoices.filter((i) => !wasExported(i));
  const rows = [
    ...registered,
    ...newly.map((i) => [carrierOf(i), i.accountNumber, i.invoiceNumber, batch, now.toISOString()]),
  ];
  await writeOutputs([
    { path: args.out, data: file.bytes },
    { path: register, data: registerCsv(rows) },
  ]);
  return {
    workspace,
    file,
    approved: invoices.filter((i) => i.status === 'approved').length,
    alreadyExported: workspace.invoices.filter(wasExported).length,
    // Only those the file would have taken: approved and due in the dates asked for.
    exportedInApp: exportedInAppOf(
      invoices.filter((invoice) => {
        const due = paymentDueDate(invoice);
        return (
          invoice.status === 'approved' &&
          !wasExported(invoice) &&
          due >= args.from &&
          due <= args.to
        );
      }),
    ),
    held: heldInvoices(invoices, carrierOf, args),
    out: args.out,
    register,
    batch,
  };
}

/**
 * The file, or the sentence saying why an invoice cannot be paid in its currency and what to do
 * from the command line: a bill given with --bills does not replace the backup's invoice (it is
 * counted as a copy), so the bill is imported again in the app and a new backup made.
 */
export function payOrRefuse(build: () => PaymentFile): PaymentFile {
  try {
    return build();
  } catch (error) {
    if (!(error instanceof PaymentCurrencyError)) throw error;
    if (error.remedy === '') throw new CliError(error.problem);
    throw new CliError(
      `${error.problem} Import the bill again in TEM Desk (choose Replace), then download a new backup for --workspace: a bill given with --bills does not replace an invoice of the backup.`,
    );
  }
}

export function paymentsSummary(outcome: PaymentsOutcome, args: PaymentsArgs): string[] {
  const { file } = outcome;
  return [
    `Payment file ${outcome.batch}: approved invoices due ${args.from} to ${args.to}`,
    `${String(outcome.approved)} of ${String(outcome.workspace.invoices.length)} invoices approved by the approval policy (default settings); ${String(file.invoices.length)} in this file, ${paymentTotalsText(file.totals, formatCents)} in ${plural(file.rowCount, 'row')}.`,
    ...creditSentences(file.credits, formatCents),
    ...(outcome.alreadyExported > 0 && !args.includeExported
      ? [
          `${plural(outcome.alreadyExported, 'invoice')} of these bills ${outcome.alreadyExported === 1 ? 'is' : 'are'} already in ${outcome.register} and ${outcome.alreadyExported === 1 ? 'was' : 'were'} not paid again; --include-exported takes them again.`,
        ]
      : []),
    ...(outcome.exportedInApp.count > 0 && !args.includeExported
      ? [exportedInAppLine(outcome.exportedInApp)]
      : []),
    ...heldInvoicesLines(outcome.held, args),
    ...unreadRowsSummary(outcome.workspace),
    `Wrote ${outcome.out} and ${outcome.register}.`,
  ];
}

/** The approved invoices (of the backup) the app already wrote to a payment file, and in which. */
function exportedInAppOf(approved: readonly Invoice[]): PaymentsOutcome['exportedInApp'] {
  const exported = approved.filter((invoice) => invoice.exportedForPaymentAt !== undefined);
  const batches = [...new Set(exported.map((invoice) => invoice.paymentBatch ?? ''))]
    .filter((batch) => batch !== '')
    .sort();
  return { count: exported.length, batches };
}

function exportedInAppLine({ count, batches }: PaymentsOutcome['exportedInApp']): string {
  const were = count === 1 ? 'was' : 'were';
  const which =
    batches.length === 0
      ? ''
      : ` (${batches.length === 1 ? 'batch' : 'batches'} ${batches.join(', ')})`;
  return `${plural(count, 'invoice')} of the backup ${were} already written to a payment file in TEM Desk${which} and ${were} not paid again; --include-exported takes them again.`;
}
