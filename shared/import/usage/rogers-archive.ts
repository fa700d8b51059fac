/**
 * Rogers usage archives: a ZIP per usage type holding `Header-<Type>.txt` and one or more
 * `ALL_CALLS-<Type>….txt`. The call files have no header row: each row is pipe-delimited values
 * (padded with spaces, a trailing `|`), and the Header file names their columns, one a line as
 * `Name,width,Type` after a first line giving the type and the billing cycle
 * (`Voice-RM Type : 10/21/2022 - 11/20/2022`) and a blank line, with CRLF line ends. This module
 * finds those files in an upload and pairs each call file with its Header; `rogers-usage.ts` reads them.
 */
import type { IsoDate } from '../../dates';
import { isIsoDate } from '../../dates';
import type { UploadedFile } from '../archive';
import { decodeBytes } from '../decode';

/** A Header file's facts. */
export interface RogersHeader {
  fileName: string;
  /** As written: `Voice`, `Voice-RM`, `SMS`, `GPRS`, `GPRS-RM`. */
  type: string;
  cycleStart: IsoDate;
  cycleEnd: IsoDate;
  /** The column names, in order (a name may repeat: `Province` of the caller and of the called). */
  columns: string[];
}

/** A call file with the Header that names its columns (null when the archive has none fitting). */
export interface RogersCallFile {
  fileName: string;
  text: string;
  header: RogersHeader | null;
  /** The type its name gives (`ALL_CALLS-Voice-2.txt` → `Voice-2`), by which its Header is found. */
  type: string;
}

/** The Rogers files of one upload, paired; with the Header files that could not be read. */
export interface RogersArchive {
  headers: RogersHeader[];
  calls: RogersCallFile[];
  /** Header files whose text is not a Rogers header, with why. */
  badHeaders: { fileName: string; message: string }[];
}

const HEADER_NAME = /^Header-(.+)\.txt$/i;
const CALLS_NAME = /^ALL_CALLS-(.+)\.txt$/i;
const TITLE =
  /^\s*(.+?)\s+Type\s*:\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*-\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/i;

/** `MM/DD/YYYY` parts as an ISO date; null when not a real date. */
function mdy(month: string, day: string, year: string): IsoDate | null {
  const text = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDate(text) ? text : null;
}

/** A Header file's facts, or why it is not one. */
export function readRogersHeader(
  fileName: string,
  text: string,
): { ok: true; header: RogersHeader } | { ok: false; message: string } {
  const lines = text.split(/\r?\n/);
  const title = TITLE.exec(lines[0] ?? '');
  const cycleStart = title && mdy(title[2] ?? '', title[3] ?? '', title[4] ?? '');
  const cycleEnd = title && mdy(title[5] ?? '', title[6] ?? '', title[7] ?? '');
  if (title === null || !cycleStart || !cycleEnd) {
    return {
      ok: false,
      message: `"${fileName}" should start with the usage type and its billing cycle, like "Voice Type : 03/21/2023 - 04/20/2023", but starts "${(lines[0] ?? '').slice(0, 80)}".`,
    };
  }
  const columns: string[] = [];
  for (const line of lines.slice(1)) {
    if (line.trim() === '') continue;
    // `Name,width,Type`: the name may hold commas, the last two fields never do.
    const parts = line.split(',');
    if (parts.length < 3) {
      return {
        ok: false,
        message: `"${fileName}" should list its columns as "Name,width,Type", one a line, but has "${line.slice(0, 80)}".`,
      };
    }
    columns.push(parts.slice(0, -2).join(',').trim());
  }
  if (columns.length === 0)
    return { ok: false, message: `"${fileName}" names no columns after its first line.` };
  return { ok: true, header: { fileName, type: title[1] ?? '', cycleStart, cycleEnd, columns } };
}

/**
 * A file's own name, without the ZIP or the folders it is in (`voice.zip › Header-Voice.txt`,
 * `2026-03/gprs/Header-GPRS.txt` → `Header-Voice.txt`, `Header-GPRS.txt`).
 */
function ownName(name: string): string {
  const member = name.split(' › ').pop() ?? name;
  return (member.split(/[/\\]/).pop() ?? member).trim();
}

/** Letters and digits only, lower case: how Header and call file types are compared. */
function typeKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The fields of a call file's first row (its values end with a `|`, which ends no field). */
function fieldsOf(text: string): number {
  const first = text.slice(0, text.search(/\r?\n|$/)).replace(/\|\s*$/, '');
  return first.split('|').length;
}

/**
 * The Header a call file goes with: the one whose type — by its file name or its first line — is
 * the longest start of the call file's (`ALL_CALLS-VoiceRM` → `Header-Voice`), else the only one
 * there is. Of Headers that fit as well (two `Header-GPRS.txt` unzipped from the GPRS and the
 * GPRS-RM archives into one pick), one naming as many columns as the call file has fields.
 */
function headerFor(
  callsType: string,
  text: string,
  headers: readonly RogersHeader[],
): RogersHeader | null {
  const key = typeKey(callsType);
  let best: RogersHeader[] = [];
  let bestLength = -1;
  for (const header of headers) {
    const named = typeKey(HEADER_NAME.exec(ownName(header.fileName))?.[1] ?? '');
    const titled = typeKey(header.type);
    const length = Math.max(
      named !== '' && key.startsWith(named) ? named.length : -1,
      titled !== '' && key.startsWith(titled) ? titled.length : -1,
    );
    if (length < 0 || length < bestLength) continue;
    if (length > bestLength) best = [];
    best.push(header);
    bestLength = length;
  }
  if (best.length === 0) return headers.length === 1 ? (headers[0] ?? null) : null;
  if (best.length === 1) return best[0] ?? null;
  const fields = fieldsOf(text);
  return best.find((header) => header.columns.length === fields) ?? best[0] ?? null;
}

/** Whether a call file's first line is data (pipe-delimited, no header row), not a report. */
function looksLikeCalls(text: string): boolean {
  const first = text.slice(0, text.search(/\r?\n|$/));
  return first.includes('|') && /\|\s*$/.test(first);
}

/**
 * Takes the Rogers usage files out of an upload's members: Header files and the call files they
 * name, and headerless call files alone (refused later with a sentence). The rest is returned.
 */
export function takeRogersFiles(members: readonly UploadedFile[]): {
  archive: RogersArchive | null;
  rest: UploadedFile[];
} {
  const headers: RogersHeader[] = [];
  const badHeaders: RogersArchive['badHeaders'] = [];
  const callFiles: { fileName: string; text: string; type: string }[] = [];
  const rest: UploadedFile[] = [];
  for (const member of members) {
    const headerName = HEADER_NAME.exec(ownName(member.name));
    const callsName = CALLS_NAME.exec(ownName(member.name));
    if (headerName === null && callsName === null) {
      rest.push(member);
      continue;
    }
    const { text } = decodeBytes(member.bytes);
    if (headerName !== null) {
      if (!TITLE.test(text.slice(0, 200).split(/\r?\n/)[0] ?? '')) {
        rest.push(member);
        continue;
      }
      const read = readRogersHeader(member.name, text);
      if (read.ok) headers.push(read.header);
      else badHeaders.push({ fileName: member.name, message: read.message });
    } else if (looksLikeCalls(text)) {
      callFiles.push({ fileName: member.name, text, type: callsName?.[1] ?? '' });
    } else {
      rest.push(member);
    }
  }
  if (headers.length === 0 && callFiles.length === 0 && badHeaders.length === 0)
    return { archive: null, rest };
  const calls = callFiles.map((file) => ({
    ...file,
    header: headerFor(file.type, file.text, headers),
  }));
  return { archive: { headers, calls, badHeaders }, rest };
}

/**
 * The Rogers files picked loose — an archive unzipped, its Header and call files picked or kept
 * in a folder, as users do with a download — as one archive, each call file paired with a Header
 * among all of them. (Files of one ZIP are paired within it: two archives hold Headers of one name.)
 */
export function joinLooseFiles(archives: readonly RogersArchive[]): RogersArchive {
  const headers = archives.flatMap((archive) => archive.headers);
  return {
    headers,
    calls: archives.flatMap((archive) =>
      archive.calls.map((file) => ({ ...file, header: headerFor(file.type, file.text, headers) })),
    ),
    badHeaders: archives.flatMap((archive) => archive.badHeaders),
  };
}
