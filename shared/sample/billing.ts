/**
 * What every bill writer shares: the context, which services an invoice bills, the charges of a
 * mobile line for one cycle, and the generic checks that record planted errors as they are billed.
 */
import { daysBetween, type IsoDate, type IsoMonth } from '../dates/iso-date';
import { cents } from '../money/cents';
import { productOf } from './catalog';
import type { PlantPlan } from './errors';
import type { LineProfile } from './inventory';
import { fromActivation } from './lifecycle';
import { dollars, monthSpan, type ErrorLedger } from './ledger';
import type { BillPeriod } from './organization';
import { randomInt } from './random';
import type {
  ExpectedTotal,
  SampleAccount,
  SampleContract,
  SampleCostCenter,
  SampleFile,
  SampleService,
  SampleSite,
} from './types';

/** Everything the bill writers read and write. */
export interface BillingContext {
  seed: number;
  months: readonly IsoMonth[];
  accounts: ReadonlyMap<string, SampleAccount>;
  /** Account id → its bill period for each month of the window. */
  periods: ReadonlyMap<string, readonly BillPeriod[]>;
  /** Carrier id → its services, in inventory order. */
  servicesByCarrier: ReadonlyMap<string, readonly SampleService[]>;
  sites: ReadonlyMap<string, SampleSite>;
  costCenters: ReadonlyMap<string, SampleCostCenter>;
  contracts: ReadonlyMap<string, SampleContract>;
  profiles: ReadonlyMap<string, LineProfile>;
  plan: PlantPlan;
  ledger: ErrorLedger;
  files: SampleFile[];
  totals: ExpectedTotal[];
}

/** The invoice being written. */
export interface InvoiceRef {
  carrier: string;
  account: SampleAccount;
  invoiceNumber: string;
  period: BillPeriod;
}

export function accountOf(ctx: BillingContext, accountId: string): SampleAccount {
  const account = ctx.accounts.get(accountId);
  if (account === undefined) throw new Error(`Unknown account ${accountId}`);
  return account;
}

/**
 * The month a file of these accounts' invoices at window position `index` is named for: the
 * latest month billed in it (an account billed before the others this month is a month ahead).
 */
export function fileMonth(
  ctx: BillingContext,
  accountIds: readonly string[],
  index: number,
): IsoMonth {
  let latest: IsoMonth | undefined;
  for (const accountId of accountIds) {
    const { month } = periodOf(ctx, accountId, index);
    if (latest === undefined || month > latest) latest = month;
  }
  if (latest === undefined) throw new Error('No accounts to name a file for.');
  return latest;
}

export function periodOf(ctx: BillingContext, accountId: string, index: number): BillPeriod {
  const period = ctx.periods.get(accountId)?.[index];
  if (period === undefined) throw new Error(`No period ${index} for ${accountId}`);
  return period;
}

/** `amount × basisPoints / 10,000`, rounded half up, in whole cents. */
export function percentOf(amount: number, basisPoints: number): number {
  return Math.floor((amount * basisPoints + 5_000) / 10_000);
}

/** The services an invoice of `accountId` bills for `period`, planted errors included. */
export function billedServices(
  ctx: BillingContext,
  carrierId: string,
  accountId: string,
  period: BillPeriod,
): SampleService[] {
  const { plan } = ctx;
  const billed: SampleService[] = [];
  for (const service of ctx.servicesByCarrier.get(carrierId) ?? []) {
    if ((plan.wrongAccount.get(service.id) ?? service.accountId) !== accountId) continue;
    if (plan.notBilled.has(service.id) || service.activatedOn === undefined) continue;
    if (service.activatedOn > period.end) continue;
    const gone = service.disconnectedOn !== undefined && service.disconnectedOn < period.start;
    if (gone && !plan.billedAfterDisconnect.has(service.id)) continue;
    billed.push(service);
  }
  return billed;
}

/**
 * The recurring charge billed for a service in a period, planted overbilling included: from the
 * day it was activated when that falls inside the period (billing days before it would be an
 * error no one planted).
 */
export function billedRecurring(
  ctx: BillingContext,
  service: SampleService,
  period: BillPeriod,
): number {
  return fromActivation(monthlyRecurring(ctx, service, period), service, period);
}

/** The recurring charge of a whole period, planted overbilling included. */
function monthlyRecurring(ctx: BillingContext, service: SampleService, period: BillPeriod): number {
  const product = productOf(service.plan);
  const mismatch = ctx.plan.rateMismatch.get(service.id);
  if (mismatch !== undefined && period.index >= mismatch.fromIndex) {
    return mismatch.billedUnitCents * service.quantity;
  }
  const contract =
    service.contractId === undefined ? undefined : ctx.contracts.get(service.contractId);
  if (contract?.status === 'expired' && period.start > contract.endDate) {
    return product.listCents * service.quantity;
  }
  return product.contractCents * service.quantity;
}

/**
 * Records what billing `service` on this invoice plants: charges after disconnect, at a closed
 * site, on the wrong account, without a cost center, above the contract rate or after it expired.
 */
export function noteServiceBilled(
  ctx: BillingContext,
  invoice: InvoiceRef,
  service: SampleService,
  billedId: string,
  total: number,
  recurring: number,
): void {
  const base = {
    carrier: invoice.carrier,
    accountNumber: invoice.account.accountNumber,
    invoiceNumber: invoice.invoiceNumber,
    serviceId: billedId,
    month: invoice.period.month,
    billed: total,
  };
  const { period } = invoice;
  if (service.disconnectedOn !== undefined && service.disconnectedOn < period.start) {
    const disconnectedOn = service.disconnectedOn;
    ctx.ledger.add({
      ...base,
      ruleId: 'billed-after-disconnect',
      impact: total,
      describe: (e) =>
        `${billedId} was disconnected on ${disconnectedOn} but billed ${dollars(e.impact)} on ${monthSpan(e)}.`,
    });
  }
  const site = service.siteId === undefined ? undefined : ctx.sites.get(service.siteId);
  if (site?.closedOn !== undefined && site.closedOn < period.start) {
    const label = `${site.code} ${site.name}`;
    const closedOn = site.closedOn;
    ctx.ledger.add({
      ...base,
      ruleId: 'closed-site',
      impact: total,
      describe: (e) =>
        `${billedId} at ${label}, closed on ${closedOn}, billed ${dollars(e.impact)} on ${monthSpan(e)}.`,
    });
  }
  if (service.accountId !== invoice.account.id) {
    const own = accountOf(ctx, service.accountId).accountNumber;
    ctx.ledger.add({
      ...base,
      ruleId: 'wrong-account',
      impact: 0,
      describe: (e) =>
        `${billedId} belongs to account ${own} in the inventory but is billed on ${e.accountNumber} (${monthSpan(e)}, ${dollars(e.billed)}).`,
    });
  }
  if (
    service.costCenterId === undefined &&
    site?.costCenterId === undefined &&
    invoice.account.defaultCostCenterId === undefined
  ) {
    ctx.ledger.add({
      ...base,
      ruleId: 'missing-cost-center',
      impact: total,
      describe: (e) =>
        `${billedId} (${site?.code ?? 'no site'}) has no cost center on the service, its site or its account: ${dollars(e.impact)} unallocated on ${monthSpan(e)}.`,
    });
  }
  const expected = service.expectedMonthlyCents;
  if (expected === undefined) return;
  const contract =
    service.contractId === undefined ? undefined : ctx.contracts.get(service.contractId);
  // The share of the period after the contract ended (out-of-contract's), at whatever price.
  let after = 0;
  if (contract?.status === 'expired' && period.end > contract.endDate) {
    const endDate = contract.endDate;
    after =
      period.start > endDate
        ? 1
        : daysBetween(endDate, period.end) / (daysBetween(period.start, period.end) + 1);
    const billedAfter = Math.round(recurring * after);
    ctx.ledger.add({
      ...base,
      serviceId: undefined,
      ruleId: 'out-of-contract',
      impact: Math.max(0, billedAfter - Math.round(expected * after)),
      billed: billedAfter,
      describe: (e) =>
        `Contract ${contract.name} ended ${endDate}; recurring charges billed at month-to-month rates, ${dollars(e.impact)} above the last contracted rates on ${monthSpan(e)}.`,
    });
  }
  if (after === 1 || recurring <= expected) return;
  const overAfter = Math.max(0, Math.round(recurring * after) - Math.round(expected * after));
  ctx.ledger.add({
    ...base,
    ruleId: 'rate-mismatch',
    impact: recurring - expected - overAfter,
    billed: recurring,
    describe: (e) =>
      `${billedId} (${service.plan}) billed ${dollars(recurring)}/month against a contract rate of ${dollars(expected)}: ${dollars(e.impact)} over on ${monthSpan(e)}.`,
  });
}

/** Records one invoice's expected totals. */
export function expectTotal(
  ctx: BillingContext,
  invoice: InvoiceRef,
  fileName: string,
  totalCents: number,
  statedTotalCents: number | null,
  chargeLines: number,
  dueDate: IsoDate | null,
  invoiceDate = invoice.period.invoiceDate,
): void {
  ctx.totals.push({
    carrier: invoice.carrier,
    accountNumber: invoice.account.accountNumber,
    invoiceNumber: invoice.invoiceNumber,
    month: invoice.period.month,
    invoiceDate,
    dueDate,
    totalCents: cents(totalCents),
    statedTotalCents: statedTotalCents === null ? null : cents(statedTotalCents),
    chargeLines,
    fileName,
  });
}

/** Number of non-zero amounts: each becomes one charge line on import. */
export function countNonZero(...amounts: readonly number[]): number {
  let count = 0;
  for (const amount of amounts) if (amount !== 0) count += 1;
  return count;
}

/** A random string of `length` digits not starting with 0. */
export function randomDigits(random: () => number, length: number): string {
  let out = String(randomInt(random, 1, 9));
  while (out.length < length) out += String(randomInt(random, 0, 9));
  return out;
}
