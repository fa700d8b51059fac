/**
 * Character-by-character scanners for the commonest cell texts of a large bill (an everyday amount,
 * a grouped count, plain digits, `N/A`): each gives exactly what the general readers in `cells.ts`
 * give for the texts it accepts, and refuses the rest to them.
 */

/**
 * The cents of an everyday amount, or null for any other text: an optional minus sign or
 * enclosing parentheses (a credit), an optional `$`, up to 12 whole digits, then optionally a point
 * and up to two decimals, with at least one digit (`12.34`, `-5`, `$.30`, `($10.00)`, `-$5.`).
 * Read character by character, because the general reader's dozen checks (and even one regular
 * expression's match array) dominate a large import; anything else goes to `centsFromText`, which
 * reads these texts the same. None of them is decimal evidence (no thousands separator, at most
 * two decimals).
 */
export function simpleCents(text: string): number | null {
  const length = text.length;
  let end = length;
  let at = 0;
  let negative = false;
  const first = text.charCodeAt(0);
  if (first === OPEN) {
    if (length < 2 || text.charCodeAt(length - 1) !== CLOSE) return null;
    negative = true;
    at = 1;
    end = length - 1;
  } else if (first === MINUS) {
    negative = true;
    at = 1;
  }
  if (text.charCodeAt(at) === DOLLAR) at += 1;
  const wholeStart = at;
  let whole = 0;
  for (; at < end; at += 1) {
    const digit = text.charCodeAt(at) - ZERO;
    if (digit < 0 || digit > 9) break;
    whole = whole * 10 + digit;
  }
  const wholeDigits = at - wholeStart;
  if (wholeDigits > 12) return null;
  let fraction = 0;
  let fractionDigits = 0;
  if (at < end) {
    // A point, then at most two digits, then the end.
    if (text.charCodeAt(at) !== POINT) return null;
    for (at += 1; at < end; at += 1) {
      const digit = text.charCodeAt(at) - ZERO;
      if (digit < 0 || digit > 9 || fractionDigits === 2) return null;
      fraction = fraction * 10 + digit;
      fractionDigits += 1;
    }
  }
  if (wholeDigits + fractionDigits === 0) return null;
  const magnitude = whole * 100 + (fractionDigits === 1 ? fraction * 10 : fraction);
  return negative ? -magnitude : magnitude;
}

/**
 * Whether the text upper-cased is `N/A`. Only a text of three characters or fewer can be (upper
 * case never shortens a text), so the others are not upper-cased (a copy per cell).
 */
export function isNotAvailable(text: string): boolean {
  return text.length <= 3 && text.toUpperCase() === 'N/A';
}

/**
 * A count written with thousands separators, `1,618` or `16,743,380` (`/^\d{1,3}(?:,\d{3})+$/`,
 * up to 15 digits), as a number; else null.
 */
export function groupedCount(text: string): number | null {
  const length = text.length;
  const lead = length % 4;
  if (lead === 0 || length < 5 || length > 19) return null;
  let value = 0;
  for (let at = 0; at < length; at += 1) {
    const code = text.charCodeAt(at);
    if (at >= lead && (at - lead) % 4 === 0) {
      if (code !== COMMA) return null;
      continue;
    }
    const digit = code - ZERO;
    if (digit < 0 || digit > 9) return null;
    value = value * 10 + digit;
  }
  return value;
}

/** Whether the text is 1 to 15 ASCII digits (`/^\d{1,15}$/`). */
export function isDigitsOnly(text: string): boolean {
  const length = text.length;
  if (length < 1 || length > 15) return false;
  for (let at = 0; at < length; at += 1) {
    const digit = text.charCodeAt(at) - ZERO;
    if (digit < 0 || digit > 9) return false;
  }
  return true;
}

const ZERO = 48;
const MINUS = 45;
const POINT = 46;
const COMMA = 44;
const DOLLAR = 36;
const OPEN = 40;
const CLOSE = 41;
