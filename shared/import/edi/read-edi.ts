/**
 * EDI X12 811 bill files (Consolidated Service Invoice/Statement, functional group CI) to one
 * {@link BillDraft}: each 811 transaction (ST … SE) is an invoice. Problems are row errors whose
 * "line" is the segment's position in the file (ISA is segment 1) and whose column names the
 * element (`IT104`); a file that cannot be split into segments is refused with a sentence.
 */
import type { IsoMonth } from '../../dates';
import { isoMonthOf } from '../../dates';
import type { BillDraft, DraftInvoice, DraftUsage, RowError } from '../draft';
import { invoiceKey, WHOLE_BILL } from '../draft';
import { DraftBuilder } from '../draft-builder';
import type { ImportLimits } from '../limits';
import { LISTED_ROW_ERRORS, quoteCell } from '../limits';
import { cents, centsToDecimalString, formatCents } from '../../money/cents';
import { readCharges811 } from './edi-811-charges';
import type { HlNode } from './edi-811-header';
import type { Charge811 } from './edi-811-lines';
import { readHeader811 } from './edi-811-header';
import type { X12Transaction } from './x12-interchange';
import { EnvelopeReader } from './x12-interchange';
import type { X12Segment } from './x12-segments';
import { element, elementName, scanX12, segmentIdProblem } from './x12-segments';
import { pushAll } from '../../arrays';

export { looksLikeX12 } from './x12-segments';

/** Profile id of drafts read from EDI files. */
export const EDI_811_PROFILE_ID = 'edi-x12-811';
/** How the preview names the layout. */
export const EDI_811_LAYOUT_NAME = 'EDI X12 811 — consolidated service invoice';

/** A decoded file recognised as X12 (see {@link looksLikeX12}). */
export interface X12File {
  name: string;
  text: string;
  /** U+FFFD characters the text already held (see `decodeBytes`), warned about in the preview. */
  replacementChars?: number;
}

/** What {@link readEdiBills} made of the files. */
export interface EdiRead {
  /** The draft of every file read; null when none could be. */
  draft: BillDraft | null;
  /** Files read into the draft. */
  readFiles: string[];
  /** Files refused whole, with why. */
  refused: { fileName: string; message: string }[];
}

/** Names of transaction sets a user may send by mistake. */
const SET_NAMES: Readonly<Record<string, string>> = {
  '810': 'Invoice',
  '820': 'Payment Order/Remittance Advice',
  '850': 'Purchase Order',
  '997': 'Functional Acknowledgment',
};

/** Reads EDI X12 files into one draft (so an invoice sent twice, in two files, is a copy). */
export function readEdiBills(files: readonly X12File[], limits: ImportLimits): EdiRead {
  const draft = new DraftBuilder();
  const usage = new Map<string, DraftUsage>();
  const read: EdiRead = { draft: null, readFiles: [], refused: [] };
  for (const file of files) {
    const refusal = readFile(file, limits, draft, usage);
    if (refusal !== null) {
      read.refused.push({ fileName: file.name, message: refusal });
      continue;
    }
    read.readFiles.push(file.name);
    const damaged = file.replacementChars ?? 0;
    if (damaged > 0) {
      draft.warnings.push({
        sourceFile: file.name,
        row: 0,
        message: `The file already holds ${damaged} unreadable character(s) (shown as �): it was damaged by a text conversion before it reached TEM Desk. Names may be misspelt; check the segments that show an error.`,
      });
    }
  }
  if (read.readFiles.length === 0) return read;
  pushAll(draft.usage, usage.values());
  draft.checkStatedTotals();
  read.draft = draft.finish(EDI_811_PROFILE_ID, EDI_811_LAYOUT_NAME, 'YMD');
  return read;
}

/**
 * Reads one file into the draft; the sentence refusing it whole, or null. The file is scanned
 * twice: once to check its limits and that it holds an 811 (so a refused file adds nothing), then
 * to read it a transaction at a time.
 */
function readFile(
  file: X12File,
  limits: ImportLimits,
  draft: DraftBuilder,
  usage: Map<string, DraftUsage>,
): string | null {
  const options = { maxSegmentChars: limits.maxLineChars, maxElements: limits.maxColumns };
  const setIds = new Set<string>();
  const check = scanX12(file.text, options, (segment) => {
    if (segment.id === 'ST') setIds.add(element(segment, 1));
  });
  if (!check.ok) return `"${file.name}": ${check.message}`;
  if (!setIds.has('811')) return notAnInvoice(file.name, [...setIds]);
  const report = (segment: X12Segment, position: number | null, problem: string) => {
    addError(draft, segmentError(file.name, segment, position, problem));
  };
  const seen = new Map<string, X12Transaction>();
  const envelope = new EnvelopeReader({
    onProblem: report,
    onTransaction: (transaction) => {
      draft.rowsRead += transaction.body.length;
      if (transaction.setId === '811') {
        readTransaction(file.name, transaction, draft, usage, seen, report);
        return;
      }
      const name = SET_NAMES[transaction.setId];
      report(
        transaction.st,
        1,
        `transaction set ${transaction.setId}${name === undefined ? '' : ` (${name})`} is not a telecom invoice (811) and is not read.`,
      );
    },
  });
  scanX12(file.text, options, (segment) => {
    const bad = segmentIdProblem(segment);
    if (bad !== null) addError(draft, { sourceFile: file.name, row: segment.number, message: bad });
    envelope.add(segment);
  });
  envelope.end();
  return null;
}

function notAnInvoice(fileName: string, ids: readonly string[]): string {
  if (ids.length === 0) {
    return `"${fileName}" is an EDI file with no transaction (ST … SE) in it: there is no invoice to import.`;
  }
  const names = ids.map((id) => `${id}${SET_NAMES[id] === undefined ? '' : ` (${SET_NAMES[id]})`}`);
  return `"${fileName}" is an EDI X12 ${names.join(', ')} file, not a telecom invoice: TEM Desk imports X12 811 (Consolidated Service Invoice/Statement) files. Ask the carrier for its 811 bill.`;
}

function readTransaction(
  sourceFile: string,
  transaction: X12Transaction,
  draft: DraftBuilder,
  usage: Map<string, DraftUsage>,
  seen: Map<string, X12Transaction>,
  report: (segment: X12Segment, position: number | null, problem: string) => void,
): void {
  const header = readHeader811(transaction.body);
  const { invoiceDate, invoiceNumber, carrierName, accountNumber } = header;
  if (invoiceNumber !== undefined && carrierName !== undefined && accountNumber !== undefined) {
    const earlier = seen.get(invoiceKey(carrierName, accountNumber, invoiceNumber));
    // The same transaction sent twice in one file (a resend appended to the first): a copy,
    // counted once and said, as the same invoice in two files is; its problems are the first's.
    if (earlier !== undefined && sameSegments(earlier.body, transaction.body)) {
      const key = invoiceKey(carrierName, accountNumber, invoiceNumber);
      const first = `transaction ${earlier.controlNumber} (segment ${earlier.st.number})`;
      draft.skip(
        sourceFile,
        transaction.st.number,
        `Not imported: transaction ${transaction.controlNumber} repeats ${first} of this file segment for segment, invoice ${invoiceNumber} (account ${accountNumber}); it is a copy, counted once.`,
      );
      draft.copies.push({
        invoiceKey: key,
        carrierName,
        accountNumber,
        invoiceNumber,
        kind: WHOLE_BILL,
        sourceFile,
        sameAs: `${sourceFile} (transaction ${earlier.controlNumber})`,
      });
      return;
    }
  }
  for (const problem of header.problems) report(problem.segment, problem.position, problem.problem);
  const notRead = (why: string) => {
    const error = segmentError(
      sourceFile,
      transaction.st,
      null,
      `transaction ${transaction.controlNumber} is not imported: ${why}.`,
    );
    // What leaving the invoice out leaves out: its stated total, when it has one.
    if (header.statedTotal !== null) error.amount = centsToDecimalString(header.statedTotal);
    // A whole invoice not read: no invoice stored is its, so it names itself (or, numberless, its
    // transaction), never leaving its total to be taken as another invoice's rows.
    error.invoiceNumber = invoiceNumber ?? `transaction ${transaction.controlNumber}`;
    addError(draft, error);
  };
  if (header.big === undefined) return notRead('it has no invoice beginning (BIG)');
  if (invoiceNumber === undefined) return notRead('its invoice number (BIG02) is missing');
  if (invoiceDate === undefined)
    return notRead(`the date of invoice ${invoiceNumber} (BIG01) cannot be read`);
  if (carrierName === undefined)
    return notRead(`invoice ${invoiceNumber} names no carrier (N1*SE)`);
  if (accountNumber === undefined)
    return notRead(`invoice ${invoiceNumber} names no account number (REF*12 or REF*11)`);
  const facts: Omit<DraftInvoice, 'key'> = {
    carrierName,
    accountNumber,
    invoiceNumber,
    invoiceDate,
    statedTotal: header.statedTotal,
    sourceFile,
  };
  if (header.dueDate !== undefined) facts.dueDate = header.dueDate;
  if (header.periodStart !== undefined) facts.periodStart = header.periodStart;
  if (header.periodEnd !== undefined) facts.periodEnd = header.periodEnd;
  if (header.remitTo !== undefined) facts.remitTo = header.remitTo;
  const earlier = seen.get(invoiceKey(carrierName, accountNumber, invoiceNumber));
  if (earlier !== undefined) {
    return notRead(
      `invoice ${invoiceNumber} was already read from transaction ${earlier.controlNumber} (segment ${earlier.st.number}) of this file, with other content`,
    );
  }
  const invoice = draft.invoiceOfFile(facts, transaction.st.number);
  if (invoice === null) return;
  seen.set(invoice.key, transaction);
  draft.statedAt.set(invoice.key, { sourceFile, row: (header.tds ?? transaction.st).number });

  const charges = readCharges811(transaction.body, header.levelOf, invoice);
  for (const problem of charges.problems)
    report(problem.segment, problem.position, problem.problem);
  for (const included of charges.included)
    draft.skip(sourceFile, included.segment.number, included.reason);
  pushAll(draft.warnings, unnamedServiceLevels(sourceFile, charges.charges, header.levelOf));
  for (const charge of charges.charges) {
    const more: Parameters<DraftBuilder['line']>[6] = { quantity: charge.quantity };
    if (charge.periodStart !== undefined) more.periodStart = charge.periodStart;
    if (charge.periodEnd !== undefined) more.periodEnd = charge.periodEnd;
    if (charge.extras !== undefined) more.extras = charge.extras;
    if (charge.accountNumber !== undefined) more.accountNumber = charge.accountNumber;
    const source = { sourceFile, sourceRow: charge.segment.number };
    draft.line(
      invoice,
      source,
      charge.serviceIdRaw,
      charge.description,
      charge.category,
      charge.amount,
      more,
    );
    const serviceKey = draft.serviceKey(charge.serviceIdRaw);
    if (charge.usage === undefined || serviceKey === null) continue;
    const month = isoMonthOf(charge.periodEnd ?? invoice.periodEnd ?? invoiceDate);
    addUsage(
      usage,
      { invoice, serviceIdRaw: charge.serviceIdRaw, serviceKey, month, source },
      charge.usage,
    );
  }
}

/** Whether two transactions' bodies are the same segments, element for element. */
function sameSegments(a: readonly X12Segment[], b: readonly X12Segment[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((segment, index) => {
    const other = b[index];
    return (
      other !== undefined &&
      other.id === segment.id &&
      other.elements.length === segment.elements.length &&
      other.elements.every((value, position) => value === segment.elements[position])
    );
  });
}

function addUsage(
  usage: Map<string, DraftUsage>,
  at: {
    invoice: DraftInvoice;
    serviceIdRaw: string;
    serviceKey: string;
    month: IsoMonth;
    source: { sourceFile: string; sourceRow: number };
  },
  amount: { minutes: number | null; dataKb: number | null },
): void {
  const key = `${at.invoice.key}\u0000${at.serviceKey}\u0000${at.month}`;
  const existing = usage.get(key);
  if (existing !== undefined) {
    existing.minutes = addKnown(existing.minutes, amount.minutes);
    existing.dataKb = addKnown(existing.dataKb, amount.dataKb);
    return;
  }
  usage.set(key, {
    invoiceKey: at.invoice.key,
    serviceIdRaw: at.serviceIdRaw,
    serviceKey: at.serviceKey,
    month: at.month,
    minutes: amount.minutes,
    // An 811 bills minutes and data; texts are not known from it.
    messages: null,
    dataKb: amount.dataKb,
    sourceFile: at.source.sourceFile,
    sourceRow: at.source.sourceRow,
  });
}

/** The sum of two figures, either of which may be unknown (null); unknown only when both are. */
function addKnown(a: number | null, b: number | null): number | null {
  return a === null && b === null ? null : (a ?? 0) + (b ?? 0);
}

/** `Segment 14 (IT1), element 4 (IT104): …`, with the element's text as the error's value. */
function segmentError(
  sourceFile: string,
  segment: X12Segment,
  position: number | null,
  problem: string,
): RowError {
  const where =
    position === null
      ? `Segment ${segment.number} (${segment.id})`
      : `Segment ${segment.number} (${segment.id}), element ${position} (${elementName(segment, position)})`;
  const error: RowError = {
    sourceFile,
    row: segment.number,
    column: position === null ? segment.id : elementName(segment, position),
    message: `${where}: ${problem.charAt(0).toLowerCase()}${problem.slice(1)}${/[.!?]$/.test(problem) ? '' : '.'}`,
  };
  if (position !== null) error.value = quoteCell(element(segment, position));
  return error;
}

/** Lists an error while fewer than {@link LISTED_ROW_ERRORS} are listed, else counts it. */
function addError(draft: DraftBuilder, error: RowError): void {
  if (draft.errors.length < LISTED_ROW_ERRORS) draft.errors.push(error);
  else draft.unlistedRows += 1;
}

/**
 * Levels of the kind that name a service elsewhere in the transaction (the same HL03 code) that
 * name none themselves: their charges are read as the account's, which is said, never passed over
 * (the audit cannot match them to the inventory).
 */
function unnamedServiceLevels(
  sourceFile: string,
  charges: readonly Charge811[],
  levelOf: ReadonlyMap<X12Segment, HlNode | null>,
): RowError[] {
  const serviceCodes = new Set<string>();
  for (const level of levelOf.values())
    if (level !== null && level.serviceIdRaw !== undefined && level.code !== '')
      serviceCodes.add(level.code);
  const unnamed = new Map<HlNode, { count: number; amount: number }>();
  for (const charge of charges) {
    if (charge.serviceIdRaw !== '') continue;
    const level = levelOf.get(charge.segment) ?? null;
    if (level === null || !serviceCodes.has(level.code)) continue;
    const tally = unnamed.get(level) ?? { count: 0, amount: 0 };
    tally.count += 1;
    tally.amount += charge.amount;
    unnamed.set(level, tally);
  }
  return [...unnamed].map(([level, { count, amount }]) => ({
    sourceFile,
    row: level.segmentNumber,
    column: '',
    value: '',
    message: `The level HL ${level.id.slice(0, 20)} (segment ${String(level.segmentNumber)}) is a service level like the others (HL03 "${level.code.slice(0, 10)}") but names no service (no SI or REF*CN): its ${String(count)} charge${count === 1 ? '' : 's'}, ${formatCents(cents(amount))}, are read as the account's, so they cannot be matched to the inventory.`,
  }));
}
