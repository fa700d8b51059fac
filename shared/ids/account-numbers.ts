/**
 * Account numbers a spreadsheet saved as numbers. `0012345` typed into a General cell of Excel is
 * stored as 12345, its leading zeros lost in the file itself (a CSV opened and saved in Excel
 * loses them too), while the carrier's bills keep them. Such a number names the account that is
 * the same number but for its leading zeros — when nothing is written exactly so, and only one
 * account is (`012345` and `0012345` both known: `12345` is neither). Letters or other
 * characters in a number (`5-KE4X-001`, `842012345-00001`) keep it exact: no spreadsheet stores
 * those as numbers.
 */
import { accountNumberKey } from './keys';

const ALL_DIGITS = /^[0-9]+$/;

/**
 * The key of an account number made only of digits, without its leading zeros (`0012345` and
 * `12345` → `12345`, `000` → `0`); null for a number with anything but digits and spaces in it
 * (`842012345-00001`, `5-KE4X-001`), which no spreadsheet stores as a number.
 */
export function unpaddedAccountKey(accountNumber: string): string | null {
  // Written with digits alone (spaces aside): a number with dashes or letters is no spreadsheet's.
  if (!ALL_DIGITS.test(accountNumber.replace(/\s+/g, ''))) return null;
  return accountNumberKey(accountNumber).replace(/^0+(?=[0-9])/, '');
}

/**
 * Whether two account numbers are written the same but for their leading zeros (`12345` and
 * `0012345`), and not the same key (`0012345` and `001-2345` are simply one number).
 */
export function differOnlyInLeadingZeros(a: string, b: string): boolean {
  if (accountNumberKey(a) === accountNumberKey(b)) return false;
  const unpadded = unpaddedAccountKey(a);
  return unpadded !== null && unpadded === unpaddedAccountKey(b);
}

/**
 * Records (accounts) found by their number within a scope (a carrier id): the one whose number is
 * written so, any spacing, case or punctuation aside (`accountNumberKey`); else the only one whose
 * number is the same but for its leading zeros. The first record added under a key is the one
 * found by it.
 */
export class AccountNumberIndex<T> {
  private readonly exact = new Map<string, T>();
  private readonly unpadded = new Map<string, T[]>();

  add(scope: string, accountNumber: string, record: T): void {
    const key = `${scope}|${accountNumberKey(accountNumber)}`;
    if (this.exact.has(key)) return;
    this.exact.set(key, record);
    const digits = unpaddedAccountKey(accountNumber);
    if (digits === null) return;
    const sameDigits = `${scope}|${digits}`;
    const list = this.unpadded.get(sameDigits);
    if (list === undefined) this.unpadded.set(sameDigits, [record]);
    else list.push(record);
  }

  /** Forgets `record` under `accountNumber` (its number changed). */
  delete(scope: string, accountNumber: string, record: T): void {
    const key = `${scope}|${accountNumberKey(accountNumber)}`;
    if (this.exact.get(key) !== record) return;
    this.exact.delete(key);
    const digits = unpaddedAccountKey(accountNumber);
    if (digits === null) return;
    const sameDigits = `${scope}|${digits}`;
    const left = (this.unpadded.get(sameDigits) ?? []).filter((other) => other !== record);
    if (left.length === 0) this.unpadded.delete(sameDigits);
    else this.unpadded.set(sameDigits, left);
  }

  /** The record whose number is written so (any spacing, case or punctuation aside). */
  exactly(scope: string, accountNumber: string): T | undefined {
    return this.exact.get(`${scope}|${accountNumberKey(accountNumber)}`);
  }

  /**
   * The record whose number is written so, else the only one that is the same number but for its
   * leading zeros; undefined when none is, or when two are (which one is not known).
   */
  find(scope: string, accountNumber: string): T | undefined {
    const exact = this.exactly(scope, accountNumber);
    if (exact !== undefined) return exact;
    const digits = unpaddedAccountKey(accountNumber);
    if (digits === null) return undefined;
    const candidates = this.unpadded.get(`${scope}|${digits}`);
    return candidates?.length === 1 ? candidates[0] : undefined;
  }
}
