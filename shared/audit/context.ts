/**
 * Indexes built once per audit run and shared by every rule: invoices with their packed lines
 * grouped by service, services by match key, invoices by account in date order, contracts and
 * their rates. Rules stay small because the lookups live here.
 */
import { AccountNumberIndex } from '../ids/account-numbers';
import { accountNumberKey } from '../ids/keys';
import { lineAccountOf } from '../storage/charge-blocks';
import { serviceTotalsOfBlocks } from '../storage/service-totals';
import { daysBetween, type IsoDate } from '../dates/iso-date';
import type { Account, AuditSettings, Contract, Service, Site } from '../model';
import { contractedRateMatch, type RateMatch } from '../contracts/rates';
import { contractCovers, contractInEffect } from '../contracts/in-effect';
import {
  accountsTouched,
  contractSpendByMonth,
  spendInvoicesOf,
  type ContractSpend,
} from '../contracts/spend';
import { duplicateGroups } from './invoice-copies';
import { accountKeyOf, indexInvoices, type InvoiceFacts, type MatchService } from './invoice-facts';
import type { AuditSnapshot } from './snapshot';

export {
  accountKeyOf,
  type InvoiceFacts,
  type MatchService,
  type ServiceCharges,
} from './invoice-facts';

/** The lines an invoice bills on an account other than its own (a BAN under an AT&T FAN). */
export interface LinesOnAccount {
  facts: InvoiceFacts;
  /** The charge categories of those lines, as their codes in the blocks (`CATEGORY_CODE`). */
  categories: ReadonlySet<number>;
}

/** The contracted monthly price of a service and where it came from. */
export interface ContractedRate {
  /** Per unit (line, circuit, seat), in cents. */
  unitCents: number;
  source: 'service rate' | 'plan rate' | 'service type rate' | 'expected monthly charge';
  contract: Contract | undefined;
}

/** What every rule receives. */
export interface RuleContext {
  snapshot: AuditSnapshot;
  settings: AuditSettings;
  today: IsoDate;
  /** Every invoice, re-sent copies included (only `duplicate-invoice` reads these). */
  invoices: InvoiceFacts[];
  /**
   * The invoices less the re-sent copies of another ({@link duplicateGroups}): what the rules that
   * count money read, so a bill sent twice under two numbers counts its dollars once.
   */
  originals: InvoiceFacts[];
  invoiceById: ReadonlyMap<string, InvoiceFacts>;
  /** `carrierId|accountNumber` → invoices less re-sent copies, oldest first (invoice date, then number). */
  invoicesByAccount: ReadonlyMap<string, InvoiceFacts[]>;
  /**
   * The invoices of other accounts that bill lines on this one — an AT&T FAN's invoices over its
   * BANs, an EDI 811 master account's over its sub-accounts — with what they bill there, less
   * re-sent copies, oldest first (as `invoicesByAccount`). Account numbers are compared as
   * `accountNumberKey` compares them (`8-8-5590` is `88-5590`). Indexed on first use.
   */
  invoicesNaming(carrierId: string, accountNumber: string): readonly LinesOnAccount[];
  accountById: ReadonlyMap<string, Account>;
  /** `carrierId|accountNumber` → account. */
  accountByKey: ReadonlyMap<string, Account>;
  serviceById: ReadonlyMap<string, Service>;
  /** Match key (service key or alias) → services carrying it, any carrier. */
  servicesByKey: ReadonlyMap<string, readonly Service[]>;
  siteById: ReadonlyMap<string, Site>;
  contractById: ReadonlyMap<string, Contract>;
  carrierName(carrierId: string): string;
  /**
   * Whether an account number a bill writes names `account`: written so (any spacing, case or
   * punctuation), or the same number but for leading zeros when it is no other account's (the
   * inventory's `12345`, saved by a spreadsheet as a number, is the bills' `0012345`).
   */
  namesAccount(accountNumber: string, account: Account): boolean;
  /** The service a bill's match key names on this carrier (same account preferred). */
  matchService: MatchService;
  /**
   * The service's contract: its inventory Contract ID, a contract listing it, else the one naming
   * its account in effect on `on` (today by default; a bill's checks pass its period's end).
   */
  contractOf(service: Service, on?: IsoDate): Contract | undefined;
  contractedRate(service: Service, on?: IsoDate): ContractedRate | undefined;
  /**
   * The spend per billed month of the contracts `contractIds` names (catalogue: "A contract's
   * spend"), from `shared/contracts/spend.ts` — the one definition renewals and the dashboard use —
   * over the invoices' per-service totals. Every contract still takes its share of the accounts
   * they touch; only invoices of other accounts are left unread. Computed once per set of ids.
   */
  contractSpend(contractIds: ReadonlySet<string>): ContractSpend;
}

/**
 * The share of a bill's period after its contract stopped fixing prices, as a fraction of its
 * days: 0 when the contract covers the whole period, 1 when the period starts after it, and in
 * between for a period running past the contract's end (a quarterly bill of July–September on a
 * contract ended 31 August has a third of its days out of contract).
 */
export function outOfContractShare(contract: Contract, facts: InvoiceFacts): number {
  if (contractCovers(contract, facts.periodEnd)) return 0;
  if (!contractCovers(contract, facts.periodStart)) return 1;
  const days = daysBetween(facts.periodStart, facts.periodEnd) + 1;
  return days <= 0 ? 1 : daysBetween(contract.endDate, facts.periodEnd) / days;
}

/**
 * The share of a bill's period before its contract started, as a fraction of its days: 0 when the
 * period starts on or after the start, 1 when it ends before it. Those days were priced by
 * whatever came before (an older contract, list prices), never by this contract's rate card.
 */
export function beforeContractShare(contract: Contract, facts: InvoiceFacts): number {
  if (facts.periodStart >= contract.startDate) return 0;
  if (facts.periodEnd < contract.startDate) return 1;
  const days = daysBetween(facts.periodStart, facts.periodEnd) + 1;
  return days <= 0 ? 1 : daysBetween(facts.periodStart, contract.startDate) / days;
}

/** Builds the indexes of one run. Linear in the number of lines; every line is read once. */
export function buildContext(snapshot: AuditSnapshot): RuleContext {
  const accountById = new Map(snapshot.accounts.map((account) => [account.id, account]));
  const accountByKey = new Map(
    snapshot.accounts.map((account) => [
      accountKeyOf(account.carrierId, account.accountNumber),
      account,
    ]),
  );
  const serviceById = new Map(snapshot.services.map((service) => [service.id, service]));
  const siteById = new Map(snapshot.sites.map((site) => [site.id, site]));
  const contractById = new Map(snapshot.contracts.map((contract) => [contract.id, contract]));
  const carrierNames = new Map(snapshot.carriers.map((carrier) => [carrier.id, carrier.name]));

  const servicesByKey = new Map<string, Service[]>();
  for (const service of snapshot.services) {
    const keys = new Set(service.aliasKeys);
    if (service.serviceKey !== null) keys.add(service.serviceKey);
    for (const key of keys) {
      const list = servicesByKey.get(key);
      if (list === undefined) servicesByKey.set(key, [service]);
      else list.push(service);
    }
  }
  const accountNumbers = new AccountNumberIndex<Account>();
  for (const account of snapshot.accounts)
    accountNumbers.add(account.carrierId, account.accountNumber, account);
  const namesAccount = (accountNumber: string, account: Account) =>
    accountNumberKey(account.accountNumber) === accountNumberKey(accountNumber) ||
    accountNumbers.find(account.carrierId, accountNumber) === account;
  const matchService = (carrierId: string, accountNumber: string, key: string) => {
    const candidates = servicesByKey.get(key);
    if (candidates === undefined) return undefined;
    let found: Service | undefined;
    for (const service of candidates) {
      if (service.carrierId !== carrierId) continue;
      const own = accountById.get(service.accountId);
      if (own !== undefined && namesAccount(accountNumber, own)) return service;
      // A number reused after a disconnect: prefer the live service.
      if (
        found === undefined ||
        (found.status === 'disconnected' && service.status !== 'disconnected')
      )
        found = service;
    }
    return found;
  };

  const contractByService = new Map<string, Contract>();
  for (const contract of snapshot.contracts) {
    for (const serviceId of contract.serviceIds) contractByService.set(serviceId, contract);
  }
  // Contracts naming an account, by carrier and account: a renewal recorded beside the contract
  // it replaces names the same account, and each bill belongs to the one in effect on its days.
  const namingAccount = new Map<string, Contract[]>();
  for (const contract of snapshot.contracts) {
    for (const accountId of contract.accountIds) {
      const key = `${contract.carrierId}|${accountId}`;
      const list = namingAccount.get(key);
      if (list === undefined) namingAccount.set(key, [contract]);
      else list.push(contract);
    }
  }
  const contractOf = (service: Service, on: IsoDate = snapshot.today) =>
    (service.contractId === undefined ? undefined : contractById.get(service.contractId)) ??
    contractByService.get(service.id) ??
    contractInEffect(
      namingAccount.get(`${service.carrierId}|${service.accountId}`) ?? [],
      on,
      (contract) => contractedRateMatch(contract, service) !== undefined,
    );
  const rates = new Map<string, ContractedRate | undefined>();
  const contractedRate = (service: Service, on: IsoDate = snapshot.today) => {
    const contract = contractOf(service, on);
    const key = `${service.id}|${contract?.id ?? ''}`;
    if (!rates.has(key)) rates.set(key, rateOf(service, contract));
    return rates.get(key);
  };

  const invoices = indexInvoices(snapshot, accountByKey, matchService);
  const copies = new Set(duplicateGroups(invoices).flatMap((group) => group.slice(1)));
  const originals = copies.size === 0 ? invoices : invoices.filter((facts) => !copies.has(facts));
  const invoicesByAccount = new Map<string, InvoiceFacts[]>();
  for (const facts of originals) {
    const list = invoicesByAccount.get(facts.accountKey);
    if (list === undefined) invoicesByAccount.set(facts.accountKey, [facts]);
    else list.push(facts);
  }
  for (const list of invoicesByAccount.values()) list.sort(byInvoiceDate);

  // A number is its inventory account's, written with the zeros a spreadsheet dropped or not.
  const canonicalKey = (carrierId: string, accountNumber: string) =>
    accountNumberKey(accountNumbers.find(carrierId, accountNumber)?.accountNumber ?? accountNumber);
  let naming: ReadonlyMap<string, LinesOnAccount[]> | undefined;
  const invoicesNaming = (carrierId: string, accountNumber: string) => {
    naming ??= linesOnOtherAccounts(invoicesByAccount, canonicalKey);
    return naming.get(`${carrierId}|${canonicalKey(carrierId, accountNumber)}`) ?? [];
  };

  const invoiceById = new Map(invoices.map((facts) => [facts.invoice.id, facts]));
  // A contract's spend counts a re-sent bill once, like every rule that counts money.
  const originalById =
    copies.size === 0 ? invoiceById : new Map(originals.map((facts) => [facts.invoice.id, facts]));
  const spends = new Map<string, ContractSpend>();
  const contractSpend = (contractIds: ReadonlySet<string>) => {
    const key = [...contractIds].sort().join('\u0000');
    let spend = spends.get(key);
    if (spend === undefined) {
      spend = spendOf(snapshot, originalById, contractIds);
      spends.set(key, spend);
    }
    return spend;
  };

  return {
    snapshot,
    settings: snapshot.settings,
    today: snapshot.today,
    invoices,
    originals,
    invoiceById,
    invoicesByAccount,
    invoicesNaming,
    accountById,
    accountByKey,
    serviceById,
    servicesByKey,
    siteById,
    contractById,
    carrierName: (carrierId) => carrierNames.get(carrierId) ?? carrierId,
    namesAccount,
    matchService,
    contractOf,
    contractedRate,
    contractSpend,
  };
}

/**
 * `carrierId|key` (the account's key, `keyOf`: its inventory account's number, the zeros a
 * spreadsheet dropped aside) → the invoices (of `invoicesByAccount`) billing lines on that
 * account when it is not the invoice's own, oldest first, with the categories of those lines.
 */
function linesOnOtherAccounts(
  invoicesByAccount: ReadonlyMap<string, InvoiceFacts[]>,
  keyOf: (carrierId: string, accountNumber: string) => string,
): Map<string, LinesOnAccount[]> {
  const result = new Map<string, LinesOnAccount[]>();
  for (const list of invoicesByAccount.values()) {
    for (const facts of list) {
      if (!facts.blocks.some((block) => block.accountNumber !== undefined)) continue;
      const { carrierId, accountNumber } = facts.invoice;
      const own = keyOf(carrierId, accountNumber);
      const byAccount = new Map<string, Set<number>>();
      for (const block of facts.blocks) {
        if (block.accountNumber === undefined) continue;
        for (let row = 0; row < block.count; row++) {
          const billedOn = lineAccountOf(block, row);
          if (billedOn === undefined) continue;
          const key = keyOf(carrierId, billedOn);
          if (key === own) continue;
          const categories = byAccount.get(key) ?? new Set<number>();
          categories.add(block.category[row] ?? 0);
          byAccount.set(key, categories);
        }
      }
      for (const [key, categories] of byAccount) {
        const entry = { facts, categories };
        const account = `${carrierId}|${key}`;
        const lines = result.get(account);
        if (lines === undefined) result.set(account, [entry]);
        else lines.push(entry);
      }
    }
  }
  for (const lines of result.values()) lines.sort((a, b) => byInvoiceDate(a.facts, b.facts));
  return result;
}

/** Oldest first: invoice date, then number (the order of `invoicesByAccount`'s lists). */
export function byInvoiceDate(a: InvoiceFacts, b: InvoiceFacts): number {
  return (
    a.invoice.invoiceDate.localeCompare(b.invoice.invoiceDate) ||
    a.invoice.invoiceNumber.localeCompare(b.invoice.invoiceNumber)
  );
}

/**
 * Contracts' spend from the per-service sums the index already holds: the same figures as
 * `serviceTotalsOfBlocks` gives the spend in the app (it sums per service key and category; the
 * spend adds the categories up), without reading every line a second time. Only the invoices of
 * accounts the chosen contracts touch (named, or holding a service linked to them) are read: no other
 * invoice can add to their spend.
 */
function spendOf(
  snapshot: AuditSnapshot,
  invoiceById: ReadonlyMap<string, InvoiceFacts>,
  contractIds: ReadonlySet<string>,
): ContractSpend {
  const touched = accountsTouched(
    snapshot.contracts.filter((contract) => contractIds.has(contract.id)),
    snapshot.services,
    snapshot.accounts,
  );
  const invoices = spendInvoicesOf(snapshot.invoices, snapshot.accounts).filter(
    (invoice) => touched.has(invoice.accountId) && invoiceById.has(invoice.id),
  );
  const spend = contractSpendByMonth(
    snapshot.contracts,
    snapshot.services,
    snapshot.accounts,
    invoices,
    (invoiceId) => {
      const facts = invoiceById.get(invoiceId);
      if (facts === undefined) return undefined;
      // Lines billed on accounts of their own are summed per account, as the app stores them.
      if (facts.blocks.some((block) => block.accountNumber !== undefined))
        return serviceTotalsOfBlocks(invoiceId, facts.blocks);
      const groups = [facts.accountLevel, ...facts.services];
      return {
        keys: groups.map((group) => group.serviceKey),
        amounts: Float64Array.from(groups, (group) => group.total),
      };
    },
  );
  return new Map([...spend].filter(([id]) => contractIds.has(id)));
}

/** Service rate, else the rate of its plan, else of its type, else its expected monthly charge. */
function rateOf(service: Service, contract: Contract | undefined): ContractedRate | undefined {
  const found = contract === undefined ? undefined : contractedRateMatch(contract, service);
  if (found !== undefined)
    return { unitCents: found.rate.monthlyRateCents, source: RATE_SOURCES[found.match], contract };
  if (service.expectedMonthlyCents !== undefined)
    return {
      unitCents: service.expectedMonthlyCents,
      source: 'expected monthly charge',
      contract,
    };
  return undefined;
}

const RATE_SOURCES = {
  service: 'service rate',
  plan: 'plan rate',
  type: 'service type rate',
} as const satisfies Record<RateMatch, ContractedRate['source']>;
