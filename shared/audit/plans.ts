/**
 * Plans, allowances and usage, as the usage checks and the optimisation view read them: a line's
 * usage per month (missing figures stay unknown, never zero) and the cheapest plan of a rate card
 * whose allowances cover a given use.
 */
import { addMonthsToMonth, type IsoMonth } from '../dates/iso-date';
import {
  SERVICE_TYPES,
  type Allowance,
  type ContractRate,
  type Service,
  type UsageRecord,
} from '../model';
import type { InvoiceFacts, RuleContext } from './context';

/** Kilobytes in a gigabyte (carriers count 1 KB = 1,024 bytes). */
export const KB_PER_GB = 1024 * 1024;

export type Dimension = 'data' | 'voice' | 'messages';

/** A month's use per dimension: data in GB, voice minutes, messages; null when not known. */
export type Use = Record<Dimension, number | null>;

export const DIMENSIONS: readonly {
  dimension: Dimension;
  field: 'dataAllowanceGb' | 'voiceMinutesAllowance' | 'messagesAllowance';
  unit: string;
}[] = [
  { dimension: 'data', field: 'dataAllowanceGb', unit: 'GB' },
  { dimension: 'voice', field: 'voiceMinutesAllowance', unit: 'minutes' },
  { dimension: 'messages', field: 'messagesAllowance', unit: 'messages' },
];

/** One month of a line's usage. */
export interface MonthUse {
  month: IsoMonth;
  invoiceId: string | undefined;
  serviceIdRaw: string;
  serviceKey: string;
  amounts: Use;
}

const TYPES: ReadonlySet<string> = new Set(SERVICE_TYPES);

/** The larger of two figures; a known figure wins over an unknown one. */
function larger(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

/**
 * Each mobile line's usage by month, from the snapshot's usage records. Two sources for one month
 * (a summary and a detail file) are the same use: the larger figure is kept, and a figure one
 * source gives fills the other's gap. A month whose figures are all unknown is left out.
 */
export function mobileUsageByMonth(context: RuleContext): Map<Service, Map<IsoMonth, MonthUse>> {
  // Read once per run: zero-usage and underused-plan both ask.
  const cached = usageCache.get(context);
  if (cached !== undefined) return cached;
  const byService = new Map<Service, Map<IsoMonth, MonthUse>>();
  for (const record of context.snapshot.usage) {
    if (record.minutes === null && record.messages === null && record.dataKb === null) continue;
    const service = usageServiceOf(context, record);
    if (service === undefined || service.type !== 'mobile-line') continue;
    let months = byService.get(service);
    if (months === undefined) byService.set(service, (months = new Map()));
    const amounts: Use = {
      data: record.dataKb === null ? null : record.dataKb / KB_PER_GB,
      voice: record.minutes,
      messages: record.messages,
    };
    const seen = months.get(record.month);
    if (seen === undefined) {
      months.set(record.month, {
        month: record.month,
        invoiceId: record.invoiceId,
        serviceIdRaw: record.serviceIdRaw,
        serviceKey: record.serviceKey,
        amounts,
      });
    } else {
      for (const { dimension } of DIMENSIONS)
        seen.amounts[dimension] = larger(seen.amounts[dimension], amounts[dimension]);
    }
  }
  usageCache.set(context, byService);
  return byService;
}

const usageCache = new WeakMap<RuleContext, Map<Service, Map<IsoMonth, MonthUse>>>();

/**
 * The window the usage rules judge: the months that end with the line's latest month with
 * figures, back to the first that does not pass `counts` or is not the month before the one
 * after it (a month without figures ends the run). Oldest first; empty when the latest month
 * does not pass.
 */
export function latestRun(
  months: Iterable<MonthUse>,
  counts: (use: MonthUse) => boolean,
): MonthUse[] {
  const uses = [...months].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const run: MonthUse[] = [];
  for (let i = uses.length - 1; i >= 0; i--) {
    const use = uses[i];
    if (use === undefined || !counts(use)) break;
    const next = run[0];
    if (next !== undefined && addMonthsToMonth(use.month, 1) !== next.month) break;
    run.unshift(use);
  }
  return run;
}

/**
 * What a usage finding on a line names: the invoice of its latest month (when the usage came
 * with one), the account number (the invoice's, else the inventory's) and the match key.
 */
export function usageSubject(
  context: RuleContext,
  service: Service,
  latest: MonthUse,
): { facts: InvoiceFacts | undefined; accountNumber: string; serviceKey: string } {
  const facts =
    latest.invoiceId === undefined ? undefined : context.invoiceById.get(latest.invoiceId);
  const accountNumber =
    facts?.invoice.accountNumber ?? context.accountById.get(service.accountId)?.accountNumber ?? '';
  return { facts, accountNumber, serviceKey: service.serviceKey ?? latest.serviceKey };
}

/** The highest figure of each dimension over some months; null when no month gives one. */
export function peakOf(uses: readonly MonthUse[]): Use {
  const peak: Use = { data: null, voice: null, messages: null };
  for (const use of uses)
    for (const { dimension } of DIMENSIONS)
      peak[dimension] = larger(peak[dimension], use.amounts[dimension]);
  return peak;
}

/** Whether a rate card entry is a named plan (not a per-service rate or a service-type rate). */
export function isNamedPlan(entry: ContractRate): boolean {
  const name = entry.planOrServiceType?.trim() ?? '';
  return entry.serviceId === undefined && name !== '' && !TYPES.has(name.toLowerCase());
}

/**
 * Whether an allowance covers a peak use. Unlimited covers any use, even one not known; a number
 * covers a known use up to itself; a not-known allowance covers only a use known to be zero.
 */
export function covered(allowance: Allowance | undefined, peak: number | null): boolean {
  if (allowance === 'unlimited') return true;
  if (peak === null) return false;
  if (allowance === undefined) return peak === 0;
  return peak <= allowance;
}

/** Whether two rate card entries state the same allowances in every dimension. */
export function sameAllowances(a: ContractRate, b: ContractRate): boolean {
  return DIMENSIONS.every(({ field }) => a[field] === b[field]);
}

/**
 * The cheapest named plan of the rate card priced below `rate` whose allowances cover `peak`;
 * ties in price go to the plan name first in alphabetical order. With `unlike`, plans stating the
 * very same allowances are passed over: what sets their prices apart (priority data, hotspot,
 * roaming) is not in the rate card, so usage cannot say the cheaper one would do.
 */
export function cheapestCovering(
  card: readonly ContractRate[],
  rate: number,
  peak: Use,
  unlike?: ContractRate,
): ContractRate | undefined {
  let best: ContractRate | undefined;
  for (const entry of card) {
    if (!isNamedPlan(entry) || entry.monthlyRateCents >= rate) continue;
    if (unlike !== undefined && sameAllowances(entry, unlike)) continue;
    const covers = DIMENSIONS.every(({ dimension, field }) =>
      covered(entry[field], peak[dimension]),
    );
    if (!covers) continue;
    const name = entry.planOrServiceType?.trim() ?? '';
    if (
      best === undefined ||
      entry.monthlyRateCents < best.monthlyRateCents ||
      (entry.monthlyRateCents === best.monthlyRateCents &&
        name < (best.planOrServiceType?.trim() ?? ''))
    )
      best = entry;
  }
  return best;
}

/** The service of a usage record: through its invoice's carrier and account when it has one. */
export function usageServiceOf(context: RuleContext, record: UsageRecord): Service | undefined {
  const facts =
    record.invoiceId === undefined ? undefined : context.invoiceById.get(record.invoiceId);
  if (facts !== undefined) {
    return context.matchService(
      facts.invoice.carrierId,
      facts.invoice.accountNumber,
      record.serviceKey,
    );
  }
  const candidates = context.servicesByKey.get(record.serviceKey) ?? [];
  return candidates.length === 1 ? candidates[0] : undefined;
}
