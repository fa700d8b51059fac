/**
 * What a service's recurring charge on a bill is, as the checks of its price read it: the months
 * a bill bills, the periods its lines bill, and the recurring amount net of the credits that are
 * part of the price (discounts, rate corrections) and of the lines reversed on the bill.
 */
import { isIsoDate } from '../dates/iso-date';
import { exactPeriodMonths, periodMonths } from '../dates/period';
import type { ChargeBlock } from '../storage/charge-blocks';
import type { InvoiceFacts, ServiceCharges } from './context';
import { CATEGORY_CODE, addRef, forEachLine } from './findings';
import type { ChargeRef } from './rule';

/**
 * Whether a credit line is a discount on the service's price (a term, volume or contract
 * discount), which the contract rate is compared net of. Other credits — promotions, outage
 * credits, dispute refunds — are benefits on top of the contract rate: they must not hide a rate
 * billed above it.
 */
export function isPriceDiscount(description: string): boolean {
  return /discount/i.test(description);
}

/**
 * Rates that are not the service's monthly price: a "Tax rate adjustment", a "Roaming rate
 * correction" or a "Surcharge rate credit" gives back taxes or usage, never the recurring charge.
 */
const OTHER_RATES =
  /tax|surcharge|usage|roaming|international|long[\s-]*distance|minute|overage|\bcalls?\b/i;

/**
 * Wordings of a correction of what the service was charged: its rate or price adjusted or
 * corrected ("Rate adjustment", "Price correction", "Contract pricing credit"), an overcharge or
 * overbilling given back ("Credit for overbilling", "Overcharge credit", "Overbilled credit"), or
 * a billing error or adjustment ("Billing error credit", "Billing adjustment"). A promotion, a
 * loyalty or device credit names none of them.
 */
const RATE_CORRECTION =
  /\b(?:rate|price|pricing)\s+(?:adj(?:ustment)?|correction|credit|reduction)\b|\bover[\s-]?(?:charg|bill)|\bbilling\s+(?:error|adj(?:ustment)?|correction)/i;

/**
 * Whether a credit names itself a correction of the service's rate or price, or of an overcharge
 * of it ({@link RATE_CORRECTION}): the carrier takes the price down on the bill itself, or gives
 * back what earlier bills charged above it, so what the service costs is the charge less it.
 * Unlike a promotion or an outage credit, it is the price, not a benefit on top of it. A
 * correction of another rate (a tax rate, a roaming rate: {@link OTHER_RATES}) is not one.
 */
export function isRateCorrection(description: string): boolean {
  return RATE_CORRECTION.test(description) && !OTHER_RATES.test(description);
}

/**
 * Whether a credit is a benefit given on top of the price — a promotion, an outage or service
 * interruption credit, a loyalty, goodwill or courtesy credit, a rebate or an SLA credit —
 * rather than a line given back: whatever its amount, it reverses no charge and refunds no copy
 * (a month's outage credited in full does not make a line billed above its rate cost the rate).
 */
export function isBenefitCredit(description: string): boolean {
  return /promo|outage|interruption|downtime|loyalty|goodwill|courtesy|rebate|\bsla\b/i.test(
    description,
  );
}

/**
 * Whether a line takes money off the service's price, which the contract rate is compared net
 * of: a discount credit, or a credit or adjustment correcting the rate ({@link isRateCorrection}).
 */
export function isPriceCredit(
  category: number | undefined,
  description: string,
  amount: number,
): boolean {
  if (category === CATEGORY_CODE.credit && isPriceDiscount(description)) return true;
  const credit = category === CATEGORY_CODE.credit || category === CATEGORY_CODE.adjustment;
  return credit && amount < 0 && isRateCorrection(description);
}

/**
 * How many months an invoice bills its recurring charges for: the months of its stated period (a
 * quarterly bill, 3), else 1. A contracted monthly rate is compared with a recurring charge
 * times this.
 */
export function billedPeriodMonths(facts: InvoiceFacts): number {
  const { periodStart, periodEnd } = facts.invoice;
  return periodStart === undefined || periodEnd === undefined
    ? 1
    : periodMonths(periodStart, periodEnd);
}

/** A charge line's period as `start|end`: its own, else its invoice's ('' when neither says). */
export function linePeriodKey(facts: InvoiceFacts, block: ChargeBlock, row: number): string {
  const start = block.periodStart[row] || facts.invoice.periodStart || '';
  const end = block.periodEnd[row] || facts.invoice.periodEnd || '';
  return start === '' || end === '' ? '' : `${start}|${end}`;
}

/** Each period key's length in months, once: NaN for a key that is no readable period. */
const monthsByPeriodKey = new Map<string, number>();

/**
 * {@link exactPeriodMonths} of a `start|end` key (NaN when it is no period: blank, not dates, or
 * ending before it starts), worked out once per key: a company's bills state few periods, and
 * every service of every invoice asks for them (worked out per service, they were two thirds of
 * rate-mismatch over a million lines).
 */
function monthsOfPeriodKey(key: string): number {
  let months = monthsByPeriodKey.get(key);
  if (months === undefined) {
    const [start = '', end = ''] = key.split('|');
    months =
      !isIsoDate(start) || !isIsoDate(end) || end < start
        ? Number.NaN
        : exactPeriodMonths(start, end);
    // Bounded: a file of a line's own period per line cannot grow it without end.
    if (monthsByPeriodKey.size >= 100_000) monthsByPeriodKey.clear();
    monthsByPeriodKey.set(key, months);
  }
  return months;
}

/**
 * The periods a service's recurring lines bill when they state different ones, one after the
 * other (a new line's part-month `Oct 15 – Oct 31` beside its first whole month `Nov 1 – Nov 30`),
 * each with its length in months, part-months as fractions (17/31, then 1). Undefined when they
 * bill one period (or do not say): the invoice's period counts ({@link billedPeriodMonths}).
 */
export function linePeriods(
  facts: InvoiceFacts,
  charges: ServiceCharges,
): { key: string; months: number }[] | undefined {
  const { recurring } = CATEGORY_CODE;
  const periods = new Map<string, number>();
  for (let i = charges.from; i < charges.to; i++) {
    const block = facts.blocks[charges.blockPositions[i] ?? 0];
    const row = charges.rows[i] ?? 0;
    if (block === undefined) continue;
    // A discount (or a rate correction) of the service is priced against the whole bill, not one
    // of its periods.
    if (isPriceCredit(block.category[row], block.description[row] ?? '', block.amount[row] ?? 0))
      return undefined;
    if (block.category[row] !== recurring) continue;
    const key = linePeriodKey(facts, block, row);
    const months = monthsOfPeriodKey(key);
    if (Number.isNaN(months)) return undefined;
    periods.set(key, months);
  }
  if (periods.size < 2) return undefined;
  const keys = [...periods.keys()].sort();
  // Periods that overlap are not one after the other: a copy or a correction, not part-months.
  for (let i = 1; i < keys.length; i++) {
    if ((keys[i] ?? '').slice(0, 10) <= (keys[i - 1] ?? '').slice(11)) return undefined;
  }
  return keys.map((key) => ({ key, months: periods.get(key) ?? 1 }));
}

/**
 * The recurring charge of a service on one invoice. Identical recurring lines (same description
 * and amount) count once: a copy is `duplicate-charge`'s finding, not an overcharge of the rate.
 * `units` is the largest billed quantity of those lines (seat bundles), 1 when none is given.
 * With `netOfDiscounts`, the service's discount credits and rate corrections on the invoice are
 * taken off (`credited`, a positive number of cents; see {@link isPriceCredit}): an $850 circuit
 * with a monthly $50 term discount costs $800, a $50 line with a −$5 "Rate adjustment" costs $45.
 * `corrected` is the part of `credited` that rate corrections gave back. There too, a recurring
 * line reversed by a credit of exactly its amount is not counted (see {@link reversalsOf}), unless
 * `withReversals` is false (a month credited in full says nothing of what the line costs a month),
 * and no credit in `spent` ({@link creditKey}s of credits already given back for something else:
 * the refund of a copy billed earlier) reverses a line or corrects the price. With `period` (`start|end`), only the
 * lines billing that period count.
 */
export function recurringOf(
  facts: InvoiceFacts,
  charges: ServiceCharges,
  refs?: ChargeRef[],
  netOfDiscounts = false,
  period?: string,
  withReversals = netOfDiscounts,
  spent?: ReadonlySet<string>,
  only?: (description: string) => boolean,
): { amount: number; units: number; credited: number; corrected: number } {
  const recurring = CATEGORY_CODE.recurring;
  let amount = 0;
  let credited = 0;
  let corrected = 0;
  let units = 1;
  // Most services have one recurring line: signatures are only built from the second one on.
  let firstLine: { description: string; value: number } | undefined;
  let seen: Set<string> | undefined;
  const reversals = withReversals ? reversalsOf(facts, charges, period, spent) : undefined;
  for (let i = charges.from; i < charges.to; i++) {
    const position = charges.blockPositions[i] ?? 0;
    const row = charges.rows[i] ?? 0;
    const block = facts.blocks[position];
    if (block === undefined) continue;
    const category = block.category[row];
    const value = block.amount[row] ?? 0;
    const description = block.description[row] ?? '';
    // Only the lines of one period (see `linePeriods`), when asked.
    if (period !== undefined && linePeriodKey(facts, block, row) !== period) continue;
    if (netOfDiscounts && isPriceCredit(category, description, value)) {
      // A correction refunding a copy billed earlier is that copy's, not this bill's price.
      if (spent?.has(creditKey(block, row)) === true) continue;
      credited -= value;
      if (category !== CATEGORY_CODE.credit || !isPriceDiscount(description)) corrected -= value;
      continue;
    }
    if (category !== recurring) continue;
    if (only !== undefined && !only(description)) continue;
    // A line reversed on the bill (a credit of exactly its amount) is not billed.
    const reversed = reversals?.get(value) ?? 0;
    if (reversed > 0) {
      reversals?.set(value, reversed - 1);
      continue;
    }
    if (firstLine === undefined) {
      firstLine = { description, value };
    } else {
      seen ??= new Set([`${firstLine.description}\u0000${firstLine.value}`]);
      const signature = `${description}\u0000${value}`;
      if (seen.has(signature)) continue;
      seen.add(signature);
    }
    amount += value;
    const quantity = block.quantity[row] ?? Number.NaN;
    if (Number.isFinite(quantity) && quantity > units) units = Math.round(quantity);
    if (refs !== undefined) addRef(refs, facts, position, row);
  }
  return { amount: amount - credited, units, credited, corrected };
}

/** Text compared as plans are: case and runs of spaces aside. */
function planWords(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * When a service's recurring lines name its plan (`Business Unlimited`) beside others that do
 * not (`Verizon Mobile Protect`, `Mobile Hotspot 15GB add-on`), the test keeping the lines naming
 * it: a plan's rate prices the plan, and a feature ordered on top of it is no overcharge of that
 * rate. Undefined when no line names the plan (the carrier words it otherwise: every recurring
 * line is the plan's) or every one does.
 */
export function planLinesOf(
  facts: InvoiceFacts,
  charges: ServiceCharges,
  plan: string | undefined,
): ((description: string) => boolean) | undefined {
  const key = planWords(plan ?? '');
  if (key === '') return undefined;
  const names = (description: string) => planWords(description).includes(key);
  let naming = false;
  let other = false;
  forEachLine(facts, charges, (block, row) => {
    if (block.category[row] !== CATEGORY_CODE.recurring) return;
    if (names(block.description[row] ?? '')) naming = true;
    else other = true;
  });
  return naming && other ? names : undefined;
}

/** The key of a charge line across a run: `invoiceId|blockIndex|row`. */
export function creditKey(block: ChargeBlock, row: number): string {
  return `${block.invoiceId}|${block.blockIndex}|${row}`;
}

/**
 * Amount → how many credits or negative adjustments of a service on a bill (other than price
 * credits, which {@link recurringOf} nets as such, benefits, {@link isBenefitCredit}, and credits
 * in `spent`, given back for something else) give back exactly that many cents: each reverses
 * one recurring line of that amount ("Credit - billed in error" beside a line re-rated on the
 * same bill, or a month credited in full).
 */
function reversalsOf(
  facts: InvoiceFacts,
  charges: ServiceCharges,
  period: string | undefined,
  spent: ReadonlySet<string> | undefined,
): Map<number, number> {
  const reversals = new Map<number, number>();
  forEachLine(facts, charges, (block, row) => {
    const category = block.category[row];
    const value = block.amount[row] ?? 0;
    if (value >= 0 || (category !== CATEGORY_CODE.credit && category !== CATEGORY_CODE.adjustment))
      return;
    const description = block.description[row] ?? '';
    if (isPriceCredit(category, description, value) || isBenefitCredit(description)) return;
    if (period !== undefined && linePeriodKey(facts, block, row) !== period) return;
    if (spent?.has(creditKey(block, row)) === true) return;
    reversals.set(-value, (reversals.get(-value) ?? 0) + 1);
  });
  return reversals;
}
