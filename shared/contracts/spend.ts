/**
 * A contract's spend, one definition for renewals, "at stake", the dashboard and `marc-shortfall`
 * (catalogue: "A contract's spend"):
 *
 * - the charges of the services linked to the contract: those it lists (`serviceIds`, from its
 *   rate card) and those whose inventory `contractId` names it;
 * - for a contract that names accounts, also the charges of those accounts' services that no
 *   other contract claims (including identifiers the inventory does not know yet);
 * - plus a pro-rata share of the account-level charges of those invoices (taxes, surcharges, fees
 *   with no service), in proportion to the service charges each contract holds on the invoice.
 *
 * An invoice of a foundation account (AT&T FAN, an EDI 811 master account) bills each line on its
 * own billing account (BAN, sub-account; `ServiceTotals.accounts`): each account's part of it is
 * spent as an invoice of that account would be (its services, its own account-level charges),
 * and a part on an account the inventory does not hold is the invoice's own account's.
 *
 * Two contracts on one account therefore never both show the whole bill. Where two contracts name
 * one account, its unclaimed services are shared equally between them; a service two contracts
 * both list is shared equally too. Shares are whole cents that add up (largest remainder).
 */
import { isoMonthOf } from '../dates';
import type { IsoDate, IsoMonth } from '../dates/iso-date';
import { AccountNumberIndex } from '../ids/account-numbers';
import { cents, splitLargestRemainder, type Cents } from '../money/cents';
import type { Account, Contract, Invoice, Service } from '../model';
import type { ServiceTotals } from '../storage/service-totals';
import { contractsInEffect, type TermOfContract } from './in-effect';
import { linkedContracts } from './spend-links';

export { accountsLinked, accountsTouched } from './spend-links';

/** What the spend reads of a contract: its links, and its term (see `contractsInEffect`). */
export type SpendContract = Pick<Contract, 'id' | 'accountIds' | 'serviceIds'> & TermOfContract;

/** What the spend reads of an invoice. */
export interface SpendInvoice {
  id: string;
  carrierId: string;
  /** The inventory account the invoice is for. */
  accountId: string;
  invoiceDate: IsoDate;
}

/** What the spend reads of an inventory account: which one a line's billing account is. */
export type SpendAccount = Pick<Account, 'id' | 'carrierId' | 'accountNumber'>;

/** Contract id → month of the invoice date → spend in cents, oldest month first. */
export type ContractSpend = Map<string, Map<IsoMonth, Cents>>;

type SpendService = Pick<Service, 'id' | 'accountId' | 'serviceKey' | 'aliasKeys' | 'contractId'>;
type SpendTotals = Pick<ServiceTotals, 'keys' | 'amounts' | 'accounts'>;
type TotalsOf = (invoiceId: string) => SpendTotals | undefined;

/** The contracts and inventory indexed once: who holds which charge of an invoice. */
interface SpendIndex {
  /**
   * Every contract that may hold a charge of this invoice: of its account, or of any account of
   * its carrier (a line of it may be billed there, see the module comment).
   */
  possible(invoice: SpendInvoice): ReadonlySet<string>;
  /** Contract id → its share of the invoice (service charges, then account-level pro rata). */
  held(invoice: SpendInvoice, totals: SpendTotals): Map<string, number>;
}

/** One account's part of an invoice's totals (see {@link partsByAccount}). */
interface AccountPart {
  accountId: string;
  keys: ArrayLike<string>;
  amounts: ArrayLike<number>;
}

/**
 * An invoice's totals by the inventory account each entry is billed on: one part, the invoice's
 * own account, unless its lines name billing accounts of their own.
 */
function partsByAccount(
  invoice: SpendInvoice,
  totals: SpendTotals,
  accountIdOf: (carrierId: string, accountNumber: string) => string | undefined,
): AccountPart[] | null {
  const { accounts } = totals;
  if (accounts === undefined) return null;
  const parts = new Map<string, { accountId: string; keys: string[]; amounts: number[] }>();
  for (let i = 0; i < totals.keys.length; i++) {
    const number = accounts[i] ?? '';
    const accountId =
      (number === '' ? undefined : accountIdOf(invoice.carrierId, number)) ?? invoice.accountId;
    let part = parts.get(accountId);
    if (part === undefined) parts.set(accountId, (part = { accountId, keys: [], amounts: [] }));
    part.keys.push(totals.keys[i] ?? '');
    part.amounts.push(totals.amounts[i] ?? 0);
  }
  return [...parts.values()];
}

function spendIndex(
  contracts: readonly SpendContract[],
  services: readonly SpendService[],
  accounts: readonly SpendAccount[],
): SpendIndex {
  // A line's account is found as the audit finds it: however punctuated, and without the leading
  // zeros a spreadsheet dropped from the inventory's number.
  const accountIds = new AccountNumberIndex<string>();
  for (const account of accounts)
    accountIds.add(account.carrierId, account.accountNumber, account.id);
  const carrierOf = new Map(accounts.map((account) => [account.id, account.carrierId]));
  const accountIdOf = (carrierId: string, accountNumber: string) =>
    accountIds.find(carrierId, accountNumber);
  const listedBy = linkedContracts(contracts, services);
  const namingAccount = new Map<string, SpendContract[]>();
  for (const contract of contracts) {
    for (const accountId of contract.accountIds) {
      const list = namingAccount.get(accountId);
      if (list === undefined) namingAccount.set(accountId, [contract]);
      else if (!list.includes(contract)) list.push(contract);
    }
  }
  // Per account: service key → the contracts sharing its charges, worked out once per distinct
  // key (a million totals are a million plain map lookups, no string built per lookup).
  const serviceByKey = new Map<string, Map<string, Pick<Service, 'id'>>>();
  const possible = new Map<string, Set<string>>();
  const possibleOf = (accountId: string) => {
    let set = possible.get(accountId);
    if (set === undefined) possible.set(accountId, (set = new Set()));
    return set;
  };
  for (const service of services) {
    let byKey = serviceByKey.get(service.accountId);
    if (byKey === undefined) serviceByKey.set(service.accountId, (byKey = new Map()));
    if (service.serviceKey) byKey.set(service.serviceKey, service);
    for (const key of service.aliasKeys) if (key !== '') byKey.set(key, service);
    const listing = listedBy.get(service.id);
    if (listing !== undefined) for (const id of listing) possibleOf(service.accountId).add(id);
  }
  for (const [accountId, named] of namingAccount)
    for (const contract of named) possibleOf(accountId).add(contract.id);
  const onCarrier = new Map<string, Set<string>>();
  for (const [accountId, ids] of possible) {
    const carrierId = carrierOf.get(accountId);
    if (carrierId === undefined) continue;
    let set = onCarrier.get(carrierId);
    if (set === undefined) onCarrier.set(carrierId, (set = new Set()));
    for (const id of ids) set.add(id);
  }
  const ownersByAccount = new Map<string, Map<string, readonly string[]>>();
  const NO_OWNERS: readonly string[] = [];
  const NONE: ReadonlySet<string> = new Set();

  /**
   * What contracts hold of one account's charges on an invoice (`part`): its services' charges,
   * and its own account-level charges pro rata to them. Charges of no service on an account with
   * no service charges on the invoice are left (`unspread`) for the whole invoice's holders.
   */
  const heldOn = (invoice: SpendInvoice, part: AccountPart) => {
    const { accountId, keys, amounts } = part;
    // The account's unclaimed services belong to the contracts naming it in effect on the
    // invoice's date: a renewal recorded beside the contract it replaced takes the new bills
    // alone (shared with the lapsed one, its commitment looked half spent). A billing account no
    // contract names is the paying account's, as the whole invoice is.
    let naming = contractsInEffect(namingAccount.get(accountId) ?? [], invoice.invoiceDate);
    if (naming.length === 0 && accountId !== invoice.accountId)
      naming = contractsInEffect(namingAccount.get(invoice.accountId) ?? [], invoice.invoiceDate);
    const namingIds = naming.map((contract) => contract.id);
    const ownersKey = `${accountId}\u0000${namingIds.join('\u0000')}`;
    let ownersOf = ownersByAccount.get(ownersKey);
    if (ownersOf === undefined) ownersByAccount.set(ownersKey, (ownersOf = new Map()));
    const byKey = serviceByKey.get(accountId);
    const held = new Map<string, number>();
    let serviceCharges = 0;
    let accountLevel = 0;
    // A service's categories sit side by side: its owners are looked up once per run of its
    // key (keys fresh from the database are new strings, and a map hashes each one first).
    let lastKey: string | undefined;
    let owners: readonly string[] = NO_OWNERS;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] ?? '';
      const amount = amounts[i] ?? 0;
      if (key === '') {
        accountLevel += amount;
        continue;
      }
      serviceCharges += amount;
      if (key !== lastKey) {
        lastKey = key;
        let known = ownersOf.get(key);
        if (known === undefined) {
          const service = byKey?.get(key);
          known = (service === undefined ? undefined : listedBy.get(service.id)) ?? namingIds;
          ownersOf.set(key, known);
        }
        owners = known;
      }
      if (owners.length > 0) shareOut(amount, owners, held);
    }
    // What it holds of the services alone: the weights of the paying account's own fees.
    const services = new Map(held);
    spreadAccountLevel(held, accountLevel, serviceCharges);
    return { held, services, serviceCharges, unspread: serviceCharges === 0 ? accountLevel : 0 };
  };

  return {
    possible: (invoice) =>
      onCarrier.get(invoice.carrierId) ?? possible.get(invoice.accountId) ?? NONE,
    held(invoice, totals) {
      const parts = partsByAccount(invoice, totals, accountIdOf) ?? [
        { accountId: invoice.accountId, keys: totals.keys, amounts: totals.amounts },
      ];
      if (parts.length === 1 && parts[0] !== undefined) return heldOn(invoice, parts[0]).held;
      const held = new Map<string, number>();
      const services = new Map<string, number>();
      let serviceCharges = 0;
      let unspread = 0;
      for (const part of parts) {
        const own = heldOn(invoice, part);
        for (const [id, amount] of own.held) held.set(id, (held.get(id) ?? 0) + amount);
        for (const [id, amount] of own.services) services.set(id, (services.get(id) ?? 0) + amount);
        serviceCharges += own.serviceCharges;
        unspread += own.unspread;
      }
      // The paying account's own fees (no billing account's) go with the whole invoice's service
      // charges, pro rata to what each contract holds of those (not of the accounts' fees).
      const shares = new Map(services);
      spreadAccountLevel(shares, unspread, serviceCharges);
      for (const [id, amount] of shares)
        held.set(id, (held.get(id) ?? 0) + amount - (services.get(id) ?? 0));
      return held;
    },
  };
}

/**
 * Adds to each holder its share of `accountLevel` charges, pro rata to what it holds of
 * `serviceCharges`; the rest belongs to services no contract holds.
 */
function spreadAccountLevel(
  held: Map<string, number>,
  accountLevel: number,
  serviceCharges: number,
): void {
  if (accountLevel === 0 || serviceCharges === 0 || held.size === 0) return;
  const owners = [...held.keys()];
  const weights = owners.map((id) => Math.abs(held.get(id) ?? 0));
  const unheld = Math.max(0, Math.abs(serviceCharges) - sum(weights));
  const parts = splitLargestRemainder(cents(accountLevel), [...weights, unheld]);
  owners.forEach((id, i) => held.set(id, (held.get(id) ?? 0) + (parts[i] ?? 0)));
}

export function contractSpendByMonth(
  contracts: readonly SpendContract[],
  services: readonly SpendService[],
  accounts: readonly SpendAccount[],
  invoices: readonly SpendInvoice[],
  totalsOf: TotalsOf,
): ContractSpend {
  const index = spendIndex(contracts, services, accounts);
  const result: ContractSpend = new Map(contracts.map((c) => [c.id, new Map()]));
  for (const invoice of invoices) {
    if (index.possible(invoice).size === 0) continue;
    const totals = totalsOf(invoice.id);
    if (totals === undefined) continue;
    const month = isoMonthOf(invoice.invoiceDate);
    for (const [contractId, amount] of index.held(invoice, totals)) {
      const months = result.get(contractId);
      if (months !== undefined) months.set(month, cents((months.get(month) ?? 0) + amount));
    }
  }
  for (const [id, months] of result)
    result.set(id, new Map([...months].sort(([a], [b]) => (a < b ? -1 : 1))));
  return result;
}

/**
 * The latest billed month's spend per contract, exactly `latestMonthlySpend(contractSpendByMonth(…))`
 * but reading months newest first and stopping once every contract has its month: the dashboard
 * and renewals need only that month, not every month of years of totals.
 */
export function latestContractSpend(
  contracts: readonly SpendContract[],
  services: readonly SpendService[],
  accounts: readonly SpendAccount[],
  invoices: readonly SpendInvoice[],
  totalsOf: TotalsOf,
): Map<string, Cents> {
  const index = spendIndex(contracts, services, accounts);
  const known = new Set(contracts.map((c) => c.id));
  const pending = new Set(known);
  const byMonth = new Map<IsoMonth, SpendInvoice[]>();
  for (const invoice of invoices) {
    const month = isoMonthOf(invoice.invoiceDate);
    const list = byMonth.get(month);
    if (list === undefined) byMonth.set(month, [invoice]);
    else list.push(invoice);
  }
  const result = new Map<string, Cents>();
  const newestFirst = [...byMonth.keys()].sort((a, b) => (a < b ? 1 : -1));
  for (const month of newestFirst) {
    if (pending.size === 0) break;
    const spend = new Map<string, number>();
    for (const invoice of byMonth.get(month) ?? []) {
      const possible = index.possible(invoice);
      if (![...possible].some((id) => pending.has(id))) continue;
      const totals = totalsOf(invoice.id);
      if (totals === undefined) continue;
      for (const [contractId, amount] of index.held(invoice, totals))
        if (pending.has(contractId)) spend.set(contractId, (spend.get(contractId) ?? 0) + amount);
    }
    for (const [contractId, amount] of spend) {
      if (known.has(contractId)) result.set(contractId, cents(amount));
      pending.delete(contractId);
    }
  }
  return result;
}

function shareOut(amount: number, owners: readonly string[], held: Map<string, number>) {
  if (owners.length === 0) return;
  const only = owners.length === 1 ? owners[0] : undefined;
  if (only !== undefined) {
    held.set(only, (held.get(only) ?? 0) + amount);
    return;
  }
  const parts = splitLargestRemainder(
    cents(amount),
    owners.map(() => 1),
  );
  owners.forEach((id, i) => held.set(id, (held.get(id) ?? 0) + (parts[i] ?? 0)));
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** The latest billed month's spend per contract: what the renewals list puts at stake. */
export function latestMonthlySpend(spend: ContractSpend): Map<string, Cents> {
  const result = new Map<string, Cents>();
  for (const [contractId, months] of spend) {
    const latest = [...months.keys()].at(-1);
    if (latest !== undefined) result.set(contractId, months.get(latest) ?? cents(0));
  }
  return result;
}

/** The invoices as the spend reads them: each with the inventory account it bills. */
export function spendInvoicesOf(
  invoices: readonly Pick<Invoice, 'id' | 'carrierId' | 'accountNumber' | 'invoiceDate'>[],
  accounts: readonly SpendAccount[],
): SpendInvoice[] {
  const accountId = new Map(accounts.map((a) => [`${a.carrierId}|${a.accountNumber}`, a.id]));
  return invoices.flatMap((invoice) => {
    const id = accountId.get(`${invoice.carrierId}|${invoice.accountNumber}`);
    return id === undefined
      ? []
      : [
          {
            id: invoice.id,
            carrierId: invoice.carrierId,
            accountId: id,
            invoiceDate: invoice.invoiceDate,
          },
        ];
  });
}
