/**
 * Identity keys of the ledger, defined once: carriers, accounts, invoices (services are keyed by
 * `serviceMatchKey` in `identifiers.ts`). Carriers' exports, contracts files, inventories and users
 * write the same name or number with other spacing, case and punctuation ("Verizon  Wireless",
 * "VERIZON WIRELESS", "5-KE4X-001" / "5KE4X001"); every door into the ledger — the app's import,
 * inventory and contracts files, the CLI — compares them by these keys, so one carrier or account
 * is one record whichever way it was written. Keys are for comparing; records keep a display form.
 */

const ASCII = /^[ -~]*$/;
const NOT_ASCII_ALNUM = /[^A-Z0-9]/g;

/**
 * The comparison form of a name or number: Unicode-normalised (NFKD, accents dropped), upper case,
 * every character that is not a letter or a digit removed. `AT&T Mobility` → `ATTMOBILITY`.
 */
export function textKey(text: string): string {
  // Most keys are plain ASCII: no accents to drop, and Unicode normalisation is not free.
  if (ASCII.test(text)) return text.toUpperCase().replace(NOT_ASCII_ALNUM, '');
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The display form of a name or number: trimmed, runs of white space made one space. */
export function displayText(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/** The key of a carrier by its name. */
export function carrierKey(name: string): string {
  return textKey(name);
}

/** Shortest name (as a key) that may stand for a longer one: "ATT", "Bell", never "T" or "AT". */
const LEAST_SHORT_KEY = 3;

/**
 * Whether two carrier names are one carrier written shorter or longer by whole words: the
 * shorter name's key is the key of the longer one's first words ("VERIZON" of "Verizon
 * Wireless", "ATT" of "AT&T Mobility", "TMOBILE" of "T-Mobile for Business"). "Carrier 1" and
 * "Carrier 10", or "Verizon Business" and "Verizon Wireless", do not agree.
 */
export function carrierNamesAgree(a: string, b: string): boolean {
  const keyA = carrierKey(a);
  const keyB = carrierKey(b);
  if (keyA === keyB) return keyA !== '';
  const [short, long] = keyA.length < keyB.length ? [keyA, b] : [keyB, a];
  if (short.length < LEAST_SHORT_KEY) return false;
  let leading = '';
  for (const word of displayText(long).split(/[^\p{L}\p{N}]+/u)) {
    leading += carrierKey(word);
    if (leading === short) return true;
    if (leading.length >= short.length) return false;
  }
  return false;
}

/**
 * Carriers known by more than one name: a rename or merger (CenturyLink, Qwest, Level 3 and Embarq
 * bill as Lumen; Sprint as T-Mobile; MCI and XO as Verizon Business) or a brand (Spectrum, Time
 * Warner Cable and Bright House are Charter; Fido is Rogers; Koodo is TELUS). Old accounts keep
 * billing under the old name for years.
 */
const CARRIER_FAMILIES: readonly (readonly string[])[] = [
  ['Lumen', 'CenturyLink', 'Qwest', 'Level 3', 'Embarq'],
  ['T-Mobile', 'Sprint'],
  ['Verizon Business', 'MCI', 'XO Communications'],
  ['Charter', 'Spectrum', 'Time Warner Cable', 'Bright House'],
  ['AT&T', 'Cingular', 'BellSouth', 'SBC'],
  ['Rogers', 'Fido'],
  ['TELUS', 'Koodo'],
];

/**
 * Whether two carrier names are names of one carrier family (see `CARRIER_FAMILIES`), each
 * written as {@link carrierNamesAgree} allows: "CENTURYLINK" and "Lumen Technologies". Weaker
 * than agreeing names — the ledger takes it only with an account the known carrier holds.
 */
export function carrierFamiliesAgree(a: string, b: string): boolean {
  const familyOf = (name: string) =>
    CARRIER_FAMILIES.findIndex((family) =>
      family.some((member) => carrierNamesAgree(name, member)),
    );
  const family = familyOf(a);
  return family !== -1 && family === familyOf(b);
}

/** Account numbers' keys already made: a company has a few hundred accounts, asked for per line. */
const accountNumberKeys = new Map<string, string>();

/**
 * The key of an account number within its carrier. Kept once per number written: the checks ask
 * for it on every charge line (matching a service, the wrong-account rule), over a second of a
 * million-line audit when made each time.
 */
export function accountNumberKey(accountNumber: string): string {
  let key = accountNumberKeys.get(accountNumber);
  if (key === undefined) {
    key = textKey(accountNumber);
    // Bounded: a file of a new number per row cannot grow it without end.
    if (accountNumberKeys.size >= 10_000) accountNumberKeys.clear();
    accountNumberKeys.set(accountNumber, key);
  }
  return key;
}

/** The key of an invoice number within its account. */
export function invoiceNumberKey(invoiceNumber: string): string {
  return textKey(invoiceNumber);
}

/** The key of an account: its carrier (by id, or by name before it has one) and its number. */
export function accountKey(carrierRef: string, accountNumber: string): string {
  return `${carrierRef}|${accountNumberKey(accountNumber)}`;
}

/**
 * The key that makes an invoice unique across imports and files: carrier + account + invoice
 * number, each by its key. The files of one invoice share it; a copy of an invoice has it too.
 */
export function invoiceKey(
  carrierName: string,
  accountNumber: string,
  invoiceNumber: string,
): string {
  return `${carrierKey(carrierName)}|${accountNumberKey(accountNumber)}|${invoiceNumberKey(invoiceNumber)}`;
}

/** {@link invoiceKey} of a stored invoice, whose carrier is known by id. */
export function storedInvoiceKey(
  carrierId: string,
  accountNumber: string,
  invoiceNumber: string,
): string {
  return `${carrierId}|${accountNumberKey(accountNumber)}|${invoiceNumberKey(invoiceNumber)}`;
}
