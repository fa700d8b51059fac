/**
 * Bill files of the CLI workspace: read together, as the app reads one pick, so the files of one
 * invoice (Verizon's line and account summaries, in any folders) join into one invoice; a copy is
 * kept once and reported. What is stored is decided by the shared bill plan (`shared/ledger`).
 */
import type { ReadOutcome } from '../../shared/import/read-bill';
import { readBills } from '../../shared/import/read-bill';
import type { DraftChargeLine } from '../../shared/import/draft';
import { copyTotal, invoiceOfPlan, planBills, usageRecordsOf } from '../../shared/ledger/bills';
import { uniqueFileNames } from '../../shared/ledger/file-names';
import type { Invoice, UsageRecord } from '../../shared/model';
import { cents, type Cents } from '../../shared/money/cents';
import { packChargeLines, type ChargeBlock } from '../../shared/storage/charge-blocks';
import { storedInvoiceKey } from '../../shared/ids/keys';

import { CliError, type BillFile } from './inputs';

import type { Registry } from './workspace-registry';

function billProblem(outcome: Exclude<ReadOutcome, { kind: 'draft' }>): string {
  const file = outcome.fileName;
  switch (outcome.kind) {
    case 'unreadable':
      return `Cannot read the bill file "${file}": ${outcome.message}`;
    case 'needs-mapping':
      return `The bill file "${file}" is not in a layout TEM Desk recognises (columns: ${outcome.header.join(', ')}). Import it once in the app to map its columns, or convert it to the TEM Desk charges CSV.`;
    case 'needs-date-order':
      return `The dates in the bill file "${file}" can be read more than one way (${outcome.candidates.join(' or ')}, e.g. ${outcome.examples.slice(0, 3).join(', ')}); import it in the app once to choose.`;
    case 'needs-invoice-details':
      return `The bill file "${file}" does not say its ${outcome.missing.join(', ')}; import it in the app, which asks for them.`;
  }
}

/** An invoice met again (same carrier, account and number, a file of a kind already read). */
export interface RepeatedInvoice {
  /** The invoice kept. */
  invoice: Invoice;
  /** Files the kept invoice was read from (of the kinds copied). */
  firstFiles: string[];
  /** Files the copies were met in. */
  repeatFiles: string[];
  /** How many extra copies of the invoice were met. */
  copies: number;
  /** What paying every copy would pay twice: the invoice's total (stated, else its lines) per copy. */
  total: Cents;
}

/** A kept charge line with its invoice, for `charges.csv`. */
export interface StoredLine {
  invoiceId: string;
  line: DraftChargeLine;
}

export interface BillState {
  registry: Registry;
  invoices: Invoice[];
  chargeBlocks: ChargeBlock[];
  lines: StoredLine[];
  usage: UsageRecord[];
  repeatedInvoices: RepeatedInvoice[];
  warnings: string[];
}

/** The names the bill files go by in invoices, lines and messages (unique among them). */
export function billFileNames(files: readonly Pick<BillFile, 'path'>[]): string[] {
  return uniqueFileNames(files.map((file) => file.path));
}

/** Reads every bill file together into the workspace; a file that cannot be read is a {@link CliError}. */
export function readBillFiles(files: readonly BillFile[], state: BillState): void {
  const names = billFileNames(files);
  const outcomes = readBills(
    files.map((file, i) => ({ name: names[i] ?? file.name, bytes: file.bytes })),
  );
  const drafts = [];
  for (const outcome of outcomes) {
    if (outcome.kind !== 'draft') throw new CliError(billProblem(outcome));
    drafts.push(outcome.draft);
    for (const error of outcome.draft.errors) {
      state.warnings.push(`${error.sourceFile}, row ${error.row}: ${error.message}`);
    }
  }
  const stored = new Map<string, Invoice>();
  const plan = planBills(drafts, state.registry.org, (key) => stored.get(key));
  for (const planned of plan.invoices) {
    const id = `invoice-${state.invoices.length + 1}`;
    const invoice = invoiceOfPlan(planned, { id, importBatchId: 'cli' }, () => 'cli');
    stored.set(
      storedInvoiceKey(invoice.carrierId, invoice.accountNumber, invoice.invoiceNumber),
      invoice,
    );
    state.invoices.push(invoice);
    state.chargeBlocks.push(...packChargeLines(id, planned.lines));
    for (const line of planned.lines as DraftChargeLine[])
      state.lines.push({ invoiceId: id, line });
    state.usage.push(...usageRecordsOf(planned.usage, id));
  }
  // One finding per invoice copied, naming every copy file.
  const byInvoice = new Map<string, RepeatedInvoice>();
  const copyKinds = new Map<string, Map<string, number>>();
  for (const copy of plan.copies) {
    const carrierId = state.registry.carrierId(copy.carrierName);
    const key = storedInvoiceKey(carrierId, copy.accountNumber, copy.invoiceNumber);
    const invoice = stored.get(key);
    if (invoice === undefined) continue;
    const earlier = byInvoice.get(key);
    const kinds = copyKinds.get(key) ?? new Map<string, number>();
    copyKinds.set(key, kinds);
    kinds.set(copy.kind, (kinds.get(copy.kind) ?? 0) + 1);
    // A copy of a two-file bill is two files; it is one more copy of the invoice, not two.
    const copies = Math.max(...kinds.values());
    if (earlier !== undefined) {
      if (!earlier.repeatFiles.includes(copy.sourceFile)) earlier.repeatFiles.push(copy.sourceFile);
      if (!earlier.firstFiles.includes(copy.sameAs)) earlier.firstFiles.push(copy.sameAs);
      earlier.copies = copies;
      earlier.total = cents(copyTotal(invoice) * copies);
      continue;
    }
    const repeat: RepeatedInvoice = {
      invoice,
      firstFiles: [copy.sameAs],
      repeatFiles: [copy.sourceFile],
      copies,
      total: copyTotal(invoice),
    };
    byInvoice.set(key, repeat);
    state.repeatedInvoices.push(repeat);
  }
}
