/**
 * The readers of the sources that are not one delimited table per carrier profile: Excel
 * workbooks (a sheet to pick first), EDI X12 811 files (one draft for all of them) and Rogers usage
 * archives (joined to the pick's bills and the stored ones). Used by `read-bill.ts`.
 */
import type { UploadedFile } from './archive';
import { boundDraftDates } from './draft-bounds';
import type { BillDraft } from './draft';
import type { X12File } from './edi/read-edi';
import { readEdiBills } from './edi/read-edi';
import type { ImportLimits } from './limits';
import { APP_LIMIT_ADVICE, capMessage, importLimits } from './limits';
import { headerSignature } from './mapping';
import { bestFit } from './profiles/columns';
import { CARRIER_PROFILES } from './profiles/index';
import type { DecodedFileInfo, ParsedFile, ReadBillOptions, ReadOutcome } from './read-types';
import { refsOfDrafts } from './stored-usage';
import type { RogersArchive } from './usage/rogers-archive';
import { readRogersUsage } from './usage/rogers-usage';
import { readSheetForImport } from './xlsx/sheet-choice';

/** A file that cannot be read, with the reason in words a person understands. */
export function unreadable(fileName: string, message: string): ReadOutcome {
  return { kind: 'unreadable', fileName, message: capMessage(message) };
}

/**
 * The outcome of a draft refused whole: a file that cannot be read, or a usage-only file whose
 * bill is not there, which is said as such (see `BillDraft.usageWithoutBill`).
 */
export function refusedDraft(
  fileName: string,
  refusal: string,
  draft: Pick<BillDraft, 'usageWithoutBill'>,
): ReadOutcome {
  return draft.usageWithoutBill === true
    ? { kind: 'unreadable', fileName, message: capMessage(refusal), usageWithoutBill: true }
    : unreadable(fileName, refusal);
}

export /** The usage draft of the Rogers archives, joined to the pick's bills and the stored ones. */
function rogersOutcome(
  archives: readonly RogersArchive[],
  outcomes: readonly ReadOutcome[],
  options: ReadBillOptions,
): ReadOutcome {
  const pick = outcomes.flatMap((outcome) => (outcome.kind === 'draft' ? [outcome.draft] : []));
  const bills = [...refsOfDrafts(pick), ...(options.storedInvoices ?? [])];
  const draft = readRogersUsage(archives, bills);
  const names = archives.flatMap((archive) => [
    ...archive.headers.map((header) => header.fileName),
    ...archive.calls.map((call) => call.fileName),
  ]);
  if (draft.refusal !== undefined) return refusedDraft(names.join(', '), draft.refusal, draft);
  const files = names.map((name) => ({ name, encoding: 'utf-8' as const, replacementChars: 0 }));
  return { kind: 'draft', draft: boundDraftDates(draft, importLimits(options.limits)), files };
}

export /** An Excel workbook's bill sheet as a parsed file, or the question or refusal it leads to. */
function readXlsxMember(
  member: UploadedFile,
  limits: ImportLimits,
  options: ReadBillOptions,
): { kind: 'file'; file: ParsedFile } | { kind: 'outcome'; outcome: ReadOutcome } {
  const choice = readSheetForImport(member.name, member.bytes, {
    sheet: options.sheets?.[member.name],
    preferred: options.preferredSheet,
    limits,
    limitAdvice: options.limitAdvice ?? APP_LIMIT_ADVICE,
    recognised(header) {
      const signature = headerSignature(header);
      if (options.mapping?.signature === signature) return true;
      if (options.savedMappings?.some((mapping) => mapping.signature === signature)) return true;
      return bestFit(CARRIER_PROFILES, header)?.kind === 'match';
    },
  });
  if (choice.kind === 'unreadable') {
    return { kind: 'outcome', outcome: unreadable(member.name, choice.message) };
  }
  if (choice.kind === 'ask') {
    return {
      kind: 'outcome',
      outcome: {
        kind: 'needs-sheet',
        fileName: member.name,
        sheets: choice.sheets,
        hidden: choice.hidden,
      },
    };
  }
  const { table } = choice;
  return {
    kind: 'file',
    file: {
      name: member.name,
      info: {
        name: member.name,
        encoding: 'utf-8',
        replacementChars: 0,
        sheet: table.sheet,
        ...(choice.hiddenSkipped.length > 0 ? { hiddenSheets: choice.hiddenSkipped } : {}),
      },
      table: table.table,
      sheet: { table, hiddenSkipped: choice.hiddenSkipped },
    },
  };
}

export /** The outcomes of the EDI X12 files of an upload: one draft for all of them, a refusal per file. */
function readX12Outcomes(
  files: readonly (X12File & { info: DecodedFileInfo })[],
  limits: ImportLimits,
): ReadOutcome[] {
  const read = readEdiBills(files, limits);
  const outcomes = read.refused.map((refused) => unreadable(refused.fileName, refused.message));
  if (read.draft === null) return outcomes;
  const names = new Set(read.readFiles);
  const infos = files.filter((file) => names.has(file.name)).map((file) => file.info);
  if (read.draft.refusal !== undefined) {
    return [...outcomes, unreadable(read.readFiles.join(', '), read.draft.refusal)];
  }
  return [...outcomes, { kind: 'draft', draft: boundDraftDates(read.draft, limits), files: infos }];
}
