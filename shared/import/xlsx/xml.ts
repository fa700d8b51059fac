/**
 * A small, strict XML scanner for the parts of an XLSX package. It reads tags and text one at a
 * time (no tree), so a 50 MB worksheet costs its string and nothing more. It never resolves a DTD
 * or an entity: a DOCTYPE refuses the part (that is how XXE and "billion laughs" files start), and
 * only the five predefined entities and numeric character references are decoded. Namespace
 * prefixes are dropped (`x:row` is `row`), as Excel, LibreOffice and .NET writers differ there.
 */

import { quoteCell } from '../limits';

/** What the scanner reports, in document order. */
export interface XmlHandler {
  /** A start tag (or an empty-element tag when `selfClosing`), with its local name. */
  open(name: string, attributes: string, selfClosing: boolean): void;
  /** An end tag, with its local name. */
  close(name: string): void;
  /** Character data between tags, already decoded. */
  text(text: string): void;
}

/** Why a part cannot be read, in words; null when it was scanned to the end. */
export type XmlProblem = string | null;

/** The local name of a qualified name: `x:row` → `row`. */
function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

/** The end of a tag starting at `from`: the `>` not inside a quoted attribute value, or -1. */
function tagEnd(xml: string, from: number): number {
  let quote = 0;
  for (let i = from; i < xml.length; i += 1) {
    const code = xml.charCodeAt(i);
    if (quote === 0) {
      if (code === 0x3e /* > */) return i;
      if (code === 0x22 || code === 0x27) quote = code;
    } else if (code === quote) quote = 0;
  }
  return -1;
}

/** Whether a character ends an element name: whitespace, `/` or `>`. */
function endsName(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x2f ||
    code === 0x3e ||
    code === 0x0a ||
    code === 0x09 ||
    code === 0x0d
  );
}

/**
 * Scans `xml`, calling the handler for each tag and run of text. Returns a sentence for a DOCTYPE,
 * an unterminated tag, comment or CDATA section, an end tag that closes another element, or an
 * element still open at the end; null otherwise. Text outside the root element (whitespace) is
 * ignored by the callers, not here.
 *
 * Elements must nest: a worksheet cut short between two tags (after a `</c>`, between rows) is
 * otherwise read to its last complete cell, and the rows after the cut are lost without a word.
 */
export function scanXml(xml: string, handler: XmlHandler): XmlProblem {
  let at = 0;
  const length = xml.length;
  // Local names of the elements open at `at`, outermost first.
  const open: string[] = [];
  while (at < length) {
    const lt = xml.indexOf('<', at);
    if (lt < 0) {
      if (at < length) handler.text(decodeXmlText(xml.slice(at)));
      break;
    }
    if (lt > at) handler.text(decodeXmlText(xml.slice(at, lt)));
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x3f /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) return 'a processing instruction is never closed';
      at = end + 2;
      continue;
    }
    if (next === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end < 0) return 'a comment is never closed';
        at = end + 3;
        continue;
      }
      if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end < 0) return 'a CDATA section is never closed';
        handler.text(xml.slice(lt + 9, end));
        at = end + 3;
        continue;
      }
      // <!DOCTYPE, <!ENTITY, <!ELEMENT…: declarations a spreadsheet part never needs.
      return 'it holds a DOCTYPE or entity declaration, which TEM Desk never reads (such declarations can make a reader open other files or expand text without end)';
    }
    const end = tagEnd(xml, lt + 1);
    if (end < 0) return 'a tag is never closed (the file is cut short)';
    if (next === 0x2f /* / */) {
      const name = localName(xml.slice(lt + 2, end).trim());
      const innermost = open.pop();
      if (innermost !== name) return mismatchProblem(name, innermost);
      handler.close(name);
    } else {
      const selfClosing = xml.charCodeAt(end - 1) === 0x2f;
      let nameEnd = lt + 1;
      while (nameEnd < end && !endsName(xml.charCodeAt(nameEnd))) nameEnd += 1;
      const name = localName(xml.slice(lt + 1, nameEnd));
      const attributes = xml.slice(nameEnd, selfClosing ? end - 1 : end);
      if (!selfClosing) open.push(name);
      handler.open(name, attributes, selfClosing);
    }
    at = end + 1;
  }
  const unclosed = open.at(-1);
  if (unclosed !== undefined) {
    return `it ends inside its <${unclosed}> element, which is never closed (the file is cut short)`;
  }
  return null;
}

/** Why an end tag `</name>` cannot close the element open (`innermost`, if any). */
function mismatchProblem(name: string, innermost: string | undefined): string {
  const cited = quoteCell(name, 30);
  return innermost === undefined
    ? `it has an end tag </${cited}> with no element open (the file is damaged)`
    : `it has an end tag </${cited}> where its <${innermost}> element should close (the file is damaged)`;
}

const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g;
const PREDEFINED: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

/** A code point that is a valid character, else U+FFFD. */
function codePointText(code: number): string {
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
    return '\uFFFD';
  return String.fromCodePoint(code);
}

/**
 * Text with the predefined entities and character references decoded; any other `&name;` is left
 * as written (never looked up: there is no DTD to define it).
 */
export function decodeXmlText(raw: string): string {
  if (raw.indexOf('&') < 0) return raw;
  return raw.replace(ENTITY, (whole, body: string) => {
    if (body.startsWith('#x')) return codePointText(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return codePointText(Number(body.slice(1)));
    return PREDEFINED[body] ?? whole;
  });
}

/** Excel writes characters XML cannot hold as `_xHHHH_` in strings (`_x000D_` for CR). */
export function decodeExcelEscapes(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_match, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

/**
 * Calls `each` with every attribute of a tag (local name, decoded value), in order, without a
 * regular expression: a worksheet has hundreds of thousands of cells.
 */
export function forEachAttribute(raw: string, each: (name: string, value: string) => void): void {
  const length = raw.length;
  let at = 0;
  while (at < length) {
    const equals = raw.indexOf('=', at);
    if (equals < 0) return;
    let valueStart = equals + 1;
    while (valueStart < length && raw.charCodeAt(valueStart) <= 0x20) valueStart += 1;
    const quote = raw.charCodeAt(valueStart);
    if (quote !== 0x22 && quote !== 0x27) return;
    const valueEnd = raw.indexOf(quote === 0x22 ? '"' : "'", valueStart + 1);
    if (valueEnd < 0) return;
    const name = localName(raw.slice(at, equals).trim());
    if (name !== '') each(name, decodeXmlText(raw.slice(valueStart + 1, valueEnd)));
    at = valueEnd + 1;
  }
}

/**
 * The attributes of a tag by local name (`r:id` → `id`, `x:r` → `r`), values decoded. When a
 * prefixed and an unprefixed attribute share a local name, the first one written wins.
 */
export function xmlAttributes(raw: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  forEachAttribute(raw, (name, value) => {
    if (name === '__proto__' || Object.hasOwn(attributes, name)) return;
    attributes[name] = value;
  });
  return attributes;
}
