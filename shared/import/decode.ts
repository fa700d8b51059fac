/**
 * Bytes to text. Carrier files are UTF-8 (with or without a BOM) or Windows-1252 / ISO-8859-1
 * (Canadian carriers, older exports). Bytes that are not valid UTF-8 can only be a single-byte
 * encoding, and Windows-1252 is the superset of ISO-8859-1 that Windows exports really use.
 */

/** Which encoding the bytes were read as. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'windows-1252';

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
}

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

/** Decodes a bill file: UTF-8 (BOM stripped) when the bytes are valid UTF-8, else Windows-1252. */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  const utf8 = decodeUtf8Strict(body);
  if (utf8 !== null) {
    return {
      text: utf8,
      encoding: hasBom ? 'utf-8-bom' : 'utf-8',
      replacementChars: countReplacementChars(utf8),
    };
  }
  const text = decodeWindows1252(bytes);
  return { text, encoding: 'windows-1252', replacementChars: countReplacementChars(text) };
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
