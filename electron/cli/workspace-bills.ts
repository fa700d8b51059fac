/**
 * Bill files of the CLI workspace: read together, as the app reads one pick, so the files of one
 * invoice (Verizon's line and account summaries, in any folders) join into one invoice; a copy is
 * kept once and reported. What is stored is decided by the shared bill plan (`shared/ledger`).
 */
import { filesNotImported } from '../../shared/import/ignored-files';
import type { ReadBillOptions, ReadOutcome } from '../../shared/import/read-bill';
import { isPdfBill, pdfNeedsEnteringNotice } from '../../shared/import/pdf';
import { readBills } from '../../shared/import/read-bill';
import type { LimitAdvice } from '../../shared/import/limits';
import { APP_LIMIT_ADVICE, capMessage, LIMIT_NAMES } from '../../shared/import/limits';
import type { BillDraft, DraftChargeLine } from '../../shared/import/draft';
import { draftUsageCount } from '../../shared/import/packed-drafts';
import type { InvoiceDetailField } from '../../shared/import/profiles/types';
import { columnChoiceSentence } from '../../shared/import/draft';
import { copyTotal, invoiceOfPlan, planBills, usageRecordsOf } from '../../shared/ledger/bills';
import { billedOtherwiseSentence } from '../../shared/ledger/account-zeros';
import { besideCompanions, focusOnNew } from '../../shared/ledger/companions';
import { uniqueFileNames } from '../../shared/ledger/file-names';
import {
  invoicesRepeatedAcrossDrafts,
  repeatedInvoiceSentence,
} from '../../shared/ledger/repeated-invoices';
import { cents } from '../../shared/money/cents';
import { packChargeLines } from '../../shared/storage/charge-blocks';
import { storedInvoiceKey } from '../../shared/ids/keys';

import { CliError, type BillFile } from './inputs';
import { skippedRowNotices } from './skipped-rows';

import type { BillState, RepeatedInvoice, UnreadRow } from './bill-state';
import { attachWorkspaceUsage, workspaceInvoiceRefs } from './workspace-usage';
import {
  backupCompanions,
  completeStored,
  draftedLines,
  noteBackupCopy,
  refuseUnjoinable,
  storedByKey,
  storedLinesOf,
} from './workspace-stored';
import { pushAll } from '../../shared/arrays';
import { someOf } from '../../shared/text';

export type { BillState, RepeatedInvoice, StoredLine, UnreadRow } from './bill-state';

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

/** Sheets a message names before `and N more` (a crafted workbook can hold thousands). */
const SHEETS_NAMED = 12;

function billProblem(
  outcome: Exclude<ReadOutcome, { kind: 'draft' }>,
  mappingSource: (signature: string) => string,
): string {
  const file = outcome.fileName;
  switch (outcome.kind) {
    case 'unreadable':
      return `Cannot read the bill file "${file}": ${outcome.message}`;
    case 'needs-mapping':
      // A saved mapping for exactly these columns that cannot read them: its own reasons.
      if (outcome.problems !== undefined && outcome.problems.length > 0)
        return `The bill file "${file}": the column mapping from ${mappingSource(outcome.guess.signature)} for its columns cannot read it: ${outcome.problems.join(' ')} Import the file once in the app to map its columns again, then export the column mappings again.`;
      // A crafted header can hold thousands of long names: the list is cut, the advice is not.
      return `The bill file "${file}" is not in a layout TEM Desk recognises (columns: ${capMessage(outcome.header.join(', '), 300)}). Import it once in the app to map its columns, or convert it to the TEM Desk charges CSV.`;
    case 'needs-date-order':
      return `The dates in the bill file "${file}" can be read more than one way (${outcome.candidates.join(' or ')}, e.g. ${outcome.examples.slice(0, 3).join(', ')}); run again with --date-order ${outcome.candidates.join(' or --date-order ')} to say how this carrier writes them.`;
    case 'needs-sheet': {
      const choices = outcome.sheets.length > 0 ? outcome.sheets : outcome.hidden;
      const hidden =
        outcome.hidden.length > 0 && outcome.sheets.length > 0
          ? ` (hidden sheets, never read unless named: ${someOf(outcome.hidden, SHEETS_NAMED)})`
          : outcome.sheets.length === 0
            ? ' (all hidden: none is read unless named)'
            : '';
      return `The Excel workbook "${file}" has ${outcome.sheets.length > 1 ? 'several sheets that could be the bill' : 'no visible sheet holding a bill'}: ${someOf(choices, SHEETS_NAMED)}${hidden}. Run again with --sheet NAME, e.g. --sheet "${choices[0] ?? ''}".`;
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

/** Reads every bill file together into the workspace; a file that cannot be read is a {@link CliError}. */
export function readBillFiles(
  files: readonly BillFile[],
  state: BillState,
  options: BillReadOptions = {},
  mappingSource: (signature: string) => string = () => 'the saved mappings',
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
  const readOptions = { ...options, limitAdvice: CLI_LIMIT_ADVICE, storedInvoices };
  let outcomes = readBills(data, readOptions);
  // A file completing an invoice of the backup is read again with the backup's originals of it,
  // as the app reads it with its stored originals, so the parts join as in one pick.
  const companions = backupCompanions(
    outcomes.flatMap((outcome) => (outcome.kind === 'draft' ? [outcome.draft] : [])),
    state,
  );
  if (companions.length > 0)
    outcomes = focusOnNew(
      readBills([...besideCompanions(data, companions), ...companions], readOptions),
      companions,
    );
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
    // A usage-only file whose bill is neither among the bills nor in the backup (usage detail, a
    // pooling report, usage archives) bills nothing and is no fault of the file: said among the
    // notes with the bill to import it with, as Bell's call detail without its MOB file is and as
    // the app's preview names it, and the run goes on with the other bills.
    // A ZIP member left out as hidden: named already among the inputs' notices (`hiddenSentence`).
    if (outcome.kind === 'unreadable' && outcome.hidden === true) continue;
    if (outcome.kind === 'unreadable' && outcome.usageWithoutBill === true) {
      state.billNotes.push(`${outcome.fileName}: not imported: ${outcome.message}`);
      continue;
    }
    if (outcome.kind !== 'draft') {
      problems.push(billProblem(outcome, mappingSource));
      continue;
    }
    // A file recognised but not imported, or imported in part (Bell's call detail without its
    // MOB file): said with why among the notes of the reading, as the app's preview says it.
    const notImported = filesNotImported([outcome.draft]);
    for (const file of notImported)
      state.billNotes.push(`${file.sourceFile}: not imported: ${file.reason}`);
    // Its column names and no row (a report with nothing in it this month): said, not silent.
    for (const file of outcome.files)
      if (
        holdsNothing(outcome.draft, file.name) &&
        !notImported.some((entry) => entry.sourceFile === file.name)
      )
        state.notices.push(`"${file.name}" holds column names but no rows: it holds no charges.`);
    drafts.push(outcome.draft);
    noteUnreadRows(outcome.draft, state);
    pushAll(state.skippedRows, skippedRowNotices(outcome.draft.skipped));
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
  const stored = storedByKey(state.invoices);
  const { org } = state.registry;
  const otherwiseBefore = org.billedOtherwise.length;
  const plan = planBills(drafts, org, (key) => stored.get(key), {
    storedLines: storedLinesOf(state),
  });
  // Account numbers taken as known accounts written with other leading zeros: said, never silent.
  const carrierNames = new Map(org.carriers().map((carrier) => [carrier.id, carrier.name]));
  for (const taken of org.billedOtherwise.slice(otherwiseBefore)) {
    const carrierName = carrierNames.get(taken.account.carrierId) ?? '';
    state.notices.push(billedOtherwiseSentence(carrierName, taken));
  }
  refuseUnjoinable(plan);
  for (const clash of plan.clashes) {
    noteBackupCopy(clash, state, draftedLines(drafts, clash.drafted));
  }
  for (const planned of plan.invoices) {
    // Planned before this run stored any: a stored invoice it completes is the backup's.
    if (planned.action === 'complete') {
      completeStored(planned, state);
      continue;
    }
    const id = `invoice-${state.invoices.length + 1}`;
    const invoice = invoiceOfPlan(planned, { id, importBatchId: 'cli' }, () => 'cli');
    stored.set(
      storedInvoiceKey(invoice.carrierId, invoice.accountNumber, invoice.invoiceNumber),
      invoice,
    );
    state.invoices.push(invoice);
    pushAll(state.chargeBlocks, packChargeLines(id, planned.lines));
    for (const line of planned.lines as DraftChargeLine[])
      state.lines.push({ invoiceId: id, line });
    pushAll(state.usage, usageRecordsOf(planned.usage, id));
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
    // Stored under its account's number, which may be the copy's but for leading zeros.
    const accountNumber =
      state.registry.org.knownAccount(carrierId, copy.accountNumber)?.accountNumber ??
      copy.accountNumber;
    const key = storedInvoiceKey(carrierId, accountNumber, copy.invoiceNumber);
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
