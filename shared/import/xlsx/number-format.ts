/**
 * Numeric cells to the text a CSV export of the same bill would hold, so every rule downstream
 * (money, dates, identifiers) is the CSV pipeline's. Numbers are plain decimals at Excel's 15
 * significant digits (0.1 + 0.2 stored as 0.30000000000000004 is `0.3`; 1E-7 is `0.0000001`);
 * a number whose format is a date is an ISO date, counted in the workbook's date system; a whole
 * number whose format pads it with zeros (`0000000`) keeps them, as Excel shows it.
 */

/**
 * How a number format shows a value: as a date, a time of day, a number, an amount in a
 * currency other than dollars (`currency`: its symbol or code as the format writes it, `€` for
 * euros and `£` for pounds however written), or a whole number padded with leading zeros to
 * `digits` digits (`0000000`: an account number typed `0012345` is stored as 12345 and shown so).
 */
export type NumberFormatKind =
  'date' | 'time' | 'number' | { currency: string } | { digits: number };

/**
 * Built-in formats (ECMA-376 §18.8.30) that show dates or times: 14–17 and 22 hold a date
 * (`m/d/yyyy`, `d-mmm-yy`, `m/d/yyyy h:mm`), 18–21 and 45 and 47 a time of day, 46 a duration
 * (`[h]:mm:ss`, a number of hours, kept a number). 27–36 and 50–58 are the East Asian date formats.
 */
const BUILT_IN_KINDS: ReadonlyMap<number, NumberFormatKind> = new Map<number, NumberFormatKind>([
  ...[14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58].map(
    (id) => [id, 'date'] as const,
  ),
  ...[18, 19, 20, 21, 32, 33, 45, 47, 55, 56].map((id) => [id, 'time'] as const),
]);

/**
 * What a format code shows. Quoted text, escaped characters, colours and conditions (`[Red]`,
 * `[>100]`, `[$-409]`) are ignored; elapsed-time brackets (`[h]`, `[mm]`, `[ss]`) make a duration,
 * which stays a number; `d`, `y` (or `m` beside them) make a date; `h` or `s` alone a time of day.
 */
export function formatCodeKind(code: string): NumberFormatKind {
  // Only the first section (positive numbers) says how a value is shown.
  const section = firstSection(code);
  if (/\[(?:h+|m+|s+)\]/i.test(section)) return 'number';
  const bare = section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_./g, '')
    .replace(/\*./g, '');
  if (/[dy]/i.test(bare)) return 'date';
  if (/[hs]/i.test(bare)) return 'time';
  // `mmm` alone (a month name) is a date too; `m` alone is ambiguous and rare: a number.
  if (/mmm/i.test(bare)) return 'date';
  const digits = zeroPaddedDigits(section);
  if (digits !== null) return { digits };
  const currency = currencyOfSection(section);
  return currency === null ? 'number' : { currency };
}

/**
 * The digits a format made only of digit placeholders shows a whole number with, when it pads it
 * with leading zeros: `0000000` → 7, `00000#` → 6 (every place from the first `0` on is shown);
 * null for any other format (`0`, `#,##0`, `0.00`, `"ACCT "0000`, `000-000-0000`), whose text
 * stays the number's.
 */
function zeroPaddedDigits(section: string): number | null {
  const placeholders = /^#*(0[0#]*)$/.exec(section.trim());
  const shown = placeholders?.[1]?.length ?? 0;
  return shown >= 2 ? shown : null;
}

/** Currency texts read as dollars: the amount is kept as written (a Canadian bill's `$` too). */
const DOLLARS = /^(?:(?:US|CA|C)?\$|USD|CAD)$/i;
/** A currency symbol (Unicode's currency signs) or the codes of euros and pounds in a text. */
const CURRENCY_IN_TEXT = /\p{Sc}+|\b(?:EUR|GBP)\b/u;

/**
 * The currency a format's section shows amounts in, when not dollars: the text of a `[$€-407]`
 * bracket, or a currency sign in its quoted, escaped or plain text (`"£"#,##0.00`, `#,##0.00 €`,
 * `\¥#,##0`); null for dollars or none. Euros and pounds come back as `€` and `£` (so an amount
 * reads as the CSV export of the same sheet would show it, and is refused the same way); any
 * other as written (`CHF`, `¥`, `R$`), which no amount reader takes as dollars either.
 */
function currencyOfSection(section: string): string | null {
  const texts: string[] = [];
  for (const match of section.matchAll(/\[\$([^\]-]*)[^\]]*\]/g)) {
    const text = (match[1] ?? '').trim();
    if (text !== '') texts.push(text);
  }
  const plain = section.replace(/\[[^\]]*\]/g, '');
  // Written text: the whole of a quoted text holding a sign (`"R$ "` is reais, not dollars).
  for (const match of plain.matchAll(/"([^"]*)"|\\(.)/gu)) {
    const text = (match[1] ?? match[2] ?? '').trim();
    if (CURRENCY_IN_TEXT.test(text)) texts.push(text);
  }
  // A sign left bare (`#,##0.00 €`); `_€` (a space as wide as `€`) and `*€` (fill) show none.
  const bare = plain
    .replace(/"[^"]*"/g, '')
    .replace(/\\./gu, '')
    .replace(/[_*]./gu, '');
  const found = CURRENCY_IN_TEXT.exec(bare);
  if (found !== null) texts.push(found[0]);
  for (const text of texts) {
    if (DOLLARS.test(text)) continue;
    if (text.includes('€') || /^EUR$/i.test(text)) return '€';
    if (text.includes('£') || /^GBP$/i.test(text)) return '£';
    return text;
  }
  return null;
}

/** The format code up to its first unquoted `;`. */
function firstSection(code: string): string {
  let quoted = false;
  for (let i = 0; i < code.length; i += 1) {
    const char = code[i];
    if (char === '"') quoted = !quoted;
    else if (char === '\\') i += 1;
    else if (char === ';' && !quoted) return code.slice(0, i);
  }
  return code;
}

/** How a style's format shows numbers: from its built-in id, else its custom code. */
export function numberFormatKind(
  numFmtId: number,
  customCode: string | undefined,
): NumberFormatKind {
  if (customCode !== undefined) return formatCodeKind(customCode);
  return BUILT_IN_KINDS.get(numFmtId) ?? 'number';
}

/**
 * A number as plain decimal text at 15 significant digits (Excel's precision): float noise gone,
 * no exponent, no trailing zeros.
 */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  // Most cells (1250, 12.5, 46296) are already at most 15 digits long: nothing to round.
  const plain = String(value);
  if (plain.length <= 15 && plain.indexOf('e') < 0) return plain;
  const precise = Number(value.toPrecision(15));
  const text = String(precise);
  if (!/e/i.test(text)) return text;
  return expandExponent(text);
}

/** `1e-7` → `0.0000001`, `-1.5e+21` → `-1500000000000000000000`. */
function expandExponent(text: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/i.exec(text);
  if (match === null) return text;
  const [, sign = '', whole = '', fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText);
  const digits = whole + fraction;
  const point = whole.length + exponent;
  let result: string;
  if (point <= 0) result = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) result = digits + '0'.repeat(point - digits.length);
  else result = `${digits.slice(0, point)}.${digits.slice(point)}`;
  result = result.replace(/^0+(?=\d)/, '');
  if (result.includes('.')) result = result.replace(/0+$/, '').replace(/\.$/, '');
  return sign + result;
}

const MS_PER_DAY = 86_400_000;
/** 1899-12-31 in ms since 1970: serial 1 of the 1900 system is 1900-01-01. */
const EPOCH_1900 = Date.UTC(1899, 11, 31);
/** 1904-01-01: serial 0 of the 1904 system (Mac Excel, `workbookPr date1904`). */
const EPOCH_1904 = Date.UTC(1904, 0, 1);
/** Serials a date cell may hold: up to 9999-12-31 in either system. */
const MAX_SERIAL = 2_958_465;

/** ISO dates already computed, by their time value: a bill repeats a few dates on every row. */
const isoByTime = new Map<number, string>();

function isoOfUtc(ms: number): string {
  let iso = isoByTime.get(ms);
  if (iso === undefined) {
    iso = new Date(ms).toISOString().slice(0, 10);
    if (isoByTime.size < 100_000) isoByTime.set(ms, iso);
  }
  return iso;
}

/**
 * The ISO date of a serial in the workbook's date system; the time of day is dropped. In the 1900
 * system Excel keeps Lotus 1-2-3's mistake: serial 60 is 1900-02-29, a day that never was
 * (returned as written, so the date reader refuses it), and serials from 61 on are one day ahead
 * of a true count from 1899-12-31. Null for a serial no date can have (negative, past 9999).
 */
export function serialToIsoDate(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > MAX_SERIAL) return null;
  const day = Math.floor(serial + 1e-9);
  if (date1904) return isoOfUtc(EPOCH_1904 + day * MS_PER_DAY);
  if (day === 0) return '1900-01-00';
  if (day === 60) return '1900-02-29';
  return isoOfUtc(EPOCH_1900 + (day < 60 ? day : day - 1) * MS_PER_DAY);
}

/** The time of day of a serial's fraction, `HH:MM:SS` (rounded to the second). */
export function serialToTime(serial: number): string {
  const seconds = Math.round((serial - Math.floor(serial)) * 86_400) % 86_400;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
}

/** Whole numbers from here on have more digits than Excel's 15 significant ones. */
const FIFTEEN_DIGITS = 1e15;
const PLAIN_WHOLE = /^-?\d+(?:\.0*)?$/;

/**
 * A numeric cell's text: a date or time when its format shows one, a whole number with the
 * leading zeros its format shows (`0000000`: 12345 is `0012345`, as Excel shows it and a CSV
 * export of the sheet holds it), else its number. `raw` is the value as the sheet writes it (`<v>`).
 *
 * A whole number past 15 digits is an identifier (no amount comes near it: see
 * `MAX_AMOUNT_CENTS`), and rounding it to 15 digits made another one: two invoices numbered
 * `12345678901234567` and `…568` became one `12345678901234600`. Written in full, it is read as
 * written; written in scientific notation (`1.23456789012345E+16`, Excel's own way once it has
 * cut the number to 15 digits), it stays so, and the bill readers refuse it as they refuse the
 * same text in a CSV: its last digits are gone.
 */
export function numericCellText(
  value: number,
  kind: NumberFormatKind,
  date1904: boolean,
  raw = String(value),
): string {
  if (kind === 'date') return serialToIsoDate(value, date1904) ?? numberText(value);
  if (kind === 'time' && value >= 0 && value < 1) return serialToTime(value);
  if (typeof kind === 'object' && 'digits' in kind) {
    // The leading zeros the format shows are the identifier's (an account number `0012345`
    // stored as 12345); a fraction or a negative number is no identifier: read as its number.
    if (Number.isInteger(value) && value >= 0 && value < FIFTEEN_DIGITS)
      return numberText(value).padStart(kind.digits, '0');
  } else if (typeof kind === 'object') {
    // Shown with its currency, as a CSV export of the sheet holds it: `€850`, `-£12.5`, `CHF 3`.
    const { currency } = kind;
    const sign = value < 0 ? '-' : '';
    const separator = /^[A-Za-z]/.test(currency) ? ' ' : '';
    return `${sign}${currency}${separator}${numberText(Math.abs(value))}`;
  }
  if (Math.abs(value) >= FIFTEEN_DIGITS && Number.isInteger(value)) {
    const written = raw.trim();
    if (PLAIN_WHOLE.test(written)) return written.replace(/\.0*$/, '');
    // Excel writes `E+16`; Apache POI and other Java writers `E16`: both are 15 to 17 digits.
    if (/e\+?\d/i.test(written)) return written.toUpperCase().replace(/E(?=\d)/, 'E+');
  }
  return numberText(value);
}
