/**
 * A second file of one kind for an invoice: a copy of the first (the same report downloaded
 * twice, a ZIP and its unzipped members) or another part of it (an AT&T Premier report exported
 * per department, or in pages). Neither can be told from its first row, so its lines are read and
 * judged when the draft is done, against the lines of the file the invoice was first read from:
 *
 * - the same lines (each service, description, category, period and amount as often) → a copy:
 *   its lines are dropped, the file listed as a copy and its rows as not imported;
 * - no line in common → another part of the invoice: its lines are kept, with a note saying the
 *   invoice is joined from both files;
 * - only lines already read (a page of the whole bill read before it) → a copy of that part: its
 *   lines are dropped, and it repeats only what they total, not the whole invoice;
 * - every line already read and more (the whole bill after one of its pages) → it completes the
 *   invoice: the lines already read are kept once and its other lines joined, whichever of the
 *   two files came first;
 * - some lines in common, others not on both sides (a re-export after a correction?) → another
 *   copy of the invoice: counted once, as the first file bills it, with a note saying how they
 *   differ.
 */
import { cents } from '../money/cents';
import type { DraftChargeLine, DraftCopy, DraftInvoice, RowError, SkippedRow } from './draft';
import { OneRowTally, type EarlierFile, partVerdict, signature, splitRepeated } from './part-lines';
import { pushAll } from '../arrays';

/** A file met again for an invoice part another file gave first. */
interface Contender {
  invoice: DraftInvoice;
  kind: string;
  /** The file the invoice's part was first read from. */
  firstFile: string;
  sourceFile: string;
  /** Its first row for the invoice (where a note about the whole file points). */
  firstRow: number;
  /** Its lines, by their place in the draft. */
  lines: number[];
}

/** What judging the contenders decided. */
export interface PartVerdicts {
  /** Line places to drop (copies, other versions), ascending. */
  dropLines: number[];
  /** Usage of these files' invoices to drop: `invoiceKey\u0000sourceFile`. */
  dropUsage: Set<string>;
  copies: DraftCopy[];
  skipped: SkippedRow[];
  errors: RowError[];
  warnings: RowError[];
}

/** The lines' reader the verdicts need: each line by its place. */
export interface LineSource {
  count: number;
  lineAt(at: number): DraftChargeLine;
}

/** A contender and what it was found to be. */
interface Judged {
  contender: Contender;
  verdict: 'copy' | 'page' | 'completes' | 'conflict' | 'part';
  /** The file it copies (a copy's), else the invoice's first file. */
  of: string;
  /** Lines it has in common with the files before it (a conflict's). */
  shared: number;
  /** Its lines already read from the files before it, dropped (when it completes them, or a
   * part repeats the account's own charges). */
  repeated?: number[];
  /** The files before it (when it completes them). */
  before?: string[];
}

export class PartContenders {
  private readonly byKey = new Map<string, Contender>();
  /** Contenders per invoice key, to find a line's quickly. */
  private readonly byInvoice = new Map<string, Map<string, Contender>>();

  get size(): number {
    return this.byKey.size;
  }

  /** Whether `sourceFile` is already a contender for this invoice. */
  has(invoiceKey: string, sourceFile: string): boolean {
    return this.byInvoice.get(invoiceKey)?.has(sourceFile) === true;
  }

  /** Notes that `sourceFile` gives again the `kind` part of `invoice` that `firstFile` gave. */
  add(invoice: DraftInvoice, kind: string, firstFile: string, sourceFile: string, row: number) {
    const key = `${invoice.key}\u0000${sourceFile}`;
    if (this.byKey.has(key)) return;
    const contender: Contender = {
      invoice,
      kind,
      firstFile,
      sourceFile,
      firstRow: row,
      lines: [],
    };
    this.byKey.set(key, contender);
    let files = this.byInvoice.get(invoice.key);
    if (files === undefined) this.byInvoice.set(invoice.key, (files = new Map()));
    files.set(sourceFile, contender);
  }

  /** Records a line just added at `at`, when it belongs to a contender. */
  noteLine(invoiceKey: string, sourceFile: string, at: number): void {
    this.byInvoice.get(invoiceKey)?.get(sourceFile)?.lines.push(at);
  }

  /** Judges every contender (see the module's comment) and forgets them. */
  judge(lines: LineSource): PartVerdicts {
    const verdicts: PartVerdicts = {
      dropLines: [],
      dropUsage: new Set(),
      copies: [],
      skipped: [],
      errors: [],
      warnings: [],
    };
    if (this.byKey.size === 0) return verdicts;
    // The first files' lines of the invoices in question, as signature counts.
    const wanted = new Map<string, Set<string>>();
    for (const contender of this.byKey.values()) {
      const files = wanted.get(contender.invoice.key) ?? new Set<string>();
      files.add(contender.firstFile);
      wanted.set(contender.invoice.key, files);
    }
    const firstLines = new Map<string, Map<string, number>>();
    const firstFileRows = new Map<string, OneRowTally>();
    for (let at = 0; at < lines.count; at++) {
      const line = lines.lineAt(at);
      if (wanted.get(line.invoiceKey)?.has(line.sourceFile) !== true) continue;
      const id = `${line.invoiceKey}\u0000${line.sourceFile}`;
      const counts = firstLines.get(id) ?? new Map<string, number>();
      const sig = signature(line);
      counts.set(sig, (counts.get(sig) ?? 0) + 1);
      firstLines.set(id, counts);
      let rows = firstFileRows.get(id);
      if (rows === undefined) firstFileRows.set(id, (rows = new OneRowTally()));
      rows.add(line);
    }
    // Each contender, in the order met, against every file of its invoice accepted before it:
    // the first, then the other parts. The same lines as one of them: a copy of that file.
    const accepted = new Map<string, EarlierFile[]>();
    const judged: Judged[] = [];
    for (const contender of this.byKey.values()) {
      const key = contender.invoice.key;
      let earlier = accepted.get(key);
      if (earlier === undefined) {
        const id = `${key}\u0000${contender.firstFile}`;
        const counts = firstLines.get(id) ?? new Map();
        const rows = firstFileRows.get(id)?.services() ?? new Map();
        earlier = [{ file: contender.firstFile, counts, rows }];
        accepted.set(key, earlier);
      }
      const own = new Map<string, number>();
      const tally = new OneRowTally();
      for (const at of contender.lines) {
        const line = lines.lineAt(at);
        const sig = signature(line);
        own.set(sig, (own.get(sig) ?? 0) + 1);
        tally.add(line);
      }
      const rows = tally.services();
      const found = partVerdict(own, earlier, rows);
      const { shared } = found;
      if (found.verdict === 'copy' || found.verdict === 'page') {
        judged.push({ contender, verdict: found.verdict, of: found.of, shared });
      } else if (found.verdict === 'conflict') {
        judged.push({ contender, verdict: 'conflict', of: contender.firstFile, shared });
      } else if (found.drop === undefined) {
        earlier.push({ file: contender.sourceFile, counts: own, rows });
        judged.push({ contender, verdict: 'part', of: contender.firstFile, shared });
      } else {
        // Its lines already read are dropped: all of them when it completes the files before
        // it, for a part only the account-level block it repeats whole.
        const { repeated, rest } = splitRepeated(contender.lines, found.drop, (at) =>
          lines.lineAt(at),
        );
        const files = earlier.map((file) => file.file);
        earlier.push({ file: contender.sourceFile, counts: rest, rows });
        judged.push({
          contender,
          verdict: found.verdict,
          of: contender.firstFile,
          shared,
          repeated,
          before: files,
        });
      }
    }
    for (const one of judged) {
      const { contender, verdict, of, shared } = one;
      // An invoice joined from parts: a copy of one part repeats that part's lines only.
      const ofPart = (accepted.get(contender.invoice.key)?.length ?? 0) > 1;
      if (verdict === 'copy') this.copy(contender, of, lines, verdicts, ofPart);
      else if (verdict === 'page') {
        const why = `this file holds ${shared === 1 ? 'one charge' : `${shared} charges`} of it, all already read (a page or a part of the same bill?).`;
        this.copy(contender, of, lines, verdicts, true, why);
      } else if (verdict === 'completes') this.completes(one, lines, verdicts);
      else if (verdict === 'conflict') this.otherVersion(contender, shared, lines, verdicts);
      else this.part(one, lines, verdicts);
    }
    this.byKey.clear();
    this.byInvoice.clear();
    verdicts.dropLines.sort((a, b) => a - b);
    return verdicts;
  }

  private drop(contender: Contender, verdicts: PartVerdicts): void {
    pushAll(verdicts.dropLines, contender.lines);
    verdicts.dropUsage.add(`${contender.invoice.key}\u0000${contender.sourceFile}`);
  }

  private copy(
    contender: Contender,
    firstFile: string,
    lines: LineSource,
    verdicts: PartVerdicts,
    ofPart: boolean,
    why = 'this file is a copy (the same charge lines).',
  ): void {
    const { invoice, sourceFile } = contender;
    this.drop(contender, verdicts);
    const copy: DraftCopy = {
      invoiceKey: invoice.key,
      carrierName: invoice.carrierName,
      accountNumber: invoice.accountNumber,
      invoiceNumber: invoice.invoiceNumber,
      kind: contender.kind,
      sourceFile,
      sameAs: firstFile,
    };
    if (ofPart)
      copy.partTotal = cents(contender.lines.reduce((sum, at) => sum + lines.lineAt(at).amount, 0));
    verdicts.copies.push(copy);
    const reason = `Not imported: invoice ${invoice.invoiceNumber} (account ${invoice.accountNumber}) is already read from ${firstFile}; ${why}`;
    const rows = new Set([contender.firstRow]);
    for (const at of contender.lines) rows.add(lines.lineAt(at).sourceRow);
    for (const row of [...rows].sort((a, b) => a - b))
      verdicts.skipped.push({ sourceFile, row, reason });
  }

  /**
   * A file repeating some of the invoice's lines but not others: another copy of the invoice (a
   * re-export after a correction?), counted once as the first read, and said so.
   */
  private otherVersion(
    contender: Contender,
    shared: number,
    lines: LineSource,
    verdicts: PartVerdicts,
  ): void {
    const { invoice, sourceFile, firstFile } = contender;
    const same =
      shared === 0
        ? 'billing the same items at other amounts (a corrected re-issue?)'
        : `the same in ${shared === 1 ? 'one charge' : `${shared} charges`} but not in others (a re-export after a correction?)`;
    const why = `this file is another copy of it, ${same}. If it is the right version, delete the invoice and import this file on its own.`;
    this.copy(contender, firstFile, lines, verdicts, false, why);
    verdicts.warnings.push({
      sourceFile,
      row: contender.firstRow,
      message: `Invoice ${invoice.invoiceNumber} (account ${invoice.accountNumber}) is read from ${firstFile}; ${sourceFile} holds it too, ${same}. It is not imported: the invoice is counted once, as ${firstFile} bills it.`,
    });
  }

  /**
   * A file holding every line already read of the invoice and more (the whole bill after one of
   * its pages): the lines already read are not read again, its others are joined, and the usage
   * of the files before it (which it holds too) is not counted twice.
   */
  private completes(judged: Judged, lines: LineSource, verdicts: PartVerdicts): void {
    const { contender, repeated = [], before = [] } = judged;
    const { invoice, sourceFile, firstFile } = contender;
    for (const file of before) verdicts.dropUsage.add(`${invoice.key}\u0000${file}`);
    (invoice.parts ??= []).push({ kind: contender.kind, sourceFile });
    const files = this.dropRepeated(judged, lines, verdicts);
    const count = repeated.length === 1 ? 'one charge' : `${repeated.length} charges`;
    verdicts.warnings.push({
      sourceFile,
      row: contender.firstRow,
      message: `Invoice ${invoice.invoiceNumber} (account ${invoice.accountNumber}) is read from ${firstFile} and from ${sourceFile}, which holds the same ${count} and bills more (${files} a page or a part of it?): the two are joined, each charge counted once.`,
    });
  }

  /**
   * Drops a contender's lines already read from the files `before` it, listing each row left
   * with no charge as not imported; the files' names, joined, for the note that says so.
   */
  private dropRepeated(judged: Judged, lines: LineSource, verdicts: PartVerdicts): string {
    const { contender, repeated = [], before = [] } = judged;
    const { invoice, sourceFile } = contender;
    pushAll(verdicts.dropLines, repeated);
    const droppedAt = new Set(repeated);
    const keptRows = new Set<number>();
    const droppedRows = new Set<number>();
    for (const at of contender.lines) {
      const row = lines.lineAt(at).sourceRow;
      (droppedAt.has(at) ? droppedRows : keptRows).add(row);
    }
    const files = before.join(' and ');
    const reason = `Not imported: invoice ${invoice.invoiceNumber} (account ${invoice.accountNumber}) is already read from ${files}, and this row's charges with it.`;
    for (const row of [...droppedRows].filter((r) => !keptRows.has(r)).sort((a, b) => a - b))
      verdicts.skipped.push({ sourceFile, row, reason });
    return files;
  }

  /**
   * Another part of the invoice: its lines are joined. The account-level charges it repeats from
   * the files before it (every part of a report run per cost centre carries them) count once.
   */
  private part(judged: Judged, lines: LineSource, verdicts: PartVerdicts): void {
    const { contender, repeated = [] } = judged;
    const { invoice, sourceFile, firstFile } = contender;
    // A file with no charge of the invoice (its rows all $0.00) adds nothing to join.
    if (contender.lines.length === 0) return;
    // One of the invoice's files: its original is kept and its import recorded like the first's.
    (invoice.parts ??= []).push({ kind: contender.kind, sourceFile });
    let also = '';
    if (repeated.length > 0) {
      const files = this.dropRepeated(judged, lines, verdicts);
      const count =
        repeated.length === 1
          ? 'one account-level charge'
          : `${repeated.length} account-level charges`;
      also = ` It repeats ${count} (no service) of ${files}, counted once.`;
    }
    verdicts.warnings.push({
      sourceFile,
      row: contender.firstRow,
      message: `Invoice ${invoice.invoiceNumber} (account ${invoice.accountNumber}) is read from ${firstFile} and from ${sourceFile}, which bills other lines of it (an export in parts, by department or page): the two are joined into one invoice.${also}`,
    });
  }
}
