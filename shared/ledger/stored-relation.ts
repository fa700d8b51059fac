/**
 * How a drafted invoice relates to the stored invoice with its key: the one decision both doors
 * (the app's import and the CLI started from a backup) take from here, so a file imported later
 * than the rest of its invoice is treated alike by both, and as it would be in one pick.
 */
import type { DraftInvoice, DraftPart } from '../import/draft';
import { partsOf, USAGE_REPORT_PART, WHOLE_BILL } from '../import/draft';
import type { PartVerdict, SignedLine } from '../import/part-lines';
import { oneRowServices, partVerdict, sameCounts, signatureCounts } from '../import/part-lines';
import type { Invoice } from '../model';

/** A stored invoice as the plan needs it. */
export type StoredInvoice = Pick<
  Invoice,
  'id' | 'carrierId' | 'accountNumber' | 'invoiceNumber' | 'importBatchId' | 'parts' | 'sourceFile'
>;

/** The parts of a stored invoice (one whole `bill` when it was stored before parts existed). */
export function storedPartsOf(invoice: StoredInvoice): DraftPart[] {
  return invoice.parts ?? [{ kind: 'bill', sourceFile: invoice.sourceFile ?? '' }];
}

/** A stored charge line as the judgement reads it. */
export type StoredLine = SignedLine & { sourceFile?: string; sourceRow?: number };

/** The charge lines on both sides, read only when a file of a stored kind must be judged. */
export interface LinesToJudge {
  drafted: () => readonly (SignedLine & { sourceRow?: number })[];
  /**
   * Each with the file it was read from (absent: the invoice's `sourceFile`). Undefined when the
   * door cannot read them: the file is then taken for a copy.
   */
  stored: () => readonly StoredLine[] | undefined;
}

/**
 * - `joined`: it completes the stored invoice — it has every stored part (read again from the
 *   stored originals, so the parts are joined as in one pick) and a new one; or its lines hold
 *   every stored line and more (the whole bill after a page of it): `parts` are then the joined
 *   invoice's;
 * - `needs-stored`: it brings parts the stored invoice lacks but not the stored ones (a companion
 *   file, or another part of an export by department, read alone): read it again together with
 *   the stored originals to join them;
 * - `copy`: it repeats what is stored (the same files, the same lines, a page of them) or is
 *   another version of it (a corrected re-issue): a clash, `verdict` saying which when judged.
 */
export interface StoredJudgement {
  relation: 'joined' | 'needs-stored' | 'copy';
  verdict?: PartVerdict['verdict'];
  parts?: DraftPart[];
}

/**
 * A part's kind as stored invoices may have it: a Teams PSTN usage report's months were whole
 * bills (`bill`) before they had a kind of their own (`pstn-usage`), so the same report imported
 * again is the same part, a copy, never another part to join.
 */
const kindOf = (part: DraftPart) => (part.kind === USAGE_REPORT_PART ? WHOLE_BILL : part.kind);

const partKey = (part: DraftPart) => `${kindOf(part)}\u0000${part.sourceFile}`;

/**
 * Judges a drafted invoice against the stored one with the same key. A file of a kind the stored
 * invoice already has is judged by its charge lines against the stored lines (`partVerdict`, the
 * judgement of files of one pick): another part is joined, a copy or a page is a copy.
 */
export function judgeAgainstStored(
  drafted: DraftInvoice,
  stored: StoredInvoice,
  lines?: LinesToJudge,
): StoredJudgement {
  if (stored.parts === undefined) return { relation: 'copy' };
  const storedKeys = new Set(stored.parts.map(partKey));
  const draftParts = partsOf(drafted);
  const added = draftParts.filter((part) => !storedKeys.has(partKey(part)));
  // The names of stored files: the same files again (a re-import of the very same file), unless
  // their lines say it is another file under a stored one's name (every department's report
  // downloaded as `BillingSummary.csv`): judged by its lines below, and joined only once read
  // again with the stored originals, under a name of its own (see `besideCompanions`).
  const renamed = added.length === 0 && otherLinesUnderStoredName(draftParts, stored, lines);
  if (added.length === 0 && !renamed) return { relation: 'copy', verdict: 'copy' };
  const draftKeys = new Set(draftParts.map(partKey));
  if (!renamed && stored.parts.every((part) => draftKeys.has(partKey(part))))
    return { relation: 'joined' };
  const storedKinds = new Set(stored.parts.map(kindOf));
  if (!draftParts.some((part) => storedKinds.has(kindOf(part))))
    return { relation: 'needs-stored' };
  // Another file of a kind already stored: its lines tell another part from a copy.
  // Judged against the stored lines of the files of its kinds (a T-Mobile summary's lines give
  // way to its detail's when both are stored: a summary again cannot be told by its lines).
  const draftKinds = new Set(draftParts.map(kindOf));
  const sameKind = stored.parts.filter((part) => draftKinds.has(kindOf(part)));
  const files = new Set(sameKind.map((part) => part.sourceFile));
  const storedLines = lines
    ?.stored()
    ?.filter((line) => files.has(line.sourceFile ?? stored.sourceFile ?? ''));
  if (lines === undefined || storedLines === undefined || storedLines.length === 0)
    return { relation: 'copy' };
  // Rows too, where the lines know theirs: a stored line's summary row billed with a charge added
  // or taken away is another version of the bill, never a page of it or its whole.
  const draftedLines = lines.drafted();
  const found = partVerdict(
    signatureCounts(draftedLines),
    [
      {
        file: sameKind.map((part) => part.sourceFile).join(' + '),
        counts: signatureCounts(storedLines),
        rows: oneRowServices(storedLines),
      },
    ],
    oneRowServices(draftedLines),
  );
  if (found.verdict === 'part') return { relation: 'needs-stored', verdict: 'part' };
  if (found.verdict === 'completes') {
    // The stored invoice has a file of another kind too (the account summary beside a page of
    // the line summary): read with it, so the joined invoice keeps what that file says.
    if (renamed || ![...storedKinds].every((kind) => draftKinds.has(kind)))
      return { relation: 'needs-stored', verdict: 'completes' };
    const parts = [...stored.parts.map(({ kind, sourceFile }) => ({ kind, sourceFile })), ...added];
    return { relation: 'joined', verdict: 'completes', parts };
  }
  return { relation: 'copy', verdict: found.verdict };
}

/**
 * The files of a stored invoice joined from several (departments' reports imported one after
 * another) that Replace would lose if the drafted invoice took its place: set when the drafted
 * one repeats what is stored (a copy or a page of one part, one of its files picked again) and
 * lacks some of its parts. Such a file has nothing to import, and replacing would keep only its
 * charges: Replace is refused for it. Undefined otherwise (a corrected re-issue, `conflict`, is
 * replaced on purpose).
 */
export function joinedFilesReplaceWouldLose(
  drafted: DraftInvoice,
  stored: StoredInvoice,
  judged: StoredJudgement,
): string[] | undefined {
  if (judged.relation !== 'copy' || judged.verdict === 'conflict') return undefined;
  const parts = storedPartsOf(stored);
  if (parts.length < 2) return undefined;
  const draftKeys = new Set(partsOf(drafted).map(partKey));
  if (parts.every((part) => draftKeys.has(partKey(part)))) return undefined;
  return [...new Set(parts.map((part) => part.sourceFile))].sort();
}

/**
 * Whether files named as stored parts bring other lines than the stored files of those names:
 * another file saved under a stored one's name, not the same file again. False when the lines
 * cannot be read (the file is then taken for the same).
 */
function otherLinesUnderStoredName(
  draftParts: readonly DraftPart[],
  stored: StoredInvoice,
  lines: LinesToJudge | undefined,
): boolean {
  if (lines === undefined) return false;
  const files = new Set(draftParts.map((part) => part.sourceFile));
  const storedLines = lines
    .stored()
    ?.filter((line) => files.has(line.sourceFile ?? stored.sourceFile ?? ''));
  if (storedLines === undefined || storedLines.length === 0) return false;
  return !sameCounts(signatureCounts(lines.drafted()), signatureCounts(storedLines));
}

/** {@link judgeAgainstStored}'s relation alone. */
export function relationToStored(
  drafted: DraftInvoice,
  stored: StoredInvoice,
  lines?: LinesToJudge,
): StoredJudgement['relation'] {
  return judgeAgainstStored(drafted, stored, lines).relation;
}

/**
 * What a clash's verdict tells a person choosing whether to replace the stored invoice: the
 * sentence after "… is already stored, from <file>." ('' when the lines were not judged).
 */
export function clashVerdictSentence(verdict: StoredJudgement['verdict']): string {
  switch (verdict) {
    case 'copy':
      return 'This file holds the same charges: it is a copy, and nothing of it needs importing.';
    case 'page':
      return 'Every charge in this file is already in the stored invoice (a page or a part of the same bill?): nothing of it needs importing.';
    case 'conflict':
      return 'This file bills it differently (a corrected or reissued bill?): choose Replace to keep this version instead of the stored one.';
    default:
      return '';
  }
}

/** Why Replace is refused for a copy or a page of an invoice joined from `files`. */
export function joinedReplaceSentence(files: readonly string[]): string {
  return `The stored invoice is joined from ${files.join(' + ')}: replacing it with this file would lose the other parts' charges, so Replace is not offered. Leave this file out of the import.`;
}
