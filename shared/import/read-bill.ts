/**
 * The import pipeline's entry point, run by the renderer's worker (and the CLI): bytes in, drafts
 * or questions out. Files (and ZIP members) recognised by the same carrier profile are read into
 * one draft; a file no profile recognises is read with a saved mapping when its header signature
 * matches one, else the user is asked to map its columns.
 */
import type { DateOrder } from '../dates';
import { expandUpload, hiddenZipMembers, type UploadedFile } from './archive';
import { chargeDateSamples, type ChargeTable } from './charge-rows';
import { decideDateOrder } from './date-order';
import { decodeBytes } from './decode';
import { EDS_NOTICE, looksLikeEds } from './eds';
import { looksLikeX12, type X12File } from './edi/read-edi';
import { COMPOUND_FILE_NOTICE, isCompoundFile, markupSpreadsheetNotice } from './legacy-office';
import { isPdf, PDF_NOTICE } from './pdf';
import {
  type ColumnMapping,
  applyMapping,
  guessMapping,
  headerSignature,
  mappedColumns,
  mappingProblems,
} from './mapping';
import { bestFit, duplicateColumnProblem, type LayoutFit } from './profiles/columns';
import { CARRIER_PROFILES } from './profiles/index';
import type { CarrierProfile } from './profiles/types';
import { importLimits, type ImportLimits } from './limits';
import { readTable, readTableHeader, sniffTable, type TableSniff } from './table';
import { isReportText, readReportFiles } from './reports/index';
import { billInCurrency, CANADIAN_DOLLARS } from './bill-currency';
import { joinLooseFiles, takeRogersFiles, type RogersArchive } from './usage/rogers-archive';
import { isXlsx } from './xlsx/package';
import type {
  DecodedFileInfo,
  LayoutDrift,
  ParsedFile,
  ReadBillOptions,
  ReadOutcome,
} from './read-types';
import { readX12Outcomes, readXlsxMember, rogersOutcome, unreadable } from './read-sources';
import { draftOutcome, newGroup, readGroup, type ProfileGroup } from './read-groups';
import { parseRest, shareFiles, type ReadShare, type UnparsedText } from './read-shares';
import { withTrimmedRows } from './trimmed-rows';

export type { DecodedFileInfo, LayoutDrift, ReadBillOptions, ReadOutcome } from './read-types';
export { joinShares, type ReadShare } from './read-shares';

/** Rows shown in the mapping wizard's sample. */
const SAMPLE_ROWS = 5;
/** Share of the progress bar for parsing (reading into drafts is the rest). */
const PARSE_SHARE = 0.85;

/**
 * Reads the files of one upload and returns one outcome per group: a draft per carrier profile
 * (a Verizon ZIP's summary files form one draft), a draft per mapped file, and a question or an
 * error for each file that cannot be read yet. Bad data is reported in the outcomes, never thrown.
 */
export function readBills(
  files: readonly UploadedFile[],
  options: ReadBillOptions = {},
): ReadOutcome[] {
  return readBillsPart(files, options).outcomes;
}

/** Reads `files` whole, or the part `shard` says of a read two workers share (see `ReadShare`). */
export function readBillsPart(
  files: readonly UploadedFile[],
  options: ReadBillOptions = {},
  shard?: 0 | 1,
): ReadShare {
  const outcomes: ReadOutcome[] = [];
  const elsewhere: number[] = [];
  const memberNames: string[][] = [];
  const members: UploadedFile[] = [];
  const rogers: RogersArchive[] = [];
  const looseRogers: RogersArchive[] = [];
  const limits = importLimits(options.limits);
  for (const file of files) {
    const expanded = expandUpload(file, { ...options, limits });
    memberNames.push(expanded.ok ? expanded.value.map((member) => member.name) : [file.name]);
    if (expanded.ok) {
      // Rogers usage archives: headerless call files named by a Header file of the same upload
      // (of the same ZIP; or, picked loose, any of the pick's loose files).
      const taken = takeRogersFiles(expanded.value);
      const isLoose = expanded.value.length === 1 && expanded.value[0]?.name === file.name;
      if (taken.archive !== null) (isLoose ? looseRogers : rogers).push(taken.archive);
      members.push(...taken.rest);
      outcomes.push(...hiddenMemberOutcomes(file, limits));
    } else outcomes.push(unreadable(file.name, expanded.errors.map((e) => e.message).join(' ')));
  }
  if (looseRogers.length > 0) rogers.push(joinLooseFiles(looseRogers));

  const x12Files: (X12File & { info: DecodedFileInfo })[] = [];
  // A shared read first reads only each table's header: where a file goes follows from it alone,
  // and each worker then parses whole only the files it reads (see `parseRest`).
  const unparsed = shard === undefined ? undefined : new Map<ParsedFile, UnparsedText>();
  const parsed = parseAll(members, outcomes, limits, options, x12Files, unparsed);
  if (x12Files.length > 0 && shard !== 1) outcomes.push(...readX12Outcomes(x12Files, limits));
  const reports = parsed.filter((file) => file.report !== undefined);
  const routed = parsed.flatMap((file) =>
    file.report === undefined ? [{ file, ...routeOf(file.table.header, options) }] : [],
  );
  // Rogers usage attaches to the drafts read beside it: such a read is not shared.
  const shared = rogers.length > 0 ? undefined : unparsed;
  const { profiles, owners, mine } = shareFiles(routed, shard, shared);
  const parsing = (fraction: number) => options.onProgress?.(PARSE_SHARE * fraction);
  const parse = (text: string, sniff: TableSniff, onProgress: (fraction: number) => void) =>
    readTable(text, sniff, { onProgress, limits, strictWidth: true });
  if (unparsed !== undefined) parseRest(mine, unparsed, parse, parsing);
  const groups = new Map(profiles.map((profile) => [profile, newGroup()]));
  for (const route of mine) {
    const outcome = classify(route.file, route, options, groups);
    if (outcome !== null) outcomes.push(outcome);
  }
  // Shard 1 gives its drafts alone; shard 0 leaves a place for each of them among its outcomes.
  const drafts: ReadOutcome[] = shard === 1 ? [] : outcomes;
  for (const [i, [profile, group]] of [...groups].entries()) {
    if ((owners?.[i] ?? 0) === (shard ?? 0)) drafts.push(readGroup(profile, group, options));
    else if (shard === 0) elsewhere.push(outcomes.length + elsewhere.length);
  }
  if (shard !== 1 && reports.length > 0) {
    const texts = reports.map((file) => ({ name: file.name, text: file.report ?? '' }));
    // TELUS bills in Canadian dollars, written with a bare "$".
    const names = reports.map((file) => file.name);
    const read = readReportFiles(texts, options.storedInvoices);
    const draft = billInCurrency(read, CANADIAN_DOLLARS, names, options);
    outcomes.push('kind' in draft ? draft : draftOutcome(draft, reports, options));
  }
  if (shard !== 1 && rogers.length > 0) outcomes.push(rogersOutcome(rogers, outcomes, options));
  options.onProgress?.(1);
  return { outcomes: drafts, elsewhere, memberNames };
}

/**
 * The members of a ZIP left out as hidden (see `hiddenZipMembers`), each as a file not imported
 * that says why and what to do: never passed over without a word.
 */
function hiddenMemberOutcomes(file: UploadedFile, limits: ImportLimits): ReadOutcome[] {
  return hiddenZipMembers(file, limits).map((path) => ({
    kind: 'unreadable',
    fileName: `${file.name} › ${path}`,
    message:
      'left out, as hidden (its name, or a folder of it, starts with a dot). If it is a bill, rename it without the dot and import it again.',
    hidden: true,
  }));
}

function parseAll(
  members: readonly UploadedFile[],
  outcomes: ReadOutcome[],
  limits: ImportLimits,
  options: ReadBillOptions,
  x12Files: (X12File & { info: DecodedFileInfo })[],
  unparsed?: Map<ParsedFile, UnparsedText>,
): ParsedFile[] {
  const { onProgress } = options;
  const totalBytes = members.reduce((sum, file) => sum + file.bytes.length, 0) || 1;
  let doneBytes = 0;
  const parsed: ParsedFile[] = [];
  for (const member of members) {
    const size = member.bytes.length;
    if (isPdf(member.bytes)) {
      const message = `"${member.name}" ${PDF_NOTICE}`;
      outcomes.push({ kind: 'unreadable', fileName: member.name, message, pdf: true });
      doneBytes += size;
      continue;
    }
    if (isCompoundFile(member.bytes)) {
      outcomes.push(unreadable(member.name, `"${member.name}" ${COMPOUND_FILE_NOTICE}`));
      doneBytes += size;
      continue;
    }
    if (isXlsx(member.bytes)) {
      const sheet = readXlsxMember(member, limits, options);
      if (sheet.kind === 'outcome') outcomes.push(sheet.outcome);
      else parsed.push(sheet.file);
      doneBytes += size;
      continue;
    }
    const decoded = decodeBytes(member.bytes);
    const info: DecodedFileInfo = {
      name: member.name,
      encoding: decoded.encoding,
      replacementChars: decoded.replacementChars,
    };
    if (decoded.utf8Lines !== undefined) {
      info.utf8Lines = decoded.utf8Lines;
      info.utf8LineCount = decoded.utf8LineCount ?? decoded.utf8Lines.length;
    }
    // EDI X12 is recognised by its content (ISA first), whatever the file is called.
    if (looksLikeX12(decoded.text)) {
      x12Files.push({ ...info, text: decoded.text, info });
      doneBytes += size;
      continue;
    }
    // A headerless record layout the importer does not read: named, never offered for mapping.
    // So is a portal's "Excel" export that is markup (an HTML table, an XML spreadsheet).
    const notice = looksLikeEds(decoded.text) ? EDS_NOTICE : markupSpreadsheetNotice(decoded.text);
    if (notice !== null) {
      outcomes.push(unreadable(member.name, `"${member.name}" ${notice}`));
      doneBytes += size;
      continue;
    }
    if (isReportText(decoded.text)) {
      parsed.push({
        name: member.name,
        info,
        table: { header: [], rows: [], problems: [] },
        report: decoded.text,
      });
      doneBytes += size;
      continue;
    }
    const sniff = sniffTable(decoded.text);
    if (!sniff.ok) {
      const outcome = unreadable(member.name, sniff.errors.map((e) => e.message).join(' '));
      if (outcome.kind === 'unreadable' && decoded.text.trim() === '') outcome.empty = true;
      outcomes.push(outcome);
    } else {
      const onBytes = (fraction: number) =>
        onProgress?.((PARSE_SHARE * (doneBytes + fraction * size)) / totalBytes);
      const how = { onProgress: onProgress && onBytes, limits, strictWidth: true };
      // Only the header when `unparsed` is given (a shared read: see `parseRest`).
      const read = unparsed === undefined ? readTable : readTableHeader;
      const table = read(decoded.text, sniff.value, how);
      if (table.refused !== undefined) {
        outcomes.push(unreadable(member.name, table.refused));
        doneBytes += size;
        continue;
      }
      const file = { name: member.name, info, table };
      parsed.push(file);
      unparsed?.set(file, { text: decoded.text, sniff: sniff.value });
    }
    doneBytes += size;
  }
  return parsed;
}

/** Where a file goes, known from its header alone (see `routeOf`). */
type Route =
  | { kind: 'mapped'; mapping: ColumnMapping }
  | { kind: 'group'; fit: LayoutFit }
  | { kind: 'twins'; problem: string }
  | { kind: 'ask'; drift?: LayoutFit };

/**
 * Where a file with this header goes: the mapping just made, a profile's group (unless two of its
 * columns name the same field), a saved mapping, else a question.
 */
function routeOf(header: readonly string[], options: ReadBillOptions): Route {
  const signature = headerSignature(header);
  if (options.mapping !== undefined && options.mapping.signature === signature) {
    return { kind: 'mapped', mapping: options.mapping };
  }
  const fit = bestFit(CARRIER_PROFILES, header);
  if (fit?.kind === 'match') {
    const twins = duplicateColumnProblem(header, Object.values(fit.fit.columns));
    return twins === null ? { kind: 'group', fit: fit.fit } : { kind: 'twins', problem: twins };
  }
  const saved = options.savedMappings?.find((mapping) => mapping.signature === signature);
  if (saved !== undefined) return { kind: 'mapped', mapping: saved };
  return fit?.kind === 'drift' ? { kind: 'ask', drift: fit.fit } : { kind: 'ask' };
}

/** Puts a file into its profile's group, or returns its own outcome (mapped draft or question). */
function classify(
  file: ParsedFile,
  route: Route,
  options: ReadBillOptions,
  groups: Map<CarrierProfile, ProfileGroup>,
): ReadOutcome | null {
  const { header } = file.table;
  if (route.kind === 'mapped') return readMapped(file, route.mapping, options);
  if (route.kind === 'twins') return unreadable(file.name, route.problem);
  if (route.kind === 'ask') {
    const outcome: ReadOutcome = {
      kind: 'needs-mapping',
      fileName: file.name,
      header,
      sample: file.table.rows.slice(0, SAMPLE_ROWS).map((row) => row.cells),
      guess: guessMapping(header),
    };
    if (route.drift !== undefined) outcome.drift = driftOf(route.drift);
    return outcome;
  }
  const { fit } = route;
  // Rows whose exporter left out trailing blank cells the layout may lack are read as blank.
  file.table = withTrimmedRows(file.table, fit.layout, fit.columns);
  const group = groups.get(fit.profile) ?? newGroup();
  groups.set(fit.profile, group);
  group.files.push(file);
  const ignoredBecause = fit.layout.ignoredBecause;
  if (ignoredBecause !== undefined)
    group.ignored.push({ sourceFile: file.name, reason: ignoredBecause });
  else {
    for (const choice of fit.choices) group.choices.push({ sourceFile: file.name, ...choice });
    group.tables.push({
      fileName: file.name,
      layout: fit.layout,
      header,
      rows: file.table.rows,
      columns: fit.columns,
    });
  }
  return null;
}

function driftOf(fit: LayoutFit): LayoutDrift {
  return {
    profileId: fit.profile.id,
    layoutName: fit.layout.name ?? fit.profile.layoutName,
    missing: fit.missing,
    added: fit.added,
  };
}

function readMapped(
  file: ParsedFile,
  mapping: ColumnMapping,
  options: ReadBillOptions,
): ReadOutcome {
  const { header, rows } = file.table;
  const twins = duplicateColumnProblem(header, Object.values(mappedColumns(header, mapping)));
  if (twins !== null) return unreadable(file.name, twins);
  const problems = mappingProblems(header, mapping);
  if (problems.length > 0) {
    return {
      kind: 'needs-mapping',
      fileName: file.name,
      header,
      sample: rows.slice(0, SAMPLE_ROWS).map((row) => row.cells),
      guess: mapping,
      problems,
    };
  }
  let order: DateOrder | undefined =
    mapping.dateOrder === 'auto' ? options.dateOrder : mapping.dateOrder;
  if (order === undefined) {
    const table: ChargeTable = {
      fileName: file.name,
      header,
      rows,
      columns: mappedColumns(header, mapping),
    };
    const decision = decideDateOrder(chargeDateSamples(table), options.defaultDateOrder);
    if (decision.kind === 'ask') {
      return {
        kind: 'needs-date-order',
        fileName: file.name,
        candidates: decision.candidates,
        examples: decision.examples,
      };
    }
    order = decision.order;
  }
  const result = applyMapping(file.table, mapping, file.name, order);
  if (!result.ok) return unreadable(file.name, result.errors.map((e) => e.message).join(' '));
  return draftOutcome(result.value, [file], options);
}
