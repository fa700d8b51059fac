/**
 * A cheap look at one record's text before it is parsed: how deeply its fields nest and how many
 * values, objects and lists it holds. `JSON.parse` allocates every value at once — 180 MB of `{},`
 * become 60,000,000 objects and gigabytes — and a record nested thousands of levels deep would
 * overflow the stack of anything walking it; both are refused from these counts instead.
 */
import { MAX_DECODE_DEPTH } from './codec';

/**
 * How deeply a record's fields may nest, the record itself level 1. The deepest real record is a
 * setting holding a list of presets or a service event's changes (4 or 5 levels); nothing TEM Desk
 * writes comes near this.
 */
export const MAX_RECORD_DEPTH = MAX_DECODE_DEPTH;

/**
 * Objects and lists of a record beyond which they must carry data: a real record's hold keys and
 * values (a usage record is ~180 characters, a `$bin` entry 30), never thousands of `{}` or `[]`.
 */
const FREE_STRUCTURES = 1_000;

/** The fewest characters an object or list of a record takes on average, past the first 1,000. */
const STRUCTURE_CHARS = 8;

/** What a record's text holds, counted without parsing it. */
export interface RecordShape {
  /** Objects and lists, the record itself included. */
  structures: number;
  /** Field values and list entries, objects and lists included (at least; one per comma). */
  values: number;
}

/** Why a record's text is refused before parsing, as a phrase for a sentence. */
export type RecordShapeProblem = { problem: string };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;

const DAMAGED = 'so the file is damaged or was not made by TEM Desk';

/** Where the text opened at `open` ends (a quote after an even run of backslashes), or -1. */
function closingQuote(bytes: Uint8Array, open: number): number {
  let at = bytes.indexOf(QUOTE, open + 1);
  for (;;) {
    if (at < 0) return -1;
    let backslashes = 0;
    while (bytes[at - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return at;
    at = bytes.indexOf(QUOTE, at + 1);
  }
}

/**
 * Counts a record's values, objects and lists from its UTF-8 text (brackets inside strings do not
 * count), refusing one nested deeper than {@link MAX_RECORD_DEPTH} or packed with empty objects or
 * lists. Never throws; the text need not be valid JSON (parsing still decides that).
 */
export function scanRecord(bytes: Uint8Array): RecordShape | RecordShapeProblem {
  let depth = 0;
  let structures = 0;
  let commas = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === QUOTE) {
      i = closingQuote(bytes, i);
      if (i < 0) break; // An unterminated text: parsing refuses it.
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      structures++;
      if (++depth > MAX_RECORD_DEPTH) {
        return {
          problem: `its fields are nested more than ${MAX_RECORD_DEPTH} levels deep, which no TEM Desk record is, ${DAMAGED}`,
        };
      }
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) depth--;
    else if (byte === COMMA) commas++;
  }
  if (structures > FREE_STRUCTURES && bytes.length < structures * STRUCTURE_CHARS) {
    return {
      problem: `it holds ${structures.toLocaleString('en-US')} empty groups of fields or lists, which no TEM Desk record does, ${DAMAGED}`,
    };
  }
  return { structures, values: structures + commas };
}
