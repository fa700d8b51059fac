/**
 * A contract's spend, one definition for renewals, "at stake", the dashboard and `marc-shortfall`
 * (catalogue: "A contract's spend"):
 *
 * - the charges of the services linked to the contract;
 * - for a contract that names accounts, also the charges of those accounts' services that no
 *   other contract claims (including identifiers the inventory does not know yet);
 * - plus a pro-rata share of the account-level charges of those invoices (taxes, surcharges, fees
 *   with no service), in proportion to the service charges each contract holds on the invoice.
 *
 * Two contracts on one account therefore never both show the whole bill. Where two contracts name
 * one account, its unclaimed services are shared equally between them; a service two contracts
 * both list is shared equally too. Shares are whole cents that add up (largest remainder).
 */
import { isoMonthOf } from '../dates';
import type { IsoDate, IsoMonth } from '../dates/iso-date';
import { cents, splitLargestRemainder, type Cents } from '../money/cents';
import type { Account, Contract, Invoice, Service } from '../model';
import type { ServiceTotals } from '../storage/service-totals';

/** What the spend reads of a contract. */
export type SpendContract = Pick<Contract, 'id' | 'accountIds' | 'serviceIds'>;

/** What the spend reads of an invoice. */
export interface SpendInvoice {
  id: string;
  /** The inventory account the invoice is for. */
  accountId: string;
  invoiceDate: IsoDate;
}

/** Contract id → month of the invoice date → spend in cents, oldest month first. */
export type ContractSpend = Map<string, Map<IsoMonth, Cents>>;

export function contractSpendByMonth(
  contracts: readonly SpendContract[],
  services: readonly Pick<Service, 'id' | 'accountId' | 'serviceKey' | 'aliasKeys'>[],
  invoices: readonly SpendInvoice[],
  totalsOf: (invoiceId: string) => Pick<ServiceTotals, 'keys' | 'amounts'> | undefined,
): ContractSpend {
  const listedBy = new Map<string, string[]>();
  for (const contract of contracts)
    for (const serviceId of contract.serviceIds) push(listedBy, serviceId, contract.id);
  const namingAccount = new Map<string, string[]>();
  for (const contract of contracts)
    for (const accountId of contract.accountIds) push(namingAccount, accountId, contract.id);
  const serviceByKey = new Map<string, Pick<Service, 'id'>>();
  for (const service of services) {
    for (const key of [service.serviceKey ?? '', ...service.aliasKeys])
      if (key !== '') serviceByKey.set(`${service.accountId}|${key}`, service);
  }
  const accountOfService = new Map(services.map((s) => [s.id, s.accountId]));
  const touching = new Set([...listedBy.keys()].flatMap((id) => accountOfService.get(id) ?? []));
  for (const accountId of namingAccount.keys()) touching.add(accountId);

  const result: ContractSpend = new Map(contracts.map((c) => [c.id, new Map()]));
  for (const invoice of invoices) {
    if (!touching.has(invoice.accountId)) continue;
    const totals = totalsOf(invoice.id);
    if (totals === undefined) continue;
    const held = new Map<string, number>();
    let serviceCharges = 0;
    let accountLevel = 0;
    totals.keys.forEach((key, i) => {
      const amount = totals.amounts[i] ?? 0;
      if (key === '') {
        accountLevel += amount;
        return;
      }
      serviceCharges += amount;
      const service = serviceByKey.get(`${invoice.accountId}|${key}`);
      const listing = service === undefined ? undefined : listedBy.get(service.id);
      const owners = listing ?? namingAccount.get(invoice.accountId) ?? [];
      shareOut(amount, owners, held);
    });
    if (accountLevel !== 0 && serviceCharges !== 0 && held.size > 0) {
      // The rest of the account-level charges belongs to services no contract holds.
      const owners = [...held.keys()];
      const weights = owners.map((id) => Math.abs(held.get(id) ?? 0));
      const unheld = Math.max(0, Math.abs(serviceCharges) - sum(weights));
      const parts = splitLargestRemainder(cents(accountLevel), [...weights, unheld]);
      owners.forEach((id, i) => held.set(id, (held.get(id) ?? 0) + (parts[i] ?? 0)));
    }
    const month = isoMonthOf(invoice.invoiceDate);
    for (const [contractId, amount] of held) {
      const months = result.get(contractId);
      if (months !== undefined) months.set(month, cents((months.get(month) ?? 0) + amount));
    }
  }
  for (const [id, months] of result)
    result.set(id, new Map([...months].sort(([a], [b]) => (a < b ? -1 : 1))));
  return result;
}

function shareOut(amount: number, owners: readonly string[], held: Map<string, number>) {
  if (owners.length === 0) return;
  const parts =
    owners.length === 1
      ? [amount]
      : splitLargestRemainder(
          cents(amount),
          owners.map(() => 1),
        );
  owners.forEach((id, i) => held.set(id, (held.get(id) ?? 0) + (parts[i] ?? 0)));
}

function push(map: Map<string, string[]>, key: string, value: string) {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
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
  accounts: readonly Pick<Account, 'id' | 'carrierId' | 'accountNumber'>[],
): SpendInvoice[] {
  const accountId = new Map(accounts.map((a) => [`${a.carrierId}|${a.accountNumber}`, a.id]));
  return invoices.flatMap((invoice) => {
    const id = accountId.get(`${invoice.carrierId}|${invoice.accountNumber}`);
    return id === undefined
      ? []
      : [{ id: invoice.id, accountId: id, invoiceDate: invoice.invoiceDate }];
  });
}
