/**
 * Carriers and accounts met by a file: found by their keys among the stored ones, or planned as
 * new records. Every door (bill import, inventory, contracts, the CLI) resolves them here, so a
 * carrier or account written two ways is one record in the app and in the CLI alike.
 */
import { AccountNumberIndex, differOnlyInLeadingZeros } from '../ids/account-numbers';
import {
  accountNumberKey,
  carrierFamiliesAgree,
  carrierKey,
  carrierNamesAgree,
  displayText,
} from '../ids/keys';
import type { Account, Carrier } from '../model';

/** Makes the id of a new record of this kind (random in the app, sequential in the CLI). */
export type NewId = (kind: 'carrier' | 'account') => string;

/** An account's number as a bill writes it: the carrier and the number. */
export interface BilledAccountNumber {
  carrierId: string;
  accountNumber: string;
}

/** Where a set-up file named an account: the file (`the inventory`), its row and column. */
export interface AccountMention {
  file: string;
  row: number;
  column: string;
}

/**
 * A bill's account number taken as a known account written with other leading zeros: the number
 * as the bill writes it, the account, and the number it had before when it took the bill's (with
 * where a set-up file of this resolver first named it so, when one did).
 */
export interface BilledOtherwise {
  written: string;
  account: Account;
  before?: string;
  mention?: AccountMention;
}

/**
 * Resolves carriers and accounts against the stored ones; what it creates is in `created*`, the
 * stored accounts a bill gave their leading zeros back in `renumberedAccounts`.
 *
 * An account number is the account written so (any spacing, case or punctuation), else the only
 * account of the carrier that is the same number but for its leading zeros (`12345` of an
 * inventory saved by a spreadsheet is the bills' `0012345`: see `ids/account-numbers`). The
 * carrier's bills say how the number is written: an account they have not billed yet, known only
 * from set-up files, takes the bill's number with the zeros (`billedAccount`).
 */
export class OrgResolver {
  private readonly carrierByKey = new Map<string, Carrier>();
  /** Every account known (stored and created), by id, in the order met. */
  private readonly accountById = new Map<string, Account>();
  private readonly accountIndex = new AccountNumberIndex<Account>();
  /** Accounts with a bill: stored invoices name them, or a bill of this import met them. */
  private readonly billed = new Set<string>();
  /** Carriers met for the first time, in the order met. */
  readonly createdCarriers: Carrier[] = [];
  /** Accounts met for the first time, in the order met. */
  readonly createdAccounts: Account[] = [];
  /**
   * Stored accounts a bill wrote with leading zeros their number lacked (saved by a spreadsheet):
   * their number before and as the bill writes it. A door stores `after` with the bills.
   */
  readonly renumberedAccounts: { before: Account; after: Account }[] = [];
  /** Every bill's account number taken as a known account written with other leading zeros. */
  readonly billedOtherwise: BilledOtherwise[] = [];
  private readonly billedOtherwiseKeys = new Set<string>();
  /** Where a set-up file first named each account this resolver created. */
  private readonly mentions = new Map<string, AccountMention>();

  /**
   * `billedNumbers`: the carrier and account number of every stored invoice (repeats welcome):
   * an account billed already keeps its number.
   */
  constructor(
    carriers: readonly Carrier[],
    accounts: readonly Account[],
    private readonly newId: NewId,
    billedNumbers: Iterable<BilledAccountNumber> = [],
  ) {
    for (const carrier of carriers) {
      const key = carrierKey(carrier.name);
      if (!this.carrierByKey.has(key)) this.carrierByKey.set(key, carrier);
      this.remember(carrier, carrier.name);
    }
    for (const account of accounts) {
      if (this.accountIndex.exactly(account.carrierId, account.accountNumber) !== undefined)
        continue;
      this.accountIndex.add(account.carrierId, account.accountNumber, account);
      this.accountById.set(account.id, account);
    }
    for (const { carrierId, accountNumber } of billedNumbers) {
      const account = this.accountIndex.exactly(carrierId, accountNumber);
      if (account !== undefined) this.billed.add(account.id);
    }
  }

  /**
   * The carrier with this name (any spacing, case or punctuation), planned when new. A name met
   * for the first time that is a known carrier's name shortened or lengthened by whole words
   * ("Verizon" for a bill's "Verizon Wireless", "AT&T" or "ATT" for "AT&T Mobility") is that
   * carrier when only one known carrier's name agrees so, or when only one of those holds the
   * account number given: an inventory that says "Verizon" must not turn every line of a Verizon
   * Wireless bill into an unknown service on a second carrier. A carrier's former name or brand
   * ("CenturyLink" for Lumen) is that carrier when it holds the account number given.
   */
  carrier(name: string, accountNumber?: string): Carrier {
    const key = carrierKey(name);
    let carrier = this.carrierByKey.get(key);
    if (carrier === undefined) {
      const same = this.sameCarrier(name, accountNumber);
      // Told by this account only: the name alone may mean another carrier for other accounts.
      if (same?.byAccount === true) return same.carrier;
      carrier = same?.carrier;
      if (carrier === undefined) {
        carrier = { id: this.newId('carrier'), name: displayText(name) };
        this.createdCarriers.push(carrier);
      }
      this.carrierByKey.set(key, carrier);
      this.remember(carrier, name);
    }
    return carrier;
  }

  /** The known carrier {@link carrier} would give for this name, without planning a new one. */
  knownCarrier(name: string, accountNumber?: string): Carrier | undefined {
    return (
      this.carrierByKey.get(carrierKey(name)) ?? this.sameCarrier(name, accountNumber)?.carrier
    );
  }

  carrierId(name: string, accountNumber?: string): string {
    return this.carrier(name, accountNumber).id;
  }

  /** Every name a carrier was met by, to tell which names it may stand for. */
  private readonly namesById = new Map<string, string[]>();

  private remember(carrier: Carrier, name: string): void {
    const names = this.namesById.get(carrier.id) ?? [];
    names.push(name);
    this.namesById.set(carrier.id, names);
  }

  /**
   * The one known carrier whose name agrees with `name` by whole words (see {@link carrier}), and
   * whether only the account told it: one holding the account is taken first; otherwise one whose
   * every name met so far agrees ("Verizon", once met as "Verizon Wireless", is not "Verizon
   * Business").
   */
  private sameCarrier(
    name: string,
    accountNumber: string | undefined,
  ): { carrier: Carrier; byAccount: boolean } | undefined {
    const agreeing = new Map<string, Carrier>();
    for (const known of this.carrierByKey.values()) {
      if (carrierNamesAgree(name, known.name)) agreeing.set(known.id, known);
    }
    const consistent = [...agreeing.values()].filter((known) =>
      (this.namesById.get(known.id) ?? [known.name]).every((met) => carrierNamesAgree(name, met)),
    );
    const byName = consistent.length === 1 ? consistent[0] : undefined;
    if (accountNumber !== undefined) {
      // A carrier's other name (CenturyLink for Lumen) is that carrier only for its accounts.
      const related = new Map(agreeing);
      for (const known of this.carrierByKey.values()) {
        if (carrierFamiliesAgree(name, known.name)) related.set(known.id, known);
      }
      const holding = [...related.values()].filter(
        (known) => this.accountIndex.find(known.id, accountNumber) !== undefined,
      );
      const [held] = holding;
      if (holding.length === 1 && held !== undefined)
        return { carrier: held, byAccount: held !== byName };
    }
    return byName === undefined ? undefined : { carrier: byName, byAccount: false };
  }

  /**
   * The carrier's account with this number (any spacing, case or punctuation; else the only one
   * that is the same number but for its leading zeros), planned when new. For a number a set-up
   * file writes (inventory, contracts: `mention` says where): it never changes a known account's
   * number.
   */
  account(carrierId: string, accountNumber: string, mention?: AccountMention): Account {
    const known = this.accountIndex.find(carrierId, accountNumber);
    if (known !== undefined) return known;
    const account: Account = {
      id: this.newId('account'),
      carrierId,
      accountNumber: displayText(accountNumber),
      status: 'open',
    };
    this.accountIndex.add(carrierId, accountNumber, account);
    this.accountById.set(account.id, account);
    this.createdAccounts.push(account);
    if (mention !== undefined) this.mentions.set(account.id, mention);
    return account;
  }

  accountId(carrierId: string, accountNumber: string): string {
    return this.account(carrierId, accountNumber).id;
  }

  /** The known account {@link account} would give for this number, without planning a new one. */
  knownAccount(carrierId: string, accountNumber: string): Account | undefined {
    return this.accountIndex.find(carrierId, accountNumber);
  }

  /**
   * {@link account} for the number a bill writes. An account no bill has named yet (known from
   * set-up files) whose number lacks leading zeros the bill writes takes the bill's number: the
   * carrier's, which the spreadsheet lost (`12345` becomes `0012345`). One billed already keeps
   * its number, which its invoices are stored under.
   */
  billedAccount(carrierId: string, accountNumber: string): Account {
    const found = this.account(carrierId, accountNumber);
    let account = found;
    if (differOnlyInLeadingZeros(found.accountNumber, accountNumber)) {
      const lostZeros =
        accountNumberKey(found.accountNumber).length < accountNumberKey(accountNumber).length;
      if (lostZeros && !this.billed.has(found.id))
        account = this.renumber(found, displayText(accountNumber));
      const key = `${account.id}\u0000${accountNumberKey(accountNumber)}`;
      if (!this.billedOtherwiseKeys.has(key)) {
        this.billedOtherwiseKeys.add(key);
        const mention = this.mentions.get(account.id);
        this.billedOtherwise.push({
          written: displayText(accountNumber),
          account,
          ...(account === found ? {} : { before: found.accountNumber }),
          ...(account === found || mention === undefined ? {} : { mention }),
        });
      }
    }
    this.billed.add(account.id);
    return account;
  }

  /** Gives an account another number: the record replaced wherever this resolver keeps it. */
  private renumber(before: Account, accountNumber: string): Account {
    const after: Account = { ...before, accountNumber };
    this.accountIndex.delete(before.carrierId, before.accountNumber, before);
    this.accountIndex.add(after.carrierId, accountNumber, after);
    this.accountById.set(after.id, after);
    const created = this.createdAccounts.indexOf(before);
    if (created >= 0) {
      this.createdAccounts[created] = after;
      return after;
    }
    const earlier = this.renumberedAccounts.find((update) => update.after === before);
    if (earlier === undefined) this.renumberedAccounts.push({ before, after });
    else earlier.after = after;
    return after;
  }

  /** Every carrier known (stored and created). */
  carriers(): Carrier[] {
    return [...this.carrierByKey.values()];
  }

  /** Every account known (stored and created). */
  accounts(): Account[] {
    return [...this.accountById.values()];
  }

  /** The carrier and number of every account a bill named, for a resolver that starts from this one. */
  billedNumbers(): BilledAccountNumber[] {
    return [...this.billed].flatMap((id) => {
      const account = this.accountById.get(id);
      return account === undefined ? [] : [account];
    });
  }
}

/** Sequential ids (`carrier-1`, `account-1`…): the CLI's, so the same inputs give the same ids. */
export function sequentialIds(): NewId & ((kind: string) => string) {
  const counters = new Map<string, number>();
  return (kind: string) => {
    const next = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, next);
    return `${kind}-${next}`;
  };
}
