/**
 * A carrier profile's group of files read into one draft (a Verizon ZIP's summary files are one
 * draft): its date order decided or asked, its missing invoice facts asked, its draft read,
 * converted to US dollars when the bill is in another currency, noted and bounded.
 */
import { billInCurrency } from './bill-currency';
import { decideDateOrder, filesInDoubt } from './date-order';
import type { BillDraft, ColumnChoice } from './draft';
import { boundDraftDates } from './draft-bounds';
import { withFileNotes } from './file-notes';
import { importLimits } from './limits';
import type { CarrierProfile, InvoiceDetails, ProfileTable } from './profiles/types';
import { refusedDraft, unreadable } from './read-sources';
import type { ParsedFile, ReadBillOptions, ReadOutcome } from './read-types';
import { sheetDraftNotes } from './xlsx/sheet-notes';

/** The files of an upload one profile recognised. */
export interface ProfileGroup {
  tables: ProfileTable[];
  /** Files the profile recognises but does not read, with why. */
  ignored: { sourceFile: string; reason: string }[];
  files: ParsedFile[];
  /** Fields read from one of several columns naming them, per file. */
  choices: ColumnChoice[];
}

export function newGroup(): ProfileGroup {
  return { tables: [], ignored: [], files: [], choices: [] };
}

/** Reads one profile's group of files into its outcome: a draft, a question or a refusal. */
export function readGroup(
  profile: CarrierProfile,
  group: ProfileGroup,
  options: ReadBillOptions,
): ReadOutcome {
  const fileNames = group.files.map((file) => file.name).join(', ');
  const [firstIgnored] = group.ignored;
  if (group.tables.length === 0 && firstIgnored !== undefined) {
    return unreadable(
      fileNames,
      `This is a ${profile.layoutName} file that is not imported on its own: ${firstIgnored.reason} Import the whole download instead.`,
    );
  }
  let order = profile.dateOrder ?? options.dateOrder;
  if (order === undefined) {
    const decision = decideDateOrder(
      profile.dateSamples?.(group.tables) ?? [],
      options.defaultDateOrder,
    );
    if (decision.kind === 'ask') {
      const samplesOf = (tables: ProfileTable[]) => profile.dateSamples?.(tables) ?? [];
      const inDoubt = filesInDoubt(group.tables, samplesOf, options.defaultDateOrder);
      return {
        kind: 'needs-date-order',
        fileName: inDoubt.join(', '),
        candidates: decision.candidates,
        examples: decision.examples,
      };
    }
    order = decision.order;
  }
  const invoiceDetails = detailsOfGroup(group, options);
  const [need] = profile.missingDetails?.(group.tables, { invoiceDetails }) ?? [];
  if (need !== undefined) {
    return {
      kind: 'needs-invoice-details',
      fileName: need.fileName,
      profileId: profile.id,
      missing: need.missing,
      ...(need.currency === undefined ? {} : { currency: need.currency }),
      ...((need.note ?? profile.detailsNote) === undefined
        ? {}
        : { note: need.note ?? profile.detailsNote }),
    };
  }
  const read = profile.read(group.tables, {
    dateOrder: order,
    invoiceDetails,
    storedInvoices: options.storedInvoices,
  });
  const names = group.tables.map((table) => table.fileName);
  const draft = billInCurrency(read, profile.currency, names, { invoiceDetails });
  if ('kind' in draft) return draft;
  if (group.ignored.length > 0)
    draft.ignoredFiles = [...(draft.ignoredFiles ?? []), ...group.ignored];
  if (group.choices.length > 0)
    draft.columnChoices = [...(draft.columnChoices ?? []), ...group.choices];
  return draftOutcome(draft, group.files, options);
}

/** The invoice facts of a group's files: each file's own, else the defaults given for every file. */
function detailsOfGroup(
  group: ProfileGroup,
  options: ReadBillOptions,
): Readonly<Record<string, InvoiceDetails>> {
  const given = options.invoiceDetails ?? {};
  const defaults = options.defaultInvoiceDetails;
  if (defaults === undefined) return given;
  const details: Record<string, InvoiceDetails> = { ...given };
  for (const table of group.tables) details[table.fileName] ??= defaults;
  return details;
}

/**
 * The outcome of a draft read from `files`: its files' notes added, then refused whole when it
 * cannot be imported as read, else with the dates outside the allowed years taken out as errors.
 */
export function draftOutcome(
  draft: BillDraft,
  files: readonly ParsedFile[],
  options: ReadBillOptions,
): ReadOutcome {
  const noted = sheetDraftNotes(withFileNotes(draft, files), files);
  if (noted.refusal !== undefined) {
    const names = files.map((file) => file.name).join(', ');
    return refusedDraft(names, noted.refusal, noted);
  }
  return {
    kind: 'draft',
    draft: boundDraftDates(noted, importLimits(options.limits)),
    files: files.map((file) => file.info),
  };
}
