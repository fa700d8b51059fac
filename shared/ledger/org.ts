/**
 * Carriers and accounts met by a file: found by their keys among the stored ones, or planned as
 * new records. Every door (bill import, inventory, contracts, the CLI) resolves them here, so a
 * carrier or account written two ways is one record in the app and in the CLI alike.
 */
import { accountKey, carrierKey, carrierNamesAgree, displayText } from '../ids/keys';
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
   * Wireless bill into an unknown service on a second carrier.
   */
  carrier(name: string, accountNumber?: string): Carrier {
    const key = carrierKey(name);
    let carrier = this.carrierByKey.get(key);
    if (carrier === undefined) {
      carrier = this.sameCarrier(name, accountNumber);
      if (carrier === undefined) {
        carrier = { id: this.newId('carrier'), name: displayText(name) };
        this.createdCarriers.push(carrier);
      }
      this.carrierByKey.set(key, carrier);
    }
    return carrier;
  }

  /** The known carrier {@link carrier} would give for this name, without planning a new one. */
  knownCarrier(name: string, accountNumber?: string): Carrier | undefined {
    return this.carrierByKey.get(carrierKey(name)) ?? this.sameCarrier(name, accountNumber);
  }

  carrierId(name: string, accountNumber?: string): string {
    return this.carrier(name, accountNumber).id;
  }

  /** The one known carrier whose name agrees with `name` by whole words (see {@link carrier}). */
  private sameCarrier(name: string, accountNumber: string | undefined): Carrier | undefined {
    const candidates = new Map<string, Carrier>();
    for (const known of this.carrierByKey.values()) {
      if (carrierNamesAgree(name, known.name)) candidates.set(known.id, known);
    }
    if (candidates.size === 1) return [...candidates.values()][0];
    if (candidates.size === 0 || accountNumber === undefined) return undefined;
    const holding = [...candidates.values()].filter((known) =>
      this.accountByKey.has(accountKey(known.id, accountNumber)),
    );
    return holding.length === 1 ? holding[0] : undefined;
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
