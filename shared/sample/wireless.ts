/**
 * Mobile lines: one line's charges and usage for one bill cycle, shared by the Verizon, AT&T and
 * T-Mobile writers, and the planted errors only mobile bills show.
 */
import { productOf } from './catalog';
import { billedRecurring, percentOf, type BillingContext, type InvoiceRef } from './billing';
import { dollars, monthSpan } from './ledger';
import type { BillPeriod } from './organization';
import { pick, randomInt } from './random';
import type { SampleService } from './types';

/** Kinds of usage charge a mobile line can run up. */
export type UsageKind = 'voice' | 'messaging' | 'data' | 'roaming' | 'international' | 'purchases';

/** One mobile line's charges and usage for one cycle, in cents and units. */
export interface LineCharges {
  monthly: number;
  usage: number;
  usageKind: UsageKind;
  equipment: number;
  /** One-time charges (activation fee on the first bill). */
  oneTime: number;
  surcharges: number;
  taxes: number;
  thirdParty: number;
  /** Credits and adjustments (AT&T). */
  adjustments: number;
  total: number;
  minutes: number;
  messages: number;
  dataKb: number;
  roamingMinutes: number;
  roamingKb: number;
}

/** How a carrier's fees and taxes are figured. */
export interface WirelessRates {
  /** Surcharges as basis points of the monthly charge. */
  surchargeBp: number;
  /** Taxes as basis points of monthly plus usage charges. */
  taxBp: number;
  /** Flat per-line taxes (911 and the like), in cents. */
  flatTaxCents: number;
  activationCents: number;
  /** Smallest usage charge (T-Mobile bills cents-sized premium texts), in cents. */
  minUsageCents: number;
}

const USAGE_KINDS: readonly UsageKind[] = [
  'voice',
  'messaging',
  'data',
  'roaming',
  'international',
  'purchases',
];

/** Kilobytes in a gigabyte, as carriers count. */
const KB_PER_GB = 1024 * 1024;

/** The charges of one mobile line for one cycle, planted errors included. */
export function lineCharges(
  ctx: BillingContext,
  random: () => number,
  service: SampleService,
  period: BillPeriod,
  rates: WirelessRates,
): LineCharges {
  const { plan } = ctx;
  const product = productOf(service.plan);
  const monthly = billedRecurring(ctx, service, period);
  const zero = plan.zeroUsage.has(service.id);
  const voice = !zero && product.dataOnly !== true;
  const charges: LineCharges = {
    monthly,
    usage: 0,
    usageKind: 'data',
    equipment: ctx.profiles.get(service.id)?.devicePaymentCents ?? 0,
    oneTime: 0,
    surcharges: 0,
    taxes: 0,
    thirdParty: 0,
    adjustments: 0,
    total: 0,
    minutes: voice ? randomInt(random, 15, 1_800) : 0,
    messages: voice ? randomInt(random, 5, 2_500) : 0,
    dataKb: zero ? 0 : randomInt(random, 20_000, 30_000_000),
    roamingMinutes: 0,
    roamingKb: 0,
  };
  if (!zero) planDataUse(ctx, service, period, product.dataAllowanceGb, charges);
  if (!zero && random() < 0.06) {
    // Usage charges stay under 15 % of the plan so only the planted line is an overage.
    charges.usage = randomInt(
      random,
      rates.minUsageCents,
      Math.max(rates.minUsageCents, Math.floor(product.contractCents * 0.15)),
    );
    charges.usageKind = pick(random, USAGE_KINDS);
  }
  if (plan.overage.serviceId === service.id && plan.overage.index === period.index) {
    charges.usage = plan.overage.cents;
    charges.usageKind = 'roaming';
    charges.roamingMinutes = 212;
    charges.roamingKb = 1_843_200;
    // Past the plan's allowance (the roaming on top of a full allowance), which is what makes
    // the overage rule judge the usage charges at all.
    if (typeof product.dataAllowanceGb === 'number')
      charges.dataKb = Math.max(
        charges.dataKb,
        product.dataAllowanceGb * KB_PER_GB + charges.roamingKb,
      );
  }
  if (
    service.activatedOn !== undefined &&
    service.activatedOn >= period.start &&
    service.activatedOn <= period.end
  ) {
    charges.oneTime = rates.activationCents;
  }
  if (plan.thirdParty.serviceId === service.id && period.index >= plan.thirdParty.fromIndex) {
    charges.thirdParty = plan.thirdParty.cents;
  }
  charges.surcharges = percentOf(monthly, rates.surchargeBp);
  charges.taxes = percentOf(monthly + charges.usage, rates.taxBp) + rates.flatTaxCents;
  return charges;
}

/** The cheapest plan of Verizon's rate card that covers the planted hotspot's use. */
const UNDERUSED_CHEAPER_PLAN = 'Business Unlimited Tablet';

/** The planted hotspot's data in its under-used months (0.62, 1.34 and 0.91 GB, repeating). */
const UNDERUSED_KB = [650_000, 1_405_000, 954_000] as const;

/**
 * On a plan with a data allowance: the planted under-used months get a small use; every other
 * month at least 30 % of the allowance, so the clean months are never under a quarter of it.
 * (Only values change: no PRNG draw, so the rest of the company stays as it was.)
 */
function planDataUse(
  ctx: BillingContext,
  service: SampleService,
  period: BillPeriod,
  allowanceGb: number | 'unlimited' | undefined,
  charges: LineCharges,
): void {
  if (typeof allowanceGb !== 'number') return;
  const planted = ctx.plan.underusedPlan;
  if (planted?.serviceId === service.id && period.index >= planted.fromIndex) {
    charges.dataKb = UNDERUSED_KB[(period.index - planted.fromIndex) % UNDERUSED_KB.length] ?? 0;
    return;
  }
  charges.dataKb = Math.max(charges.dataKb, Math.ceil(allowanceGb * KB_PER_GB * 0.3));
}

/** Adds up a line's charges into `total`. */
export function totalOf(charges: LineCharges): number {
  charges.total =
    charges.monthly +
    charges.usage +
    charges.equipment +
    charges.oneTime +
    charges.surcharges +
    charges.taxes +
    charges.thirdParty +
    charges.adjustments;
  return charges.total;
}

/** Records the per-line planted errors that only mobile bills show. */
export function noteLineCharges(
  ctx: BillingContext,
  invoice: InvoiceRef,
  service: SampleService,
  billedId: string,
  charges: LineCharges,
): void {
  const base = {
    carrier: invoice.carrier,
    accountNumber: invoice.account.accountNumber,
    invoiceNumber: invoice.invoiceNumber,
    serviceId: billedId,
    month: invoice.period.month,
  };
  const { plan } = ctx;
  if (plan.zeroUsage.has(service.id)) {
    ctx.ledger.add({
      ...base,
      ruleId: 'zero-usage',
      impact: charges.monthly,
      impactMode: 'latest',
      billed: charges.monthly,
      describe: (e) =>
        `${billedId} had no voice, messaging or data use on ${monthSpan(e)} yet paid its ${dollars(e.impact)} monthly charge each time.`,
    });
  }
  const underused = plan.underusedPlan;
  if (underused?.serviceId === service.id && invoice.period.index >= underused.fromIndex) {
    const cheaper = productOf(UNDERUSED_CHEAPER_PLAN).contractCents;
    const rate = productOf(service.plan).contractCents;
    ctx.ledger.add({
      ...base,
      ruleId: 'underused-plan',
      impact: rate - cheaper,
      billed: charges.monthly,
      describe: (e) =>
        `${billedId} used under a quarter of its ${service.plan} plan's data on ${monthSpan(e)}; ${UNDERUSED_CHEAPER_PLAN} at ${dollars(cheaper)} a month covers it: ${dollars(rate - cheaper)} a month less, ${dollars(e.impact)} in all.`,
    });
  }
  if (charges.thirdParty !== 0) {
    ctx.ledger.add({
      ...base,
      ruleId: 'third-party',
      impact: charges.thirdParty,
      billed: charges.thirdParty,
      describe: (e) =>
        `${billedId} carries a ${dollars(plan.thirdParty.cents)} premium-messaging subscription (third-party charges) on ${monthSpan(e)}: ${dollars(e.impact)} in all.`,
    });
  }
  if (plan.overage.serviceId === service.id && plan.overage.index === invoice.period.index) {
    const monthly = charges.monthly;
    ctx.ledger.add({
      ...base,
      ruleId: 'overage',
      impact: charges.usage,
      billed: charges.usage,
      describe: (e) =>
        `${billedId} ran up ${dollars(e.impact)} of international roaming on ${e.month}, against a ${dollars(monthly)} plan.`,
    });
  }
}
