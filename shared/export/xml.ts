/** XML text helpers shared by the XLSX writer and its reader. */

/**
 * Characters XML 1.0 cannot hold at all (C0 controls except tab, LF, CR; U+FFFE/U+FFFF; lone
 * surrogates): stripped, since no escape makes them legal.
 */
const INVALID_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point: they are stripped.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` without the characters XML cannot hold. */
export function stripInvalidXml(text: string): string {
  return text.replace(INVALID_XML, '');
}

/**
 * Text safe inside an element or a double-quoted attribute. Also escapes `_xHHHH_`, which Excel
 * would otherwise decode as a character (`_x0041_` → `A`) when reading a string.
 */
export function escapeXml(text: string): string {
  return (
    stripInvalidXml(text)
      .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
      .replaceAll('&', '&amp;')
      .replaceAll('<', '&lt;')
      .replaceAll('>', '&gt;')
      .replaceAll('"', '&quot;')
      .replaceAll("'", '&apos;')
      // A literal CR would be read back as LF (XML end-of-line handling); a character reference survives.
      .replaceAll('\r', '&#13;')
  );
}

/** The inverse of {@link escapeXml} for the entities a spreadsheet writer emits. */
export function unescapeXml(text: string): string {
  return text
    .replace(/&#x([0-9a-fA-F]+);/g, (_match, hex: string) =>
      String.fromCodePoint(parseInt(hex, 16)),
    )
    .replace(/&#(\d+);/g, (_match, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&')
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_match, hex: string) =>
      String.fromCharCode(parseInt(hex, 16)),
    );
}

/** Attributes of one start tag, e.g. `r="A1" s="2"` → `{ r: 'A1', s: '2' }` (values unescaped). */
export function xmlAttributes(tag: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of tag.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)) {
    const [, name, value] = match;
    if (name !== undefined && value !== undefined) attributes[name] = unescapeXml(value);
  }
  return attributes;
}

/** Spreadsheet column letters of a 0-based index: 0 → `A`, 25 → `Z`, 26 → `AA`. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** 0-based column index of a cell reference: `AA12` → 26. */
export function columnIndex(reference: string): number {
  let index = 0;
  for (const char of reference.replace(/\d+$/, '').toUpperCase()) {
    index = index * 26 + (char.charCodeAt(0) - 64);
  }
  return index - 1;
}
