/**
 * EDI X12 text to segments. An interchange declares its own delimiters in its first segment, ISA:
 * the element separator is the character after `ISA`, the sub-element separator is ISA16 and the
 * segment terminator is the character after ISA16 (often followed by a line break, or a line break
 * itself). Real senders do not pad ISA's fixed-width fields, so the separators are found by counting
 * ISA's 16 elements, never by character positions 103–105.
 */
import { formatCount, quoteCell } from '../limits';

/** The delimiters an interchange declared in its ISA segment. */
export interface X12Delimiters {
  element: string;
  subElement: string;
  /** The segment terminator; `'\n'` for files with one segment per line. */
  segment: string;
}

/** One segment of the file, split into its elements. */
export interface X12Segment {
  /** 1-based position of the segment in the file (ISA is 1): how errors point at it. */
  number: number;
  /** Segment name (`ISA`, `BIG`, `IT1`…), upper-case as written. */
  id: string;
  /** The elements after the name: `elements[0]` is element 01. */
  elements: string[];
}

/** Most segments read from one EDI file: a 100 MB file of the shortest real segments. */
export const MAX_X12_SEGMENTS = 5_000_000;

/** Elements of ISA, which has a fixed count in every X12 version. */
const ISA_ELEMENTS = 16;

/** Text that holds nothing but spaces, line breaks, NULs and DOS end-of-file marks (^Z). */
function isPaddingOnly(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (char !== 0 && char !== 0x1a && text.charAt(index).trim() !== '') return false;
  }
  return true;
}

/** A segment name: two or three letters or digits, starting with a letter. */
const SEGMENT_ID = /^[A-Z][A-Z0-9]{1,2}$/;

/**
 * Whether decoded text is an X12 interchange: `ISA` (after any blank lines) followed by a
 * separator that is not a letter, digit or space. Decided by content, not by file name, because
 * `.edi`, `.811`, `.x12`, `.txt` and `.dat` are all seen. With a separator spreadsheets also use
 * (comma, semicolon, pipe) the whole ISA segment must be there, so a table whose first
 * column is named "ISA" stays a table; with any other (`*`, `^`…) a damaged ISA is still EDI and
 * is refused with a sentence about its ISA. A tab or a space is never an X12 separator here.
 */
export function looksLikeX12(text: string): boolean {
  const start = firstNonBlank(text);
  if (text.slice(start, start + 3) !== 'ISA') return false;
  const separator = text.charAt(start + 3);
  if (separator === '' || /[\sA-Za-z0-9]/.test(separator)) return false;
  return !TABLE_DELIMITERS.has(separator) || typeof x12Delimiters(text) !== 'string';
}

/** Separators of delimited tables, which a header row starting with "ISA" would also show. */
const TABLE_DELIMITERS = new Set([',', ';', '|']);

function firstNonBlank(text: string): number {
  let index = 0;
  while (index < text.length && index < 4096 && /\s/.test(text.charAt(index))) index += 1;
  return index;
}

/** Options of {@link scanX12}. */
export interface ScanOptions {
  /** Longest segment, in characters. */
  maxSegmentChars: number;
  /** Most elements in one segment. */
  maxElements: number;
  /** Most segments in the file; {@link MAX_X12_SEGMENTS} when not given. */
  maxSegments?: number;
}

/** How a scan ended: the delimiters and the segments met, or why the file cannot be read. */
export type ScanResult =
  { ok: true; delimiters: X12Delimiters; segmentCount: number } | { ok: false; message: string };

/** The delimiters declared by the ISA segment at the start of `text`, or why none can be found. */
export function x12Delimiters(text: string): { delimiters: X12Delimiters; start: number } | string {
  const start = firstNonBlank(text);
  const element = text.charAt(start + 3);
  let index = start + 4;
  for (let found = 1; found < ISA_ELEMENTS; found += 1) {
    const next = text.indexOf(element, index);
    // ISA's elements are short (15 characters at most): a separator far away means a broken ISA.
    if (next === -1 || next - index > 80) {
      return `The EDI interchange header (ISA) is damaged: it should have ${ISA_ELEMENTS} elements separated by "${element}", but element ${found + 1} was not found. Ask the carrier to send the file again.`;
    }
    index = next + 1;
  }
  const subElement = text.charAt(index);
  const terminator = text.charAt(index + 1);
  if (subElement === '' || terminator === '') {
    return 'The EDI file ends inside its interchange header (ISA): the file was cut short. Ask the carrier to send it again.';
  }
  if (/[A-Za-z0-9 ]/.test(terminator) || terminator === element || terminator === subElement) {
    return `The EDI interchange header (ISA) is damaged: the segment terminator after ISA16 is "${terminator}", which cannot end segments. Ask the carrier to send the file again.`;
  }
  const segment = terminator === '\r' || terminator === '\n' ? '\n' : terminator;
  return { delimiters: { element, subElement, segment }, start };
}

/**
 * Reads an interchange segment by segment, handing each to `onSegment` and keeping none, so a
 * large file is never held as millions of segments at once. Line breaks around segments
 * (`~\r\n`) are ignored; with line-break terminators any of CRLF, LF or CR ends a segment. Blank
 * segments, and padding of NULs or a DOS end-of-file mark (^Z), are skipped and not counted. A segment over the limits, or too many segments, stops
 * the scan with a sentence refusing the file.
 */
export function scanX12(
  text: string,
  options: ScanOptions,
  onSegment: (segment: X12Segment) => void,
): ScanResult {
  const found = x12Delimiters(text);
  if (typeof found === 'string') return { ok: false, message: found };
  const { delimiters, start } = found;
  const maxSegments = options.maxSegments ?? MAX_X12_SEGMENTS;
  const newlineTerminated = delimiters.segment === '\n';
  let count = 0;
  let position = start;
  while (position < text.length) {
    let end = newlineTerminated
      ? nextLineBreak(text, position)
      : text.indexOf(delimiters.segment, position);
    if (end === -1) end = text.length;
    const length = end - position;
    // Line breaks around a segment (`~` then CRLF) are not part of it.
    let from = position;
    let to = end;
    while (from < to && isLineBreak(text.charCodeAt(from))) from += 1;
    while (to > from && isLineBreak(text.charCodeAt(to - 1))) to -= 1;
    position = end + 1;
    if (length > options.maxSegmentChars) {
      return {
        ok: false,
        message: `Segment ${formatCount(count + 1)} of the EDI file is ${formatCount(length)} characters long, over the limit of ${formatCount(options.maxSegmentChars)}: the file is damaged or is not an EDI bill.`,
      };
    }
    if (from === to) continue;
    const body = text.slice(from, to);
    // Blank, or the padding some systems write after the last segment (NULs, a DOS end-of-file).
    if (text.charCodeAt(from) <= 32 && isPaddingOnly(body)) continue;
    if (count >= maxSegments) {
      return {
        ok: false,
        message: `The EDI file holds more than ${formatCount(maxSegments)} segments, over the limit for one file: it is damaged or is not one carrier's bill.`,
      };
    }
    const parts = body.split(delimiters.element);
    if (parts.length - 1 > options.maxElements) {
      return {
        ok: false,
        message: `Segment ${formatCount(count + 1)} of the EDI file has ${formatCount(parts.length - 1)} elements, over the limit of ${formatCount(options.maxElements)}: the file is damaged.`,
      };
    }
    count += 1;
    const [id = '', ...elements] = parts;
    onSegment({ number: count, id: id.trim().toUpperCase(), elements });
  }
  return { ok: true, delimiters, segmentCount: count };
}

function isLineBreak(char: number): boolean {
  return char === 10 || char === 13;
}

function nextLineBreak(text: string, from: number): number {
  for (let index = from; index < text.length; index += 1) {
    if (isLineBreak(text.charCodeAt(index))) return index;
  }
  return -1;
}

/** Why a segment's name is not a segment name, or null. */
export function segmentIdProblem(segment: X12Segment): string | null {
  if (SEGMENT_ID.test(segment.id)) return null;
  return `Segment ${segment.number}: "${quoteCell(segment.id, 20)}" is not a segment name (two or three letters or digits): the segment is damaged and is not read.`;
}

/** An element (1-based, as X12 numbers them), trimmed; '' when absent. */
export function element(segment: X12Segment, position: number): string {
  return (segment.elements[position - 1] ?? '').trim();
}

/** `IT104`: a segment name and a 1-based element position, as X12 guides name elements. */
export function elementName(segment: X12Segment, position: number): string {
  return `${segment.id}${String(position).padStart(2, '0')}`;
}
