/**
 * Carriers and accounts met by a file: found by their keys among the stored ones, or planned as
 * new records. Every door (bill import, inventory, contracts, the CLI) resolves them here, so a
 * carrier or account written two ways is one record in the app and in the CLI alike.
 */
import {
  accountKey,
  carrierFamiliesAgree,
  carrierKey,
  carrierNamesAgree,
  displayText,
} from '../ids/keys';
import type { Account, Carrier } from '../model';

/** Makes the id of a new record of this kind (random in the app, sequential in the CLI). */
export type NewId = (kind: 'carrier' | 'account') => string;

/** Resolves carriers and accounts against the stored ones; what it creates is in `created*`. */
export class OrgResolver {
  private readonly carrierByKey = new Map<string, Carrier>();
  private readonly accountByKey = new Map<string, Account>();
  /** Carriers met for the first time, in the order met. */
  readonly createdCarriers: Carrier[] = [];
  /** Accounts met for the first time, in the order met. */
  readonly createdAccounts: Account[] = [];

  constructor(
    carriers: readonly Carrier[],
    accounts: readonly Account[],
    private readonly newId: NewId,
  ) {
    for (const carrier of carriers) {
      const key = carrierKey(carrier.name);
      if (!this.carrierByKey.has(key)) this.carrierByKey.set(key, carrier);
      this.remember(carrier, carrier.name);
    }
    for (const account of accounts) {
      const key = accountKey(account.carrierId, account.accountNumber);
      if (!this.accountByKey.has(key)) this.accountByKey.set(key, account);
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
      const holding = [...related.values()].filter((known) =>
        this.accountByKey.has(accountKey(known.id, accountNumber)),
      );
      const [held] = holding;
      if (holding.length === 1 && held !== undefined)
        return { carrier: held, byAccount: held !== byName };
    }
    return byName === undefined ? undefined : { carrier: byName, byAccount: false };
  }

  /** The carrier's account with this number (any spacing, case or punctuation), planned when new. */
  account(carrierId: string, accountNumber: string): Account {
    const key = accountKey(carrierId, accountNumber);
    let account = this.accountByKey.get(key);
    if (account === undefined) {
      account = {
        id: this.newId('account'),
        carrierId,
        accountNumber: displayText(accountNumber),
        status: 'open',
      };
      this.accountByKey.set(key, account);
      this.createdAccounts.push(account);
    }
    return account;
  }

  accountId(carrierId: string, accountNumber: string): string {
    return this.account(carrierId, accountNumber).id;
  }

  /** Every carrier known (stored and created). */
  carriers(): Carrier[] {
    return [...this.carrierByKey.values()];
  }

  /** Every account known (stored and created). */
  accounts(): Account[] {
    return [...this.accountByKey.values()];
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
