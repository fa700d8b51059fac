/**
 * Bill files of the CLI workspace: read together, as the app reads one pick, so the files of one
 * invoice (Verizon's line and account summaries, in any folders) join into one invoice; a copy is
 * kept once and reported. What is stored is decided by the shared bill plan (`shared/ledger`).
 */
import type { ReadBillOptions, ReadOutcome } from '../../shared/import/read-bill';
import { isPdfBill, pdfNeedsEnteringNotice } from '../../shared/import/pdf';
import { readBills } from '../../shared/import/read-bill';
import type { LimitAdvice } from '../../shared/import/limits';
import { APP_LIMIT_ADVICE, capMessage, LIMIT_NAMES } from '../../shared/import/limits';
import type { BillDraft, DraftChargeLine, DraftInvoice } from '../../shared/import/draft';
import {
  draftUsageCount,
  packedLinesOf,
  packedRowsByInvoice,
} from '../../shared/import/packed-drafts';
import type { InvoiceDetailField } from '../../shared/import/profiles/types';
import { columnChoiceSentence } from '../../shared/import/draft';
import {
  copyTotal,
  invoiceOfPlan,
  linesByInvoice,
  planBills,
  usageRecordsOf,
  type BillPlan,
  type InvoiceClash,
} from '../../shared/ledger/bills';
import { uniqueFileNames } from '../../shared/ledger/file-names';
import {
  invoicesRepeatedAcrossDrafts,
  repeatedInvoiceSentence,
} from '../../shared/ledger/repeated-invoices';
import type { Invoice, UsageRecord } from '../../shared/model';
import { cents, formatCents, type Cents } from '../../shared/money/cents';
import { packChargeLines, type ChargeBlock } from '../../shared/storage/charge-blocks';
import { storedInvoiceKey } from '../../shared/ids/keys';

import { CliError, type BillFile } from './inputs';
import { skippedRowNotices } from './skipped-rows';

import { problemsError, type Registry } from './workspace-registry';
import { attachWorkspaceUsage, workspaceInvoiceRefs } from './workspace-usage';

/** How a sentence names an invoice fact a file may not say. */
const DETAIL_NAMES: Record<InvoiceDetailField, string> = {
  accountNumber: 'account number',
  invoiceDate: 'invoice date',
  exchangeRate: 'exchange rate to US dollars',
};

/** The option that gives each fact. */
const DETAIL_FLAGS: Record<InvoiceDetailField, string> = {
  accountNumber: '--account-number NUMBER',
  invoiceDate: '--invoice-date YYYY-MM-DD',
  exchangeRate: '--exchange-rate CURRENCY=RATE (US dollars per 1 unit, e.g. EUR=1.0842)',
};

/**
 * Whether a file of a read bill gave it nothing: no invoice or part of one, no row error, no row
 * left out, and the bill no usage — a header alone.
 */
function holdsNothing(draft: BillDraft, file: string): boolean {
  const named = (entry: { sourceFile: string }) => entry.sourceFile === file;
  return (
    draftUsageCount(draft) === 0 &&
    !draft.invoices.some((invoice) => named(invoice) || (invoice.parts ?? []).some(named)) &&
    !draft.errors.some(named) &&
    !draft.skipped.some(named)
  );
}

function billProblem(outcome: Exclude<ReadOutcome, { kind: 'draft' }>): string {
  const file = outcome.fileName;
  switch (outcome.kind) {
    case 'unreadable':
      return `Cannot read the bill file "${file}": ${outcome.message}`;
    case 'needs-mapping':
      // A crafted header can hold thousands of long names: the list is cut, the advice is not.
      return `The bill file "${file}" is not in a layout TEM Desk recognises (columns: ${capMessage(outcome.header.join(', '), 300)}). Import it once in the app to map its columns, or convert it to the TEM Desk charges CSV.`;
    case 'needs-date-order':
      return `The dates in the bill file "${file}" can be read more than one way (${outcome.candidates.join(' or ')}, e.g. ${outcome.examples.slice(0, 3).join(', ')}); run again with --date-order ${outcome.candidates.join(' or --date-order ')} to say how this carrier writes them.`;
    case 'needs-sheet': {
      const choices = outcome.sheets.length > 0 ? outcome.sheets : outcome.hidden;
      const hidden =
        outcome.hidden.length > 0 && outcome.sheets.length > 0
          ? ` (hidden sheets, never read unless named: ${outcome.hidden.join(', ')})`
          : outcome.sheets.length === 0
            ? ' (all hidden: none is read unless named)'
            : '';
      return `The Excel workbook "${file}" has ${outcome.sheets.length > 1 ? 'several sheets that could be the bill' : 'no visible sheet holding a bill'}: ${choices.join(', ')}${hidden}. Run again with --sheet NAME, e.g. --sheet "${choices[0] ?? ''}".`;
    }
    case 'needs-invoice-details': {
      const flagOf = (field: InvoiceDetailField) =>
        field === 'exchangeRate' && outcome.currency !== undefined
          ? `--exchange-rate ${outcome.currency}=RATE (US dollars per 1 ${outcome.currency})`
          : DETAIL_FLAGS[field];
      const flags = outcome.missing.map(flagOf).join(' and ');
      const note = outcome.note === undefined ? '' : ` ${outcome.note}`;
      return `The bill file "${file}" does not say its ${outcome.missing.map((field) => DETAIL_NAMES[field]).join(' or ')}.${note} Run again with ${flags}, or import it in the app, which asks for ${outcome.missing.length === 1 ? 'it' : 'them'}.`;
    }
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

/** A bill row that could not be read, left out of every output. */
export interface UnreadRow {
  file: string;
  /** 1-based line in the file; 0 for a note about the file. */
  row: number;
  message: string;
  /** The row's amount as written, when the reader knows it. */
  amount?: string;
  /** The row's cells as written, when it did not line up with the header. */
  rowText?: string;
}

export interface BillState {
  registry: Registry;
  invoices: Invoice[];
  chargeBlocks: ChargeBlock[];
  lines: StoredLine[];
  usage: UsageRecord[];
  repeatedInvoices: RepeatedInvoice[];
  warnings: string[];
  /** Rows not read (listed ones), in file order. */
  unreadRows: UnreadRow[];
  /** Rows not read beyond the listed ones. */
  unlistedUnreadRows: number;
  /** Files skipped on purpose (PDFs), as sentences. */
  notices: string[];
  /** Bill rows left out on purpose (totals, summaries, a second header), a sentence per file. */
  skippedRows: string[];
  /** What reading the bills noted (a stated total the lines miss, amounts rounded), as sentences. */
  billNotes: string[];
}

/** How the CLI says to raise a limit: the flag, when it has one. */
export const CLI_LIMIT_ADVICE: LimitAdvice = (limit) => {
  const flag = LIMIT_NAMES[limit].cliFlag;
  return flag === null
    ? APP_LIMIT_ADVICE(limit)
    : `If you trust this file, run again with ${flag} set higher.`;
};

/** Import options the CLI passes to the reader (limits from its flags). */
export type BillReadOptions = Pick<
  ReadBillOptions,
  'limits' | 'preferredSheet' | 'savedMappings' | 'defaultDateOrder' | 'defaultInvoiceDetails'
>;

/** Records a draft's unread rows (its closing "… and N more" note becomes a count). */
function noteUnreadRows(draft: BillDraft, state: BillState): void {
  state.unlistedUnreadRows += draft.unlistedErrorRows ?? 0;
  for (const error of draft.errors) {
    if (error.row === 0 && draft.unlistedErrorRows !== undefined && error.message.startsWith('…'))
      continue;
    const row: UnreadRow = { file: error.sourceFile, row: error.row, message: error.message };
    if (error.amount !== undefined) row.amount = error.amount;
    else if (error.value !== undefined && error.column === undefined) row.rowText = error.value;
    state.unreadRows.push(row);
  }
}

/** The names the bill files go by in invoices, lines and messages (unique among them). */
export function billFileNames(files: readonly Pick<BillFile, 'path'>[]): string[] {
  return uniqueFileNames(files.map((file) => file.path));
}

/**
 * A file that completes an invoice the backup holds (the other part of a two-file bill) would
 * change a stored invoice, which only the app does (it re-reads the stored original with it).
 */
function refuseStoredCompletions(plan: BillPlan, started: ReadonlySet<object>): void {
  const completing = [
    ...plan.needsStored.map((need) => need.drafted),
    ...plan.invoices
      .filter((planned) => planned.stored !== undefined && started.has(planned.stored))
      .map((planned) => planned.drafted),
  ];
  if (completing.length === 0) return;
  throw problemsError(
    'The bills',
    completing.map(
      (drafted) =>
        `Invoice ${drafted.invoiceNumber} (account ${drafted.accountNumber}) is already in the --workspace backup and "${drafted.sourceFile}" would complete it; import that file in the app instead.`,
    ),
  );
}

/** What a drafted invoice's lines add up to, in cents. */
function draftedLinesTotal(drafts: readonly BillDraft[], drafted: DraftInvoice): number {
  const draft = drafts.find((candidate) => candidate.invoices.includes(drafted));
  if (draft === undefined) return 0;
  const packed = packedLinesOf(draft);
  let total = 0;
  if (packed !== undefined) {
    for (const row of packedRowsByInvoice(packed).get(drafted.key) ?? []) {
      total += packed.amount[row] ?? 0;
    }
    return total;
  }
  for (const line of linesByInvoice(draft.lines).get(drafted.key) ?? []) total += line.amount;
  return total;
}

/**
 * A bill the backup already holds: counted once, reported as a duplicate-invoice. One that states
 * another total (a corrected or reissued bill) is no copy: its rows are not read, and the run says
 * both totals, as for two such files given together.
 */
function noteBackupCopy(clash: InvoiceClash, state: BillState, draftedTotal: number): void {
  const invoice = state.invoices.find((stored) => stored === clash.stored);
  if (invoice === undefined) return;
  const files = invoice.parts?.map((part) => part.sourceFile) ?? [invoice.sourceFile ?? ''];
  const storedTotal = copyTotal(invoice);
  if (draftedTotal !== storedTotal) {
    state.unreadRows.push({
      file: clash.drafted.sourceFile,
      row: 0,
      message: `Invoice ${invoice.invoiceNumber} (account ${invoice.accountNumber}) is in the --workspace backup (${files.join(' + ')}) with another total: ${formatCents(storedTotal)} there, ${formatCents(cents(draftedTotal))} here. A corrected or reissued bill? The backup’s is kept and this file’s rows of the invoice are not read; replace it in the app (import it with Replace) and back up again to audit the new one.`,
    });
    return;
  }
  const first = `the --workspace backup (${files.join(' + ')})`;
  const repeat = state.repeatedInvoices.find((r) => r.invoice === invoice);
  if (repeat !== undefined) {
    if (!repeat.repeatFiles.includes(clash.drafted.sourceFile))
      repeat.repeatFiles.push(clash.drafted.sourceFile);
    return;
  }
  state.repeatedInvoices.push({
    invoice,
    firstFiles: [first],
    repeatFiles: [clash.drafted.sourceFile],
    copies: 1,
    total: copyTotal(invoice),
  });
}

/** Reads every bill file together into the workspace; a file that cannot be read is a {@link CliError}. */
export function readBillFiles(
  files: readonly BillFile[],
  state: BillState,
  options: BillReadOptions = {},
): void {
  const names = billFileNames(files);
  const named = files.map((file, i) => ({ name: names[i] ?? file.name, bytes: file.bytes }));
  // PDFs are the printed bill, not data: listed as needing entry in the app, never counted as
  // read invoices or unread rows, and never a reason for the run to fail.
  const pdfs = named.filter(isPdfBill);
  for (const pdf of pdfs) state.notices.push(pdfNeedsEnteringNotice(pdf.name));
  const data = named.filter((file) => !pdfs.includes(file));
  // Usage-only files attach to the invoices the workspace starts with (a backup's) too.
  const carriers = state.registry.org.carriers();
  const storedInvoices = workspaceInvoiceRefs(state.invoices, carriers);
  const outcomes = readBills(data, {
    ...options,
    limitAdvice: CLI_LIMIT_ADVICE,
    storedInvoices,
  });
  const drafts = [];
  // Every file the run cannot read is named at once, so one run tells every file to fix.
  const problems: string[] = [];
  for (const outcome of outcomes) {
    // An empty file (a carrier download's report with nothing in it this month) holds no charge:
    // skipped and named, never a reason for the run to fail.
    if (outcome.kind === 'unreadable' && outcome.empty === true) {
      state.notices.push(`"${outcome.fileName}" is empty: skipped, it holds no charges.`);
      continue;
    }
    // A PDF inside a portal's ZIP (the printed bill beside the data): skipped like a loose one.
    if (outcome.kind === 'unreadable' && outcome.pdf === true) {
      state.notices.push(pdfNeedsEnteringNotice(outcome.fileName));
      continue;
    }
    if (outcome.kind !== 'draft') {
      problems.push(billProblem(outcome));
      continue;
    }
    // Its column names and no row (a report with nothing in it this month): said, not silent.
    for (const file of outcome.files)
      if (holdsNothing(outcome.draft, file.name))
        state.notices.push(`"${file.name}" holds column names but no rows: it holds no charges.`);
    drafts.push(outcome.draft);
    noteUnreadRows(outcome.draft, state);
    state.skippedRows.push(...skippedRowNotices(outcome.draft.skipped));
    for (const note of outcome.draft.warnings ?? [])
      state.billNotes.push(
        `${note.sourceFile}${note.row > 0 ? `, row ${note.row}` : ''}: ${note.message}`,
      );
    for (const choice of outcome.draft.columnChoices ?? [])
      state.notices.push(`In "${choice.sourceFile}", ${columnChoiceSentence(choice)}`);
  }
  const [problem] = problems;
  if (problem !== undefined)
    throw new CliError(
      problems.length === 1
        ? problem
        : `${problems.length} bill files cannot be read, so nothing was written:\n${problems.map((p) => `  ${p}`).join('\n')}`,
    );
  // The same bill read by two layouts (an EDI file and its portal CSV): never counted twice.
  const repeated = invoicesRepeatedAcrossDrafts(drafts);
  if (repeated.length > 0)
    throw new CliError(
      `The bills hold the same invoice in two layouts, so nothing was written:\n${repeated
        .map((entry) => `  ${repeatedInvoiceSentence(entry)}`)
        .join('\n')}`,
    );
  // The invoices the workspace started with (a backup's): a bill already in it is a copy.
  const stored = new Map<string, Invoice>(
    state.invoices.map((invoice) => [
      storedInvoiceKey(invoice.carrierId, invoice.accountNumber, invoice.invoiceNumber),
      invoice,
    ]),
  );
  const started = new Set<object>(stored.values());
  const plan = planBills(drafts, state.registry.org, (key) => stored.get(key));
  refuseStoredCompletions(plan, started);
  for (const clash of plan.clashes) {
    const drafted = clash.drafted.statedTotal ?? draftedLinesTotal(drafts, clash.drafted);
    noteBackupCopy(clash, state, drafted);
  }
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
  const attached = attachWorkspaceUsage(
    drafts,
    state.invoices,
    state.usage,
    state.registry.org.carriers(),
  );
  if (attached > 0) {
    state.notices.push(
      `Usage-only files added the usage of ${attached} line${attached === 1 ? '' : 's'} to bills they do not hold (read in --bills or kept in the --workspace backup).`,
    );
  }
  // One finding per invoice copied, naming every copy file.
  const byInvoice = new Map<string, RepeatedInvoice>();
  const copyKinds = new Map<string, Map<string, number>>();
  for (const copy of plan.copies) {
    const carrierId = state.registry.carrierId(copy.carrierName, copy.accountNumber);
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
      // A copy of one part of an invoice joined from parts repeats that part's lines only.
      earlier.total =
        copy.partTotal === undefined
          ? cents(copyTotal(invoice) * copies)
          : cents(earlier.total + copy.partTotal);
      continue;
    }
    const repeat: RepeatedInvoice = {
      invoice,
      firstFiles: [copy.sameAs],
      repeatFiles: [copy.sourceFile],
      copies,
      total: copy.partTotal ?? copyTotal(invoice),
    };
    byInvoice.set(key, repeat);
    state.repeatedInvoices.push(repeat);
  }
}
