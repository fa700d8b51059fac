/**
 * Match keys for service identifiers.
 *
 * Carriers write the same phone number as `5550000002`, `(555) 000-0002` or `+15550000002`, and the
 * same circuit as `12.HCGS.123456..LEC` or `12/HCGS/123456/LEC`. Matching bills to inventory uses a
 * normalized key; callers always keep the raw text next to it for display and disputes, because a
 * key is for comparing, not for showing.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { CountryCode } from 'libphonenumber-js/min';

/** Characters a phone number may be written with besides digits. */
const PHONE_PUNCTUATION = /^[\d\s+().\-/]+$/;
/** Digits, spaces, parentheses, points and hyphens, the first digit 2 to 9. */
const NANP_FORMATTED = /^[\s().-]*[2-9][\d\s().-]*$/;

/**
 * Characters that show nothing: zero-width spaces and joiners, left-to-right and right-to-left
 * marks, embeddings and isolates, a word joiner, a BOM, a soft hyphen.
 */
const INVISIBLE = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;
/** Typographic dashes and the minus sign, which a word processor puts in a phone number. */
const DASHES = /[\u2010-\u2015\u2212]/g;
/** A character outside printable ASCII: only text with one needs Unicode normalisation. */
const NOT_ASCII = /[^ -~\t\r\n]/;
/** Excel's formula that keeps a number as text (`="5550100001"`). */
const TEXT_FORMULA = /^="(.*)"$/;
/**
 * A long number written as a decimal with nothing after the point (`5550100001.0`): what a data
 * tool (pandas, a database export) makes of an identifier it read as a number.
 */
const NUMBER_WITH_ZERO_DECIMALS = /^(\+?\d{6,})\.0+$/;

/**
 * Text with compatibility characters made their plain forms (NFKC): full-width letters, digits
 * and punctuation (`ＳＶＣ－５`, `５５５-０１０-０００１`, as a Japanese-locale spreadsheet writes
 * them), circled digits, ligatures. ASCII text is returned as it is, so its keys never change.
 */
function compatible(text: string): string {
  return NOT_ASCII.test(text) ? text.normalize('NFKC') : text;
}

/**
 * An identifier without what a spreadsheet or a word processor wrapped it in: invisible
 * characters, typographic dashes, compatibility forms (full-width `ＳＶＣ－５` → `SVC-5`), Excel's
 * text marks (a leading `'`, `="…"`) and the `.0` a data tool adds to a long number. What is left
 * is the identifier as the carrier wrote it.
 */
export function plainIdentifier(raw: string): string {
  let text = compatible(raw.replace(INVISIBLE, '')).replace(DASHES, '-').trim();
  const formula = TEXT_FORMULA.exec(text);
  if (formula !== null) text = (formula[1] ?? '').trim();
  if (text.startsWith("'")) text = text.slice(1).trim();
  const decimal = NUMBER_WITH_ZERO_DECIMALS.exec(text);
  if (decimal !== null) text = decimal[1] ?? text;
  return text;
}

/**
 * The E.164 match key of a phone number (`+15551234567`), or null when the text is not a phone
 * number (masked `*`, `N/A`, blank, letters, too few digits).
 *
 * This is a key, not validation: fictional numbers such as 555-0100 are not valid according to
 * libphonenumber, yet they must match themselves. So a number is kept whenever its length is
 * possible for the country; for the North American plan, 10 digits (or 11 starting with 1) always
 * give `+1` and the ten digits.
 */
export function phoneMatchKey(raw: string, defaultCountry: CountryCode = 'US'): string | null {
  const text = plainIdentifier(raw);
  if (!PHONE_PUNCTUATION.test(text)) return null;
  const digits = text.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return null;
  const northAmerican = defaultCountry === 'US' || defaultCountry === 'CA';
  // The common case, a North American number (`555-010-0001`, `(555) 200-0001`): ten digits, the
  // first neither a trunk prefix (1) nor an international one (0), no `+` or `/`. libphonenumber
  // reads it as `+1` and the ten digits (a possible length in every NANP country), and when it
  // cannot, the fallback below gives the same; it is left out, as it costs ~0.1 ms a number.
  if (northAmerican && digits.length === 10 && NANP_FORMATTED.test(text)) return `+1${digits}`;
  const parsed = parsePhoneNumberFromString(text, defaultCountry);
  if (parsed?.isPossible()) return parsed.number;
  if (northAmerican && !text.startsWith('+')) {
    if (digits.length === 10) return `+1${digits}`;
    if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
  }
  return null;
}

/**
 * Words a bill writes where a service identifier would be on a row of account-level charges
 * (Verizon's `N/A`, the `Account` row of T-Mobile's summary, `Account level`): no service.
 */
const ACCOUNT_LEVEL: ReadonlySet<string> = new Set([
  'NA',
  'ACCOUNT',
  'ACCOUNTLEVEL',
  'ACCOUNTCHARGES',
  'ACCOUNTLEVELCHARGES',
]);

/** Whether a bill's text where a service would be says the row is the account's (`N/A`, `Account`). */
export function isAccountLevelWord(raw: string): boolean {
  return ACCOUNT_LEVEL.has(
    compatible(raw)
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, ''),
  );
}

/**
 * The match key of a circuit ID: compatibility forms made plain (full-width `ＳＶＣ－５` is
 * `SVC-5`), upper case, every character that is not an ASCII letter or digit removed
 * (`12.HCGS.123456..LEC` → `12HCGS123456LEC`). An identifier with no ASCII letter or digit
 * (`ЛИНИЯ`, `回線`) is keyed by its letters and digits in any script, so it is still a service (met
 * again, or reported unknown), never an account-level charge. Null when nothing is left, or for a
 * word marking account-level charges (`N/A`, `Account`).
 */
export function circuitMatchKey(raw: string): string | null {
  const text = compatible(raw).toUpperCase();
  let key = text.replace(/[^A-Z0-9]/g, '');
  if (key === '' && NOT_ASCII.test(text)) key = text.replace(/[^\p{L}\p{N}\p{M}]/gu, '');
  return key === '' || ACCOUNT_LEVEL.has(key) ? null : key;
}

/**
 * The match key of any service identifier on a bill: the phone key when the text is written like a
 * phone number (digits and phone punctuation, a possible length), else the circuit key, else null.
 * Masked values (`*`, `***-***-1234`) and `N/A` give null, so they never match each other.
 */
export function serviceMatchKey(raw: string, defaultCountry: CountryCode = 'US'): string | null {
  const text = plainIdentifier(raw);
  // After `plainIdentifier`, so a full-width mask (`＊＊＊-１２３４`) is one too.
  if (text.includes('*')) return null;
  const phone = phoneMatchKey(text, defaultCountry);
  if (phone !== null) return phone;
  return circuitMatchKey(text);
}
