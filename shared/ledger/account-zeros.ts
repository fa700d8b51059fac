/**
 * What the user is told when an account number is taken as a known account written with other
 * leading zeros (`OrgResolver`, `ids/account-numbers`): a set-up row's `12345` that is the bills'
 * `0012345`, a bill's `0012345` filed under the inventory's `12345`. Never in silence: the number
 * the user sees afterwards is not the one the file wrote.
 */
import { differOnlyInLeadingZeros } from '../ids/account-numbers';
import { accountNumberKey } from '../ids/keys';
import type { Account } from '../model';
import type { BilledOtherwise } from './org';
import type { RowNote } from './records';
import { plural } from '../text/wording';

/** Why a number a spreadsheet saved lacks its zeros, and how to keep them. */
const DROPPED_BY_SPREADSHEETS =
  'which a spreadsheet drops when it saves an account number as a number (format the column as Text to keep them)';

/**
 * The notes of a set-up file on its account numbers taken as known accounts written with other
 * leading zeros: one per account and way of writing it, on the first row that wrote it so (with
 * how many other rows did), not one per service of the account.
 */
export class AccountZerosNotes {
  private readonly found = new Map<
    string,
    {
      row: number;
      column: string;
      written: string;
      carrierName: string;
      account: Account;
      others: number;
    }
  >();

  /**
   * Row `row` (its `column`) wrote `written` for the known `account` of `carrierName`: noted when
   * that is not the account's number as written (any spacing, case or punctuation aside).
   */
  add(
    where: { row: number; column: string },
    written: string,
    carrierName: string,
    account: Account,
  ): void {
    if (!differOnlyInLeadingZeros(written, account.accountNumber)) return;
    const key = `${account.id}\u0000${accountNumberKey(written)}`;
    const earlier = this.found.get(key);
    if (earlier !== undefined) earlier.others += 1;
    else this.found.set(key, { ...where, written, carrierName, account, others: 0 });
  }

  notes(): RowNote[] {
    return [...this.found.values()].map(
      ({ row, column, written, carrierName, account, others }) => {
        const known = account.accountNumber;
        const fewer = accountNumberKey(written).length < accountNumberKey(known).length;
        const how = fewer
          ? `the same number without its leading zeros, ${DROPPED_BY_SPREADSHEETS}`
          : 'the same number but for leading zeros';
        const rows = others === 0 ? '' : ` (and ${plural(others, 'other row')})`;
        return {
          row,
          column,
          value: written,
          message: `Row ${row}${rows}: account ${written} is taken as ${carrierName} account ${known}, already known: ${how}.`,
        };
      },
    );
  }
}

/**
 * What a bill import says of a bill's account number taken as a known account of `carrierName`
 * written with other leading zeros: an account known from set-up files takes the bill's number,
 * `0012345` for the inventory's `12345`; one billed already keeps its own.
 */
export function billedOtherwiseSentence(carrierName: string, taken: BilledOtherwise): string {
  const { written, account, before, mention } = taken;
  const where =
    mention === undefined
      ? 'of the set-up files'
      : `(${mention.file}, row ${mention.row}, ${mention.column})`;
  if (before !== undefined)
    return `${carrierName} account ${before} ${where} is ${written} on its bills: the same number with its leading zeros, ${DROPPED_BY_SPREADSHEETS}. It is taken as ${written}.`;
  return `${carrierName} account ${written} on a bill is filed under account ${account.accountNumber}, which its bills name already: the same number but for leading zeros.`;
}
