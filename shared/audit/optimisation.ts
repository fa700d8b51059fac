/**
 * Plan optimisation: for every mobile line, its plan and rate, its usage over the latest months
 * with usage figures (the window of `underused-plan`, 3 by default), the cheapest plan of its
 * contract's rate card whose allowances cover its highest month, and the monthly saving. One pure
 * computation for the Findings page's Optimisation tab, its exports and the CLI's
 * `optimisation.csv`. Missing usage is not zero usage: a line without figures gets no advice. A
 * cheaper plan with the very same allowances is not advised (what sets the prices apart is not
 * in the rate card).
 */
import { contractedRate } from '../contracts/rates';
import { effectiveCostCenterId } from '../inventory/rows';
import { isoMonthOf, type IsoDate, type IsoMonth } from '../dates/iso-date';
import type { Service } from '../model';
import { buildContext, type RuleContext } from './context';
import { CATEGORY_CODE, forEachLineOf } from './findings';
import { DIMENSIONS, cheapestCovering, mobileUsageByMonth, peakOf, type Dimension } from './plans';
import { resolveSettings } from './rule';
import { headerKey } from '../import/header-key';
import { ATT_ACTIVITY_HEADER } from '../import/profiles/att-headers';
import { UNDERUSED_SETTINGS, underusedPlanRule } from './rules/underused-plan';
import type { AuditSnapshot } from './snapshot';

/**
 * What the view advises for a line:
 * - `change`: a cheaper plan of the rate card covers its highest month;
 * - `keep`: no cheaper plan covers it, and its own plan does;
 * - `over-plan`: its highest month uses more than its own plan allows, and no cheaper plan
 *   covers it (a bigger plan may cost less than the usage charges: its overage finding says);
 * - `no-use`: no calls, messages or data in any month of a full window (cancel rather than change);
 * - `few-months`: fewer months with usage figures than the window asks;
 * - `no-figures`: no usage figures at all (not known, never read as no use);
 * - `no-rate-card`: its contract has no rate for its plan, so no price to compare.
 */
export type OptimisationAdvice =
  'change' | 'keep' | 'over-plan' | 'no-use' | 'few-months' | 'no-figures' | 'no-rate-card';

export const ADVICE_LABELS: Readonly<Record<OptimisationAdvice, string>> = {
  change: 'Change plan',
  keep: 'Plan fits',
  'over-plan': 'Over its plan',
  'no-use': 'No use',
  'few-months': 'Too few months',
  'no-figures': 'No usage figures',
  'no-rate-card': 'No rate card',
};

/** Highest and average month of one kind of use; null when no month of the window gives it. */
export interface UseFigures {
  highest: number;
  average: number;
}

/** One mobile line of the view. */
export interface OptimisationLine {
  serviceId: string;
  carrier: string;
  account: string;
  line: string;
  site: string;
  costCenter: string;
  currentPlan: string;
  /** The contract's monthly rate of the current plan, in cents; null when none is known. */
  currentMonthlyCents: number | null;
  /** The months of the window (with usage figures), oldest first. */
  months: IsoMonth[];
  /** Data in GB, voice minutes, messages. */
  usage: Record<Dimension, UseFigures | null>;
  newPlan: string | null;
  newMonthlyCents: number | null;
  /** Current rate − new rate, in cents; 0 without a change. */
  monthlySavingCents: number;
  /**
   * Usage charges billed in the window's months (for a line without usage figures, its latest
   * billed months, as many as the window), in cents.
   */
  overageCents: number;
  advice: OptimisationAdvice;
}

export interface OptimisationReport {
  /** How many months with usage figures the window holds. */
  windowMonths: number;
  today: IsoDate;
  lines: OptimisationLine[];
}

/** Lines to show: every field given must match exactly. */
export interface OptimisationFilter {
  carrier?: string;
  account?: string;
  site?: string;
  costCenter?: string;
}

/** AT&T's activity total, as its header may be spelt (see `overage`'s). */
const MIXED_USAGE = headerKey(ATT_ACTIVITY_HEADER);

/** The months ≤ today's, with figures, latest `count` of them. */
function windowOf(months: Iterable<IsoMonth>, todayMonth: IsoMonth, count: number): IsoMonth[] {
  return [...months]
    .filter((month) => month <= todayMonth)
    .sort()
    .slice(-count);
}

/** What each mobile line was billed: the months it is on a bill, and its usage charges per month. */
interface Billed {
  months: Set<IsoMonth>;
  usage: Map<IsoMonth, number>;
}

/**
 * Each mobile line's billed months and usage charges (AT&T's activity total mixes purchases in and
 * is left out), from the original bills: a re-sent copy (duplicate-invoice) adds nothing again.
 */
function billedByService(context: RuleContext, todayMonth: IsoMonth): Map<Service, Billed> {
  const byService = new Map<Service, Billed>();
  const billedOf = (service: Service) => {
    let billed = byService.get(service);
    if (billed === undefined)
      byService.set(service, (billed = { months: new Set(), usage: new Map() }));
    return billed;
  };
  for (const facts of context.originals) {
    if (facts.month > todayMonth) continue;
    for (const group of facts.services)
      if (group.service?.type === 'mobile-line') billedOf(group.service).months.add(facts.month);
    forEachLineOf(facts, CATEGORY_CODE.usage, (block, row) => {
      const amount = block.amount[row] ?? 0;
      const key = block.serviceKey[row] ?? '';
      if (amount <= 0 || key === '' || headerKey(block.description[row] ?? '') === MIXED_USAGE)
        return;
      const service = facts.serviceCharges.get(key)?.service;
      if (service?.type !== 'mobile-line') return;
      const { usage } = billedOf(service);
      usage.set(facts.month, (usage.get(facts.month) ?? 0) + amount);
    });
  }
  return byService;
}

/** The view's lines for a snapshot, as of `today` (a parameter: shared code never reads the clock). */
export function optimisationReport(
  snapshot: Omit<AuditSnapshot, 'today'>,
  today: IsoDate,
): OptimisationReport {
  const context = buildContext({ ...snapshot, today });
  const windowMonths = resolveSettings(
    snapshot.settings,
    underusedPlanRule.id,
    UNDERUSED_SETTINGS,
  ).months;
  const todayMonth = isoMonthOf(today);
  const usage = mobileUsageByMonth(context);
  const billed = billedByService(context, todayMonth);
  const costCenters = new Map(snapshot.costCenters.map((center) => [center.id, center]));
  const lines: OptimisationLine[] = [];
  for (const service of snapshot.services) {
    if (service.type !== 'mobile-line' || service.status === 'disconnected') continue;
    const byMonth = usage.get(service);
    const months = byMonth === undefined ? [] : windowOf(byMonth.keys(), todayMonth, windowMonths);
    const uses = months.flatMap((month) => byMonth?.get(month) ?? []);
    const figuresOf = (dimension: Dimension): UseFigures | null => {
      const known = uses.flatMap((use) => use.amounts[dimension] ?? []);
      if (known.length === 0) return null;
      const total = known.reduce((sum, value) => sum + value, 0);
      return { highest: Math.max(...known), average: total / known.length };
    };
    const figures = {
      data: figuresOf('data'),
      voice: figuresOf('voice'),
      messages: figuresOf('messages'),
    };
    const contract = context.contractOf(service);
    const rate = contract === undefined ? undefined : contractedRate(contract, service);
    // Usage charges over the window's months; a line without figures, over its latest billed months.
    const bills = billed.get(service);
    const chargedMonths =
      months.length > 0 || bills === undefined
        ? months
        : windowOf(bills.months, todayMonth, windowMonths);
    const overageCents = chargedMonths.reduce(
      (sum, month) => sum + (bills?.usage.get(month) ?? 0),
      0,
    );
    const account = context.accountById.get(service.accountId)?.accountNumber ?? '';
    // The cost center its charges go to (its own, else its site's, else its account's default),
    // as the chargeback allocates them.
    const centerId = effectiveCostCenterId(service, context.siteById, context.accountById);
    const center = centerId === undefined ? undefined : costCenters.get(centerId);
    const site = service.siteId === undefined ? undefined : context.siteById.get(service.siteId);
    const row: OptimisationLine = {
      serviceId: service.id,
      carrier: context.carrierName(service.carrierId),
      account,
      line: service.serviceIdRaw,
      site: site === undefined ? '' : `${site.code} ${site.name}`.trim(),
      costCenter: center === undefined ? '' : center.code,
      currentPlan: rate?.planOrServiceType?.trim() || service.plan || '',
      currentMonthlyCents: rate?.monthlyRateCents ?? null,
      months,
      usage: figures,
      newPlan: null,
      newMonthlyCents: null,
      monthlySavingCents: 0,
      overageCents,
      advice: 'keep',
    };
    if (uses.length === 0) row.advice = 'no-figures';
    else if (uses.length < windowMonths) row.advice = 'few-months';
    else if (uses.every((use) => DIMENSIONS.every(({ dimension }) => use.amounts[dimension] === 0)))
      row.advice = 'no-use';
    else if (contract === undefined || rate === undefined) row.advice = 'no-rate-card';
    else {
      const cheaper = cheapestCovering(
        contract.rateCard ?? [],
        rate.monthlyRateCents,
        peakOf(uses),
        rate,
      );
      const peak = peakOf(uses);
      const over = DIMENSIONS.some(({ dimension, field }) => {
        const allowance = rate[field];
        const used = peak[dimension];
        return typeof allowance === 'number' && used !== null && used > allowance;
      });
      if (cheaper === undefined && over) row.advice = 'over-plan';
      if (cheaper !== undefined) {
        row.advice = 'change';
        row.newPlan = cheaper.planOrServiceType?.trim() ?? '';
        row.newMonthlyCents = cheaper.monthlyRateCents;
        row.monthlySavingCents = rate.monthlyRateCents - cheaper.monthlyRateCents;
      }
    }
    lines.push(row);
  }
  lines.sort(
    (a, b) =>
      b.monthlySavingCents - a.monthlySavingCents ||
      compareText(a.carrier, b.carrier) ||
      compareText(a.account, b.account) ||
      compareText(a.line, b.line),
  );
  return { windowMonths, today, lines };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The lines a filter keeps. */
export function filterOptimisation(
  lines: readonly OptimisationLine[],
  filter: OptimisationFilter,
): OptimisationLine[] {
  return lines.filter(
    (line) =>
      (filter.carrier === undefined || line.carrier === filter.carrier) &&
      (filter.account === undefined || line.account === filter.account) &&
      (filter.site === undefined || line.site === filter.site) &&
      (filter.costCenter === undefined || line.costCenter === filter.costCenter),
  );
}

/** Saving per month and per year (12 months) of the lines to change, in cents. */
export function optimisationTotals(lines: readonly OptimisationLine[]): {
  changes: number;
  monthlyCents: number;
  yearlyCents: number;
  noUse: number;
  overageLines: number;
  overageCents: number;
} {
  let changes = 0;
  let monthlyCents = 0;
  let noUse = 0;
  let overageLines = 0;
  let overageCents = 0;
  for (const line of lines) {
    if (line.advice === 'change') {
      changes += 1;
      monthlyCents += line.monthlySavingCents;
    }
    if (line.advice === 'no-use') noUse += 1;
    if (line.overageCents > 0) {
      overageLines += 1;
      overageCents += line.overageCents;
    }
  }
  return {
    changes,
    monthlyCents,
    yearlyCents: monthlyCents * 12,
    noUse,
    overageLines,
    overageCents,
  };
}
