/**
 * What a service costs on the other side of a contract's start or end, for a bill whose period
 * runs across it. Such a bill blends two prices: a circuit at $800 until a new $700 contract
 * starts on 15 June bills June $746.67 (14 days at $800, 16 at $700), exactly right. Read as if
 * the whole bill were at one price spread over its days, it looked $24.89 above the new rate for
 * its 16 days. With the price of the other side known, each side's days are priced at their own.
 */
import { contractedRateMatch } from '../contracts/rates';
import type { IsoDate } from '../dates/iso-date';
import type { ContractedRate, RuleContext } from './context';
import type { InvoiceFacts, ServiceCharges } from './invoice-facts';
import { billedPeriodMonths, recurringOf } from './recurring';

/** Before the contract's start, or after its end. */
export type Side = 'before' | 'after';

/**
 * The price per unit and month on `side` of the boundary of `rate`'s contract, or undefined when
 * nothing says it: the contract on the other side pricing the service (the one replaced, or
 * the one taking over); after the end, the rate card's month-to-month rate; else what the
 * service's nearest bill wholly on that side billed it (net of its discounts, as the checks read
 * a price).
 */
export function priceBeyond(
  context: RuleContext,
  facts: InvoiceFacts,
  charges: ServiceCharges,
  rate: ContractedRate,
  side: Side,
  refunds: ReadonlySet<string>,
): number | undefined {
  const contract = rate.contract;
  const service = charges.service;
  if (contract === undefined || service === undefined) return undefined;
  const other = context.contractedRate(
    service,
    side === 'before' ? facts.periodStart : facts.periodEnd,
  );
  if (
    other?.contract !== undefined &&
    other.contract !== contract &&
    other.source !== 'expected monthly charge'
  )
    return other.unitCents;
  if (side === 'after') {
    const holdover = contractedRateMatch(contract, service)?.rate.monthToMonthRateCents;
    if (holdover !== undefined) return holdover;
  }
  const boundary = side === 'before' ? contract.startDate : contract.endDate;
  return billedBeyond(context, facts, charges.serviceKey, boundary, side, refunds);
}

/** The service's price per unit and month on its nearest bill wholly on `side` of `boundary`. */
function billedBeyond(
  context: RuleContext,
  facts: InvoiceFacts,
  serviceKey: string,
  boundary: IsoDate,
  side: Side,
  refunds: ReadonlySet<string>,
): number | undefined {
  const bills = context.invoicesByAccount.get(facts.accountKey) ?? [];
  const order = side === 'before' ? [...bills].reverse() : bills;
  for (const bill of order) {
    const beyond = side === 'before' ? bill.periodEnd < boundary : bill.periodStart > boundary;
    if (!beyond) continue;
    const charges = bill.serviceCharges.get(serviceKey);
    if (charges === undefined) continue;
    const billed = recurringOf(bill, charges, undefined, true, undefined, true, refunds);
    if (billed.amount <= 0) continue;
    return billed.amount / (billed.units * billedPeriodMonths(bill));
  }
  return undefined;
}

/**
 * What a bill's days on the far side of a boundary (their `share` of its days) bill above the
 * rate, `contracted` being the bill's cost at the rate for all its days: at `otherCost` (the
 * other side's price for all its days) when known, else at the bill's own average (`billed`
 * spread evenly). Negative when the other side is cheaper than the rate.
 */
export function excessBeyond(
  billed: number,
  contracted: number,
  share: number,
  otherCost: number | undefined,
): number {
  if (share === 0) return 0;
  if (otherCost === undefined)
    return Math.max(0, Math.round(billed * share) - Math.round(contracted * share));
  // Rounded once, so the days on this side keep the exact rest of the bill.
  return Math.round((otherCost - contracted) * share);
}
