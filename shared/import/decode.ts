/**
 * Bytes to text. Carrier files are UTF-8 (with or without a BOM) or Windows-1252 / ISO-8859-1
 * (Canadian carriers, older exports). Bytes that are not valid UTF-8 can only be a single-byte
 * encoding, and Windows-1252 is the superset of ISO-8859-1 that Windows exports really use.
 * Excel's "Unicode text" is UTF-16 (little-endian, usually with a BOM), recognised by its BOM or
 * by the zero byte beside every ASCII character.
 */

/** Which encoding the bytes were read as. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** Decoded text and how it was decoded. */
export interface DecodedText {
  /** The text, without its BOM. */
  text: string;
  encoding: TextEncodingName;
  /**
   * U+FFFD characters already in the text: a file that went through a bad conversion before it
   * reached us. Counted so the preview can warn; never "fixed", since the original is lost.
   */
  replacementChars: number;
  /**
   * In a Windows-1252 file, the lines (1-based) that are UTF-8 instead (a file put together from
   * two exports, or edited in two programs): each was read in its own encoding. The first ten.
   */
  utf8Lines?: number[];
  /** How many lines {@link DecodedText.utf8Lines} would list without its cap. */
  utf8LineCount?: number;
}

/** Lines listed in {@link DecodedText.utf8Lines}. */
const LISTED_UTF8_LINES = 10;

/**
 * Windows-1252 code points for bytes 0x80–0x9F; the rest of the byte range is Latin-1 (byte =
 * code point). The five undefined bytes map to the C1 controls, as the WHATWG Encoding spec does.
 */
const WINDOWS_1252_HIGH: readonly number[] = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
  0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Characters per `String.fromCharCode` call: large enough to be fast, small enough for the stack. */
const CHUNK = 8192;

/** Bytes looked at to recognise UTF-16 without a BOM. */
const UTF16_SAMPLE_BYTES = 4096;

/**
 * Decodes a bill file: UTF-16 when it has a UTF-16 BOM or looks like UTF-16; else UTF-8 (BOM
 * stripped) when the bytes are valid UTF-8; else Windows-1252 (without the UTF-8 BOM, which some
 * tools put before Windows-1252 text: decoding it would put `ï»¿` before the first header).
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  const utf16 = utf16Encoding(bytes);
  if (utf16 !== null) {
    const hasBom = utf16BomAt(bytes) !== null;
    const text = new TextDecoder(utf16, { ignoreBOM: true }).decode(
      hasBom ? bytes.subarray(2) : bytes,
    );
    return {
      text: uniformLineBreaks(text),
      encoding: utf16,
      replacementChars: countReplacementChars(text),
    };
  }
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  const utf8 = decodeUtf8Strict(body);
  if (utf8 !== null) {
    return {
      text: uniformLineBreaks(utf8),
      encoding: hasBom ? 'utf-8-bom' : 'utf-8',
      replacementChars: countReplacementChars(utf8),
    };
  }
  const mixed = decodeLineByLine(body);
  const text = uniformLineBreaks(mixed.text);
  const decoded: DecodedText = {
    text,
    encoding: 'windows-1252',
    replacementChars: countReplacementChars(text),
  };
  if (mixed.utf8Lines.length > 0) {
    decoded.utf8Lines = mixed.utf8Lines.slice(0, LISTED_UTF8_LINES);
    decoded.utf8LineCount = mixed.utf8Lines.length;
  }
  return decoded;
}

/**
 * Bytes that are not UTF-8 as a whole, read line by line: a line that is valid UTF-8 and holds a
 * character past ASCII is UTF-8 (`CafÃ©` would be its bytes read as Windows-1252), every other
 * line Windows-1252. A Windows-1252 file with no such line reads exactly as before.
 */
function decodeLineByLine(bytes: Uint8Array): { text: string; utf8Lines: number[] } {
  const parts: string[] = [];
  const utf8Lines: number[] = [];
  let plainFrom = 0;
  let line = 1;
  for (let start = 0; start < bytes.length; line += 1) {
    let end = bytes.indexOf(0x0a, start);
    end = end === -1 ? bytes.length : end + 1;
    const segment = bytes.subarray(start, end);
    if (segment.some((byte) => byte >= 0x80)) {
      const utf8 = decodeUtf8Strict(segment);
      if (utf8 !== null) {
        parts.push(decodeWindows1252(bytes.subarray(plainFrom, start)), utf8);
        plainFrom = end;
        utf8Lines.push(line);
      }
    }
    start = end;
  }
  parts.push(decodeWindows1252(bytes.subarray(plainFrom)));
  return { text: parts.join(''), utf8Lines };
}

/**
 * The text with its CRLF line breaks made `\n` when it has LF ones too (CRLF rows with LF ones: a
 * file appended to on another system, or Excel's CRLF rows with LF breaks inside quoted cells),
 * else the text as it is. A reader splits rows on one kind of break, found first: the rows ending
 * with another were glued to their neighbours, refused as too wide, or lost. Each break stays one
 * line, so row numbers are unchanged.
 */
export function uniformLineBreaks(text: string): string {
  let crs = 0;
  for (let at = text.indexOf('\r'); at !== -1; at = text.indexOf('\r', at + 1)) crs += 1;
  if (crs === 0) return text;
  let lfs = 0;
  let crlfs = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    lfs += 1;
    if (text.charCodeAt(at - 1) === 0x0d) crlfs += 1;
  }
  // One kind of row break: CRLF throughout, LF throughout, or lone CRs (old Mac exports). (A lone
  // CR in a CRLF or LF file stays a character of its cell, as before.)
  if (lfs === 0 || crlfs === 0 || crlfs === lfs) return text;
  return text.replace(/\r\n/g, '\n');
}

function utf16BomAt(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * UTF-16 by its BOM, or without one by its zero bytes: in UTF-16 text of Latin letters, digits
 * and punctuation every other byte is zero (the odd ones little-endian, the even ones big-endian)
 * and the others are not. A file of nothing but zero bytes is not text at all and stays UTF-8.
 */
function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const bom = utf16BomAt(bytes);
  if (bom !== null) return bom;
  const length = Math.min(bytes.length, UTF16_SAMPLE_BYTES) & ~1;
  if (length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenZeros += 1;
    if (bytes[i + 1] === 0) oddZeros += 1;
  }
  const pairs = length / 2;
  if (oddZeros >= pairs * 0.7 && evenZeros <= pairs * 0.1) return 'utf-16le';
  if (evenZeros >= pairs * 0.7 && oddZeros <= pairs * 0.1) return 'utf-16be';
  return null;
}

/** Reads bytes as Windows-1252. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const codes: number[] = new Array<number>(Math.min(CHUNK, bytes.length));
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length);
    codes.length = end - start;
    for (let i = start; i < end; i += 1) {
      const byte = bytes[i] ?? 0;
      codes[i - start] =
        byte >= 0x80 && byte <= 0x9f ? (WINDOWS_1252_HIGH[byte - 0x80] ?? byte) : byte;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

function decodeUtf8Strict(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // `fatal: true` throws on the first invalid sequence: that is how the API says "not UTF-8".
    return null;
  }
}

function countReplacementChars(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\uFFFD'); at !== -1; at = text.indexOf('\uFFFD', at + 1)) count += 1;
  return count;
}
