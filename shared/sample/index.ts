/**
 * The sample company: a fictional retailer with ~40 sites, 6 carriers, ~1,500 mobile lines and
 * ~200 circuits and voice services, a year of bills in the carriers' real export layouts, and a
 * documented list of billing errors planted in them (see PLANTED-ERRORS.md).
 *
 * Pure and deterministic: the same options give byte-identical files, in Node and in the app.
 */
import {
  addDays,
  addMonthsToMonth,
  endOfMonth,
  isoMonth,
  isoMonthOf,
  monthRange,
  startOfMonth,
  type IsoDate,
  type IsoMonth,
} from '../dates/iso-date';
import { cents } from '../money/cents';
import { percentOf, type BillingContext } from './billing';
import { makeContracts, CONTRACT_IDS } from './contracts';
import { plantErrors } from './errors';
import { serviceCounts, makeInventory } from './inventory';
import { ErrorLedger, dollars } from './ledger';
import { settleNewServices } from './lifecycle';
import {
  ACCOUNT_IDS,
  CARRIER_IDS,
  billPeriod,
  monthsBilledAfter,
  makeAccounts,
  makeCarriers,
  makeCostCenters,
  makeSites,
  type BillPeriod,
} from './organization';
import { partRandom } from './random';
import { writeAtt } from './att';
import { writeTmobile } from './tmobile';
import { writeVerizon } from './verizon';
import { writeRingCentral } from './ringcentral';
import { writeComcast, writeLumen } from './wireline';
import type { SampleCompany, SampleOptions, SampleService } from './types';

export type * from './types';
export { estimateChargeLines } from './estimate';
export { ATT_HEADER } from './att';
export { TMOBILE_HEADER } from './tmobile';
export { TEM_CSV_HEADER } from './tem-csv';
export {
  VERIZON_ACCOUNT_FILE,
  VERIZON_ACCOUNT_HEADER,
  VERIZON_LINE_FILE,
  VERIZON_LINE_HEADER,
} from './verizon';

/** Seed used when none is given. */
export const DEFAULT_SAMPLE_SEED = 20_261_031;
/**
 * Last billed month when none is given (tests and benchmarks that want fixed files). The app
 * passes its `today` instead: the sample then ends with last month's bills (`sampleEndMonth`),
 * and this month's for the accounts whose bill day has passed.
 */
export const DEFAULT_SAMPLE_END_MONTH: IsoMonth = isoMonth(2026, 10);

/**
 * The sample's last billed month as of `today`: the month before today's month, so the demo
 * always looks current (`2026-11-16` → `2026-10`). Today is passed in; this never reads the clock.
 */
export function sampleEndMonth(today: IsoDate): IsoMonth {
  return addMonthsToMonth(isoMonthOf(today), -1);
}
/** Fewest months the planted errors fit in. */
export const MIN_SAMPLE_MONTHS = 6;

/** Resolved options, with defaults filled in and checked (throws on impossible values). */
export function resolveSampleOptions(options: SampleOptions = {}): Required<SampleOptions> {
  const endMonth =
    options.endMonth ??
    (options.today === undefined ? DEFAULT_SAMPLE_END_MONTH : sampleEndMonth(options.today));
  const resolved = {
    seed: options.seed ?? DEFAULT_SAMPLE_SEED,
    months: options.months ?? 12,
    scale: options.scale ?? 1,
    endMonth,
    today: options.today ?? endOfMonth(endMonth),
  };
  if (!Number.isInteger(resolved.months) || resolved.months < MIN_SAMPLE_MONTHS) {
    throw new RangeError(
      `The sample company needs at least ${MIN_SAMPLE_MONTHS} whole months, got ${resolved.months}.`,
    );
  }
  if (!(resolved.scale > 0 && resolved.scale <= 1_000)) {
    throw new RangeError(
      `The sample scale must be above 0 and at most 1000, got ${resolved.scale}.`,
    );
  }
  return resolved;
}

/** Generates the whole sample company; see the module comment. */
export function generateSampleCompany(options: SampleOptions = {}): SampleCompany {
  const { seed, months: monthCount, scale, endMonth, today } = resolveSampleOptions(options);
  const months = monthRange(addMonthsToMonth(endMonth, 1 - monthCount), endMonth);
  const monthAt = (index: number): IsoMonth => months[index] ?? endMonth;
  const window = { start: startOfMonth(monthAt(0)), end: endOfMonth(endMonth) };
  const counts = serviceCounts(scale);

  const costCenters = makeCostCenters();
  const carriers = makeCarriers();
  const accounts = makeAccounts(partRandom(seed, 'accounts'));
  const { sites, roles } = makeSites(partRandom(seed, 'sites'), counts.sites, {
    clean: addDays(startOfMonth(monthAt(2)), 9),
    billed: addDays(startOfMonth(monthAt(monthCount - 6)), 19),
  });
  const { services, profiles } = makeInventory(
    partRandom(seed, 'inventory'),
    counts,
    sites,
    roles,
    window,
  );
  // Each account's bills run to its last bill dated on or before today: as of the 15th, the
  // accounts billing on the 1st have this month's bill, those billing on the 16th do not yet.
  const periods = new Map<string, BillPeriod[]>(
    accounts.map((account) => {
      const shift = monthsBilledAfter(account, endMonth, today);
      return [
        account.id,
        months.map((month, index) => billPeriod(account, addMonthsToMonth(month, shift), index)),
      ];
    }),
  );
  const plan = plantErrors(
    partRandom(seed, 'errors'),
    monthCount,
    services,
    roles,
    window.start,
    periods,
  );
  settleNewServices(services, window.start, new Set([plan.nrcRecurring.serviceId]));
  const contracts = makeContracts(partRandom(seed, 'contracts'), periods, services, today);

  for (const account of accounts) {
    let expected = 0;
    for (const service of services) {
      if (
        service.accountId === account.id &&
        (service.status === 'active' || service.status === 'pending-disconnect')
      ) {
        expected += service.expectedMonthlyCents ?? 0;
      }
    }
    account.expectedMonthlyCents = cents(expected);
  }

  const servicesByCarrier = new Map<string, SampleService[]>();
  for (const service of services) {
    const list = servicesByCarrier.get(service.carrierId) ?? [];
    list.push(service);
    servicesByCarrier.set(service.carrierId, list);
  }
  const ledger = new ErrorLedger();
  const ctx: BillingContext = {
    seed,
    months,
    accounts: new Map(accounts.map((account) => [account.id, account])),
    periods,
    servicesByCarrier,
    sites: new Map(sites.map((site) => [site.id, site])),
    costCenters: new Map(costCenters.map((costCenter) => [costCenter.id, costCenter])),
    contracts: new Map(contracts.map((contract) => [contract.id, contract])),
    profiles,
    plan,
    ledger,
    files: [],
    totals: [],
  };

  writeVerizon(ctx);
  writeAtt(ctx);
  writeTmobile(ctx);
  writeLumen(ctx);
  writeComcast(ctx);
  const ringCentralRecurring =
    accounts.find((a) => a.id === ACCOUNT_IDS.ringcentral)?.expectedMonthlyCents ?? 0;
  writeRingCentral(ctx, percentOf(ringCentralRecurring, 300));

  noteNotBilled(ctx, services);
  noteContracts(ctx);

  const billedMonths = new Set<IsoMonth>();
  for (const list of periods.values()) for (const period of list) billedMonths.add(period.month);
  return {
    seed,
    months: [...billedMonths].sort(),
    sites,
    costCenters,
    carriers,
    accounts,
    services,
    contracts,
    files: ctx.files,
    plantedErrors: ledger.plantedErrors(),
    expectedTotals: ctx.totals,
    chargeLineCount: ctx.totals.reduce((sum, total) => sum + total.chargeLines, 0),
  };
}

/** Active services that no invoice of their account mentions, in months the account was billed. */
function noteNotBilled(ctx: BillingContext, services: readonly SampleService[]): void {
  const { plan } = ctx;
  for (const service of services) {
    if (!plan.notBilled.has(service.id) && !plan.wrongAccount.has(service.id)) continue;
    const account = ctx.accounts.get(service.accountId);
    if (account === undefined) continue;
    ctx.months.forEach((_, index) => {
      const missing =
        plan.missingInvoice.accountId === account.id && plan.missingInvoice.index === index;
      const period = ctx.periods.get(account.id)?.[index];
      if (
        missing ||
        period === undefined ||
        service.activatedOn === undefined ||
        service.activatedOn > period.end
      )
        return;
      const reason = plan.wrongAccount.has(service.id)
        ? ' (it is billed on another account: see wrong-account)'
        : '';
      ctx.ledger.add({
        ruleId: 'not-billed',
        carrier: service.carrierId,
        accountNumber: account.accountNumber,
        serviceId: service.serviceIdRaw,
        month: period.month,
        impact: 0,
        billed: 0,
        describe: (e) =>
          `${service.serviceIdRaw} (${service.plan}) is active in the inventory but on no invoice of account ${e.accountNumber} from ${e.month} to ${e.throughMonth}${reason}.`,
      });
    });
  }
}

/** Contract findings: the renewal notice deadline, and the MARC shortfall on Lumen data. */
function noteContracts(ctx: BillingContext): void {
  // The month of an account's last bill (a month after the others' for one billed earlier).
  const lastMonth = (accountId: string) => ctx.periods.get(accountId)?.at(-1)?.month;
  const verizon = ctx.contracts.get(CONTRACT_IDS.verizon);
  const verizonAccount = ctx.accounts.get(ACCOUNT_IDS.verizonMain);
  const verizonMonth = lastMonth(ACCOUNT_IDS.verizonMain);
  if (verizon !== undefined && verizonAccount !== undefined && verizonMonth !== undefined) {
    const deadline = addDays(verizon.endDate, -verizon.noticeDays);
    ctx.ledger.add({
      ruleId: 'renewal-due',
      carrier: CARRIER_IDS.verizon,
      accountNumber: verizonAccount.accountNumber,
      month: verizonMonth,
      impact: 0,
      billed: 0,
      describe: () =>
        `${verizon.name} ends ${verizon.endDate} and renews automatically for ${verizon.renewalTermMonths} months unless notice reaches Verizon by ${deadline} (${verizon.noticeDays} days before).`,
    });
  }
  const lumen = ctx.contracts.get(CONTRACT_IDS.lumenData);
  const lumenAccount = ctx.accounts.get(ACCOUNT_IDS.lumenData);
  const lumenMonth = lumenAccount === undefined ? undefined : lastMonth(lumenAccount.id);
  if (lumen === undefined || lumenAccount === undefined || lumenMonth === undefined) return;
  const totals = ctx.totals
    .filter((t) => t.accountNumber === lumenAccount.accountNumber)
    .slice(-12);
  const spend = totals.reduce((sum, t) => sum + t.totalCents, 0);
  const annualised = Math.floor((spend * 12 * 2 + totals.length) / (2 * totals.length));
  // The commitment was sized for growth that never came: 8 % above today's spend, in $10,000 steps.
  const marc = Math.ceil((annualised * 1.08) / 1_000_000) * 1_000_000;
  lumen.marcCents = cents(marc);
  ctx.ledger.add({
    ruleId: 'marc-shortfall',
    carrier: CARRIER_IDS.lumen,
    accountNumber: lumenAccount.accountNumber,
    month: lumenMonth,
    impact: marc - annualised,
    billed: spend,
    describe: (e) =>
      `${lumen.name} commits to ${dollars(marc)} a year; the last ${totals.length} invoices add up to ${dollars(spend)} (${dollars(annualised)} annualised): ${dollars(e.impact)} short.`,
  });
}
