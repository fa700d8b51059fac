/**
 * Bills that charge a service for part of their month: a circuit installed on March 15 is billed
 * $438.71 for its 17 days on a bill that states the whole of March. Such a bill in the average
 * pulls it down, and the next bill, the circuit's first whole month at its $800 rate, would look
 * like a spike. The spike check reads these part months here.
 */
import { daysBetween, isIsoDate } from '../../dates';
import type { InvoiceFacts, ServiceCharges } from '../context';
import { CATEGORY_CODE } from '../findings';
import { billedPeriodMonths, recurringOf } from '../recurring';

/**
 * Days in the shortest whole monthly cycle (February's 1st to 28th, both included): a bill or a
 * line of a shorter stated period bills part of a month.
 */
export const FULL_CYCLE_DAYS = 28;

/** A service a bill charges for part of its period. */
export interface PartService {
  /** The service's identifier as billed, for the message. */
  serviceIdRaw: string;
  /** Its recurring charge on that bill, per month billed, in cents. */
  recurring: number;
  /**
   * Its charge for the whole period at the same price a day, when the days it was billed for are
   * known; undefined when only the amounts said it was a part.
   */
  whole: number | undefined;
}

/** A service's recurring charge on a bill, per month billed (0 when it has none). */
function monthlyRecurring(facts: InvoiceFacts, charges: ServiceCharges | undefined): number {
  if (charges === undefined) return 0;
  return recurringOf(facts, charges).amount / billedPeriodMonths(facts);
}

/**
 * The days of its recurring lines' own period when shorter than a whole monthly cycle ("Oct 15 –
 * Oct 31" on a bill of October: 17), else undefined.
 */
function linePartDays(facts: InvoiceFacts, charges: ServiceCharges): number | undefined {
  for (let i = charges.from; i < charges.to; i++) {
    const block = facts.blocks[charges.blockPositions[i] ?? 0];
    const row = charges.rows[i] ?? 0;
    if (block === undefined || block.category[row] !== CATEGORY_CODE.recurring) continue;
    const start = block.periodStart[row] ?? '';
    const end = block.periodEnd[row] ?? '';
    if (!isIsoDate(start) || !isIsoDate(end) || end < start) continue;
    const days = daysBetween(start, end) + 1;
    if (days < FULL_CYCLE_DAYS) return days;
  }
  return undefined;
}

/**
 * The days of a bill's period a service was billed for, when its inventory dates say it started
 * after the period began or stopped before it ended, or its line states a shorter period of its
 * own; undefined when nothing says it was billed for part of the period.
 */
function partDays(facts: InvoiceFacts, charges: ServiceCharges): number | undefined {
  const { periodStart, periodEnd } = facts;
  const started = charges.service?.activatedOn;
  const stopped = charges.service?.disconnectedOn;
  const from =
    started !== undefined && started > periodStart && started <= periodEnd ? started : undefined;
  const to =
    stopped !== undefined && stopped >= periodStart && stopped < periodEnd ? stopped : undefined;
  if (from !== undefined || to !== undefined) {
    const days = daysBetween(from ?? periodStart, to ?? periodEnd) + 1;
    if (days > 0) return days;
  }
  return linePartDays(facts, charges);
}

/**
 * The services each bill of a series (oldest first) charges for part of its period, by match key.
 * A service is billed in part when its inventory dates say it started after the bill's period
 * began or stopped before it ended, or when its recurring line states a period of its own shorter
 * than a month (see {@link partDays}); and, for a service the inventory gives no start date, when
 * this is the first bill of the series to charge it and the next bill charges it more (a first
 * bill prorated, with nothing to say so but the amounts).
 */
export function partServicesOf(series: readonly InvoiceFacts[]): Map<string, PartService>[] {
  const seen = new Set<string>();
  return series.map((facts, index) => {
    const parts = new Map<string, PartService>();
    const next = series[index + 1];
    const periodDays = daysBetween(facts.periodStart, facts.periodEnd) + 1;
    for (const charges of facts.services) {
      const recurring = monthlyRecurring(facts, charges);
      const first = !seen.has(charges.serviceKey);
      seen.add(charges.serviceKey);
      if (recurring <= 0) continue;
      const days = partDays(facts, charges);
      const { serviceIdRaw } = charges;
      if (days !== undefined) {
        // Its days at the same price a day: what a whole period of it would have cost.
        parts.set(charges.serviceKey, {
          serviceIdRaw,
          recurring,
          whole: (recurring * periodDays) / days,
        });
        continue;
      }
      if (
        charges.service?.activatedOn === undefined &&
        first &&
        next !== undefined &&
        monthlyRecurring(next, next.serviceCharges.get(charges.serviceKey)) > recurring
      )
        parts.set(charges.serviceKey, { serviceIdRaw, recurring, whole: undefined });
    }
    return parts;
  });
}

/**
 * How much more a month, per month, `judged` charges the services `parts` names than the bill of
 * those part months did (each service's shortfall, when it is one): what the part months leave
 * out of that bill's level compared with the bill judged. With the services it comes from.
 */
export function partShortfall(
  parts: ReadonlyMap<string, PartService>,
  judged: InvoiceFacts,
): { cents: number; services: string[] } {
  let cents = 0;
  const services: string[] = [];
  for (const [key, part] of parts) {
    // No more than the part month's own price a day makes of a whole one: a bill charging the
    // service above that is raising its price, not finishing its first month.
    const charged = monthlyRecurring(judged, judged.serviceCharges.get(key));
    const whole = part.whole === undefined ? charged : Math.min(charged, part.whole);
    if (whole <= part.recurring) continue;
    cents += whole - part.recurring;
    services.push(part.serviceIdRaw);
  }
  return { cents, services };
}
