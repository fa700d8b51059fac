import { headerKey } from '../../import/header-key';
import { ATT_ACTIVITY_HEADER } from '../../import/profiles/att-headers';
import { contractedRate } from '../../contracts/rates';
import type { IsoMonth } from '../../dates/iso-date';
import { SERVICE_TYPES, type Contract, type ContractRate, type Service } from '../../model';
import type { InvoiceFacts, RuleContext } from '../context';
import {
  CATEGORY_CODE,
  Tallies,
  type Tally,
  addRef,
  forEachLine,
  forEachLineOf,
  money,
  tallyDraft,
  tallySpan,
} from '../findings';
import { isBenefitCredit, isPriceDiscount, recurringOf } from '../recurring';
import { DIMENSIONS, mobileUsageByMonth, type Use } from '../plans';
import { resolveSettings, type AuditRule, type SettingSpec } from '../rule';

const SETTINGS = [
  {
    key: 'percent',
    label: 'Usage charges above this share of the plan’s monthly rate',
    unit: 'percent',
    default: 20,
    // Usage charges of twice or five times the plan rate are what this check is for.
    range: { min: 0, max: 1000, whole: false },
  },
] as const satisfies readonly SettingSpec[];

const TYPES: ReadonlySet<string> = new Set(SERVICE_TYPES);

/**
 * Usage-category lines that hold more than usage (AT&T's activity total includes device
 * instalments and purchases): a line carrying one is not judged, since its usage charges are not
 * known. Such a line's description is its column's header as the file spells it (`Total Activity
 * Since Last Bill` in another export), so descriptions are compared as headers are (`headerKey`).
 */
const MIXED_USAGE: ReadonlySet<string> = new Set([headerKey(ATT_ACTIVITY_HEADER)]);

/**
 * Verizon's per-line summary column (see `shared/import/profiles/verizon-raw-data.ts`): usage
 * charges and purchases (apps, content, one-off buys) in one figure. It is judged as usage only
 * when the line's usage that month went past its plan's allowances; on a line whose usage stayed
 * within them, the charge is purchases, not overage.
 */
const USAGE_AND_PURCHASES = headerKey('Usage and Purchase Charges');

/** Whether known use went past an allowance the plan states (a number, not unlimited). */
function exceeds(
  plan: Pick<ContractRate, (typeof DIMENSIONS)[number]['field']>,
  use: Use,
): boolean {
  return DIMENSIONS.some(({ dimension, field }) => {
    const allowance = plan[field];
    const used = use[dimension];
    return typeof allowance === 'number' && used !== null && used > allowance;
  });
}

/**
 * Whether a line's use in `month` is known to have gone past an allowance of its plan: only then
 * is Verizon's usage-and-purchase figure usage. Unknown use, or a plan stating no allowance, does
 * not tell (missing data is not zero, nor anything else).
 */
function pastAllowances(context: RuleContext, service: Service, month: IsoMonth): boolean {
  const contract = context.contractOf(service);
  const plan = contract === undefined ? undefined : contractedRate(contract, service);
  const use = mobileUsageByMonth(context).get(service)?.get(month);
  return plan !== undefined && use !== undefined && exceeds(plan, use.amounts);
}

/** The cheapest plan of a rate card priced above `rate`: the next plan up. */
export function nextPlanUp(
  contract: Contract | undefined,
  rate: number,
  use?: Use,
): { plan: string; monthlyCents: number } | undefined {
  let best: { plan: string; monthlyCents: number } | undefined;
  for (const entry of contract?.rateCard ?? []) {
    const plan = entry.planOrServiceType?.trim() ?? '';
    if (entry.serviceId !== undefined || plan === '' || TYPES.has(plan.toLowerCase())) continue;
    if (entry.monthlyRateCents <= rate) continue;
    // A plan whose stated allowance the month's known use went past covers nothing of it.
    if (use !== undefined && exceeds(entry, use)) continue;
    if (best === undefined || entry.monthlyRateCents < best.monthlyCents)
      best = { plan, monthlyCents: entry.monthlyRateCents };
  }
  return best;
}

/**
 * Words of a credit that gives usage back (`Roaming credit`, `Usage adjustment`, `Long distance
 * credit`); a plan's discount (`Data plan discount`) is a price, not usage, and is not one.
 */
const USAGE_WORDING =
  /\b(?:usage|roaming|overage|airtime|international|long[\s-]+distance|calls?)\b/i;

/**
 * Service key → cents a bill gives back of the service's usage: its negative usage lines, and its
 * credits and adjustments worded as usage (not a discount, promotion or outage credit).
 */
function usageCredits(
  facts: InvoiceFacts,
  onLine?: (key: string, position: number, row: number) => void,
): Map<string, number> {
  const { usage, credit, adjustment } = CATEGORY_CODE;
  const given = new Map<string, number>();
  for (const code of [usage, credit, adjustment]) {
    forEachLineOf(facts, code, (block, row, position) => {
      const amount = block.amount[row] ?? 0;
      const key = block.serviceKey[row] ?? '';
      if (amount >= 0 || key === '') return;
      const description = block.description[row] ?? '';
      // A promotion or an outage credit naming calls or international use is a benefit, not
      // usage given back.
      const benefit = isPriceDiscount(description) || isBenefitCredit(description);
      if (code !== usage && (!USAGE_WORDING.test(description) || benefit)) return;
      given.set(key, (given.get(key) ?? 0) - amount);
      onLine?.(key, position, row);
    });
  }
  return given;
}

/**
 * Usage charges on a mobile line above a share of its plan's monthly rate (the contract's rate for
 * the plan, else the recurring charge billed), month by month. A line with no known rate, or whose
 * usage charges the bill does not give apart from purchases (AT&T's activity total), is not
 * judged. Where the contract's rate card has a dearer plan, the message says what moving to the
 * next one up would have saved on the latest month, if that plan covers the usage (plan
 * allowances tell; the rate card alone does not). Usage the same bill gives back (a negative usage
 * line, a roaming credit) is netted: refunded usage is no overage; what a usage credit gives
 * beyond its bill's own usage gives back earlier months' (see {@link giveBackLater}). Impact: the
 * usage charges of those months, net of it.
 */
export const overageRule: AuditRule = {
  id: 'overage',
  title: 'Usage charges above the plan',
  description:
    'Usage charges on a mobile line above 20 % of its plan’s monthly rate (the contract rate for the plan, else the recurring charge billed): a bigger plan or a pool would be cheaper. AT&T’s “activity since last bill” mixes usage with device instalments and purchases and is not judged; Verizon’s “Usage and Purchase Charges” is judged only when the line’s use went past its plan’s allowances. Usage credited back on the same bill is netted. Impact: the usage charges; the message adds what the next plan up on the rate card would save.',
  severity: 'warning',
  settings: SETTINGS,
  check(context) {
    const settings = resolveSettings(context.settings, this.id, SETTINGS);
    const usageCode = CATEGORY_CODE.usage;
    const tallies = new Tallies();
    // The months found, per account and service, and what later bills give back of them.
    const found = new Map<string, FoundMonth[]>();
    const leftovers = new Map<InvoiceFacts, Map<string, number>>();
    for (const facts of context.originals) {
      // Usage lines are few: sum them per service from one pass over the category column.
      const usageOf = new Map<string, { usage: number; mixed: boolean; purchases: boolean }>();
      // What the bill gives back of a service's usage: negative usage lines, and credits or
      // adjustments worded as usage (`Roaming credit`). Usage refunded is no usage paid.
      // Where they are: a finding lists the credits it nets beside the usage lines.
      const creditLines = new Map<string, [number, number][]>();
      const givenBack = usageCredits(facts, (key, position, row) =>
        creditLines.set(key, [...(creditLines.get(key) ?? []), [position, row]]),
      );
      forEachLineOf(facts, usageCode, (block, row) => {
        const amount = block.amount[row] ?? 0;
        const key = block.serviceKey[row] ?? '';
        if (amount <= 0 || key === '') return;
        const description = headerKey(block.description[row] ?? '');
        const mixed = MIXED_USAGE.has(description);
        const purchases = description === USAGE_AND_PURCHASES;
        const entry = usageOf.get(key);
        if (entry === undefined) usageOf.set(key, { usage: amount, mixed, purchases });
        else {
          entry.usage += amount;
          entry.mixed ||= mixed;
          entry.purchases ||= purchases;
        }
      });
      // Usage credits beyond this bill's own usage give back earlier months' (see `giveBackLater`).
      for (const [key, given] of givenBack) {
        const left = given - (usageOf.get(key)?.usage ?? 0);
        if (left > 0) leftovers.set(facts, (leftovers.get(facts) ?? new Map()).set(key, left));
      }
      for (const [key, { usage: charged, mixed, purchases }] of usageOf) {
        const usage = charged - Math.min(charged, givenBack.get(key) ?? 0);
        const charges = facts.serviceCharges.get(key);
        const service = charges?.service;
        if (charges === undefined || service?.type !== 'mobile-line' || mixed) continue;
        if (purchases && !pastAllowances(context, service, facts.month)) continue;
        const rate =
          context.contractedRate(service, facts.periodEnd)?.unitCents ??
          recurringOf(facts, charges).amount;
        if (rate <= 0 || usage * 100 <= settings.percent * rate) continue;
        const tally = tallies.on(facts, charges.serviceKey, charges.serviceIdRaw, service);
        tally.impact += usage;
        const months = found.get(`${facts.accountKey}|${key}`) ?? [];
        found.set(`${facts.accountKey}|${key}`, months);
        months.push({ facts, tally, owed: usage });
        // What credits took off, for the message.
        tally.billed += charged - usage;
        // The message's figures are the latest invoice's, whatever order the bills were read in.
        if (tally.last === facts) {
          tally.lastAmount = usage;
          tally.reference = rate;
        }
        // Evidence only for the lines of a finding.
        forEachLine(facts, charges, (block, row, position) => {
          if (block.category[row] === usageCode && (block.amount[row] ?? 0) > 0)
            addRef(tally.refs, facts, position, row);
        });
        for (const [position, row] of creditLines.get(key) ?? [])
          addRef(tally.refs, facts, position, row);
      }
    }
    giveBackLater(context, found, leftovers);
    return tallies.list().flatMap((tally) => {
      // Given back in full on later bills: no usage left to claim.
      if (tally.impact <= 0) return [];
      const rate = tally.reference;
      const share = `${((tally.lastAmount * 100) / rate).toFixed(1)}%`;
      const latest = tally.invoices === 1 ? '' : ` (latest ${money(tally.lastAmount)})`;
      const credited = tally.billed > 0 ? ` (after ${money(tally.billed)} credited back)` : '';
      let message = `${tally.serviceIdRaw}: ${money(tally.impact)} of usage charges${credited} on ${tallySpan(tally)}${latest}; ${money(tally.lastAmount)} is ${share} of its ${money(rate)} plan rate.`;
      const contract = tally.service === undefined ? undefined : context.contractOf(tally.service);
      const use =
        tally.service === undefined
          ? undefined
          : mobileUsageByMonth(context).get(tally.service)?.get(tally.last.month)?.amounts;
      const bigger = nextPlanUp(contract, rate, use);
      const saving = bigger === undefined ? 0 : rate + tally.lastAmount - bigger.monthlyCents;
      if (bigger !== undefined && saving > 0)
        message += ` The next plan up on the contract's rate card, ${bigger.plan} at ${money(bigger.monthlyCents)} a month, would have cost ${money(saving)} less that month if it covers this usage.`;
      return [tallyDraft(this, tally, tally.impact, message)];
    });
  },
};

/** A month of usage found above the plan, and what of it is still owed. */
interface FoundMonth {
  facts: InvoiceFacts;
  tally: Tally;
  owed: number;
}

/**
 * Usage credits a bill gives beyond its own usage (a `Roaming credit` on next month's bill, after
 * the roaming was disputed) give back the usage of the account's earlier months found above the
 * plan, the latest first: usage the carrier refunded is no longer claimed, and the message says
 * it was credited back. A credit never gives back a month billed after it.
 */
function giveBackLater(
  context: RuleContext,
  found: ReadonlyMap<string, FoundMonth[]>,
  leftovers: ReadonlyMap<InvoiceFacts, ReadonlyMap<string, number>>,
): void {
  if (found.size === 0 || leftovers.size === 0) return;
  for (const invoices of context.invoicesByAccount.values()) {
    const order = new Map(invoices.map((facts, index) => [facts, index]));
    invoices.forEach((facts, index) => {
      for (const [key, cents] of leftovers.get(facts) ?? []) {
        const earlier = (found.get(`${facts.accountKey}|${key}`) ?? [])
          .filter((month) => (order.get(month.facts) ?? index) < index)
          .sort((a, b) => (order.get(b.facts) ?? 0) - (order.get(a.facts) ?? 0));
        let left = cents;
        for (const month of earlier) {
          const taken = Math.min(month.owed, left);
          if (taken <= 0) continue;
          month.owed -= taken;
          month.tally.impact -= taken;
          month.tally.billed += taken;
          left -= taken;
        }
      }
    });
  }
}
