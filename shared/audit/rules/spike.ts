import { daysBetween } from '../../dates';
import { missingCompanionOf } from '../../import/draft';
import { CHARGE_CATEGORIES } from '../../model';
import type { InvoiceFacts } from '../context';
import { billSeries } from '../bill-series';
import { money } from '../findings';
import { billedPeriodMonths } from '../recurring';
import { resolveSettings, type AuditRule, type FindingDraft, type SettingSpec } from '../rule';
import { invoiceDraft } from './invoice-draft';
import { explainedByInvoice } from './spike-explained';
import {
  FULL_CYCLE_DAYS,
  partServicesOf,
  partShortfall,
  type PartService,
} from './spike-part-month';

const SETTINGS = [
  {
    key: 'percent',
    label: 'Above the trailing average by more than',
    unit: 'percent',
    default: 10,
    // A bill twice or five times its usual is what this check is for.
    range: { min: 0, max: 1000, whole: false },
  },
  { key: 'minimumCents', label: 'and by more than', unit: 'cents', default: 5_000 },
  { key: 'trailingInvoices', label: 'Invoices in the trailing average', unit: 'count', default: 6 },
] as const satisfies readonly SettingSpec[];

/**
 * Whether an invoice states a period shorter than a whole monthly cycle: a prorated first bill, a
 * final one, a cycle moved. Its total is part of a month's, so it never joins the average it would
 * pull down (the next full bill would look like a spike); it is still judged against the average.
 */
export function billsPartOfAMonth(facts: InvoiceFacts): boolean {
  const { periodStart, periodEnd } = facts.invoice;
  if (periodStart === undefined || periodEnd === undefined) return false;
  return daysBetween(periodStart, periodEnd) + 1 < FULL_CYCLE_DAYS;
}

/** Categories of one-off money given back: a credit or an adjustment (when negative). */
const CREDIT_CATEGORIES: ReadonlySet<number> = new Set([
  CHARGE_CATEGORIES.indexOf('credit'),
  CHARGE_CATEGORIES.indexOf('adjustment'),
]);

/** Calls `visit` with each credit or adjustment an invoice gives back (a negative amount). */
function forEachCredit(facts: InvoiceFacts, visit: (description: string, amount: number) => void) {
  for (const block of facts.blocks) {
    for (let row = 0; row < block.count; row++) {
      const amount = block.amount[row] ?? 0;
      if (amount < 0 && CREDIT_CATEGORIES.has(block.category[row] ?? -1))
        visit(block.description[row] ?? '', amount);
    }
  }
}

/**
 * The credits an account gets on more than one of its invoices, by description, with the usual
 * size of one (the median of the amounts given back under it): a standing discount ("Corporate
 * discount 20%", every month) is part of its usual level.
 */
export function standingCredits(invoices: readonly InvoiceFacts[]): Map<string, number> {
  const seenOn = new Map<string, number>();
  const amounts = new Map<string, number[]>();
  for (const facts of invoices) {
    const own = new Set<string>();
    forEachCredit(facts, (description, amount) => {
      const key = description.trim().toLowerCase();
      own.add(key);
      const list = amounts.get(key);
      if (list === undefined) amounts.set(key, [-amount]);
      else list.push(-amount);
    });
    for (const key of own) seenOn.set(key, (seenOn.get(key) ?? 0) + 1);
  }
  const standing = new Map<string, number>();
  for (const [key, count] of seenOn) {
    if (count < 2) continue;
    const sorted = (amounts.get(key) ?? []).sort((a, b) => a - b);
    standing.set(key, sorted[Math.floor(sorted.length / 2)] ?? 0);
  }
  return standing;
}

/**
 * A standing credit's line more than this many times its usual size is a one-off given under the
 * same words: carriers that put every adjustment under one label (AT&T's "Total adjustments")
 * give a $948.03 device credit under the words of a $10.00 monthly promotion.
 */
const ONE_OFF_FACTOR = 2;

/**
 * The credits and adjustments an invoice gives back that are no part of the account's usual
 * level (negative cents; 0 for none): a promotional credit or a refund of an earlier month's
 * error, met once, or one far larger than the credits usually given under its words. A credit
 * the account gets on other invoices too, of its usual size (`standing`: a monthly discount),
 * stays in it.
 */
export function oneOffCredits(facts: InvoiceFacts, standing: ReadonlyMap<string, number>): number {
  let credits = 0;
  forEachCredit(facts, (description, amount) => {
    const usual = standing.get(description.trim().toLowerCase());
    if (usual === undefined || -amount > ONE_OFF_FACTOR * usual) credits += amount;
  });
  return credits;
}

/**
 * An invoice total (sum of its lines) above the account's trailing average by more than both
 * thresholds, once what other findings on the same invoice already explain is taken off (a
 * duplicate charge or a late fee is that finding's money, not a spike). The first invoice is the
 * baseline and is never flagged; a flagged month leaves the baseline of the months after it. The
 * months after a spike that stay at its level (within the thresholds) are the same step up, not
 * new spikes: they are not flagged and join the baseline. A bill of part of a month (see
 * {@link billsPartOfAMonth}) never joins it, and a month whose bill charged a service for part of
 * it (installed on the 15th, see `partServicesOf`) is left out of the average of a bill charging
 * that service more, when it is short by more than the minimum amount (see {@link averagedFor});
 * a step up that came on such a month is, at the service's whole month, the level of the next.
 * A month joins the baseline without its one-off credits and adjustments ({@link oneOffCredits}):
 * a $329.45 promotional credit must not pull the average below zero and make the next ordinary
 * bill a spike; the month judged keeps its credits (they lower it, never make a spike). Runs after
 * the other rules: it reads their findings.
 */
export const spikeRule: AuditRule = {
  id: 'spike',
  title: 'Invoice total spike',
  description:
    'An invoice total above the average of the account’s previous unflagged invoices (per month: a bill of two months or a quarter is judged against that many months of it; bills of recurring charges and usage-only reports each against their own kind, and a credit memo or a bill of one-time charges alone not at all) by more than the percentage and the amount, after what other findings explain, on the invoice and on those before it (money a finding explains every month is no part of the excess) (duplicate charges, late fees, third-party charges, charges after a disconnect or at a closed site, the over-contract part of rate mismatches, the part above the last contracted rate after a contract ended, taxes above their usual share, days billed twice by overlapping periods). A bill of part of a month (a prorated first bill) never joins the average; a month whose bill charged a service for part of it (started or stopped part-way by the inventory’s dates, or a line stating a shorter period of its own, or, with no install date, a service first billed and charged more the next month) is left out of the average of a bill charging that service more, when it falls short by more than the amount (the message names it); and a month joins it without its one-off credits and adjustments (a promotional credit never makes the next ordinary bill a spike). Impact: the unexplained excess (rounded half up).',
  severity: 'warning',
  settings: SETTINGS,
  readsFindings: true,
  check(context, earlier = []) {
    const settings = resolveSettings(context.settings, this.id, SETTINGS);
    const trailing = Math.max(1, Math.round(settings.trailingInvoices));
    const explained = explainedByInvoice(earlier, context.invoiceById);
    const drafts: FindingDraft[] = [];
    for (const invoices of [...context.invoicesByAccount.values()].flatMap(billSeries)) {
      const standing = standingCredits(invoices);
      const parts = partServicesOf(invoices);
      // The months not flagged so far, each as its total with the explained money taken off:
      // money a finding explains every month (a rate above contract) is no part of a month's
      // excess.
      const baseline: Month[] = [];
      // The baseline is a level per month: a bill of two months (a catch-up after a missed one)
      // or a quarter joins it, and is judged, for each of its months.
      const keep = (total: number, explainedCents: number, facts: InvoiceFacts, index: number) => {
        if (billsPartOfAMonth(facts)) return;
        const credits = oneOffCredits(facts, standing);
        baseline.push({
          level: (total - credits) / billedPeriodMonths(facts),
          explained: explainedCents > 0,
          credited: credits < 0,
          facts,
          parts: parts[index] ?? new Map(),
        });
      };
      // The level of the latest spike while the bills stay at it: a step up (a new circuit)
      // is reported once, on the month it came, not again every month until the average catches up.
      let step: { level: number; parts: ReadonlyMap<string, PartService> } | undefined;
      for (const [index, facts] of invoices.entries()) {
        // An invoice still waiting for the file its lines are in totals nothing yet: neither a
        // month to judge nor one to average (it would make the next full bill look like a spike).
        if (missingCompanionOf(facts.invoice) !== null) continue;
        const known = explained.get(facts.invoice.id);
        const explainedCents = Math.round(known?.cents ?? 0);
        const total = facts.total - explainedCents;
        const months = billedPeriodMonths(facts);
        const { previous, leftOut } = averagedFor(baseline, facts, trailing, settings.minimumCents);
        if (previous.length === 0) {
          keep(total, explainedCents, facts, index);
          continue;
        }
        // The months' levels, times the months this bill is for.
        const sum = previous.reduce((all, one) => all + one.level, 0) * months;
        const count = previous.length;
        // Exact: excess × count = total × count − sum, compared without dividing.
        const excessTimesCount = total * count - sum;
        if (
          excessTimesCount * 100 <= sum * settings.percent ||
          excessTimesCount <= settings.minimumCents * count
        ) {
          keep(total, explainedCents, facts, index);
          step = undefined;
          continue;
        }
        // A step that came on a bill charging a new service for part of its month is, at that
        // service's whole month, the level this bill is at.
        const stepLevel =
          step === undefined ? 0 : step.level + partShortfall(step.parts, facts).cents;
        const overStep = step === undefined ? 0 : total - stepLevel * months;
        if (
          step !== undefined &&
          (overStep * 100 <= stepLevel * months * settings.percent ||
            overStep <= settings.minimumCents)
        ) {
          // The same step as the month flagged before: the new level, not a new spike.
          keep(total, explainedCents, facts, index);
          continue;
        }
        step = { level: total / months, parts: parts[index] ?? new Map() };
        const excess = Math.floor((2 * excessTimesCount + count) / (2 * count));
        const average = Math.floor((2 * sum + count) / (2 * count));
        const left = [
          previous.some((month) => month.explained) ? 'less what findings explain in them' : '',
          previous.some((month) => month.credited) ? 'without their one-off credits' : '',
          leftOutWords(leftOut),
        ].filter(Boolean);
        const netted = left.length > 0 ? ` (${left.join('; ')})` : '';
        const of = `over the previous ${count} invoice${count === 1 ? '' : 's'}${netted}`;
        // A bill of several months is above that many months at the average.
        const level =
          months === 1
            ? `the average of ${money(average)}`
            : `${money(average)}, its ${months} months at the average of ${money(Math.floor((2 * sum + count * months) / (2 * count * months)))} a month`;
        const message =
          explainedCents > 0 && known !== undefined
            ? `Invoice ${facts.invoice.invoiceNumber} totals ${money(facts.total)}; less ${money(explainedCents)} other findings explain (${[...known.rules].sort().join(', ')}), ${money(excess)} above ${level} ${of}.`
            : `Invoice ${facts.invoice.invoiceNumber} totals ${money(facts.total)}, ${money(excess)} above ${level} ${of}.`;
        drafts.push(invoiceDraft(this, facts, excess, message));
      }
    }
    return drafts;
  },
};

/** A month in the baseline: its level and what the message says of it. */
interface Month {
  /** Its total per month billed, less what findings explain and its one-off credits. */
  level: number;
  /** Whether findings explained money in it. */
  explained: boolean;
  /** Whether it gave one-off credits back, left out of its level. */
  credited: boolean;
  facts: InvoiceFacts;
  /** The services it billed for part of its month (see `partServicesOf`). */
  parts: ReadonlyMap<string, PartService>;
}

/**
 * The latest `trailing` months of the baseline that `judged` is compared with, and the months
 * left out on the way: a month whose bill charged services for part of it ("$438.71 for March
 * 15–31") that `judged` charges more, by more than the spike's minimum amount a month, is no
 * level for it (it would make the first whole month look like a spike). A part month short by no
 * more than that could not make a spike alone and stays, so an account adding a line now and
 * then keeps its months; only the months partial for the services that make the difference go.
 */
function averagedFor(
  baseline: readonly Month[],
  judged: InvoiceFacts,
  trailing: number,
  minimumCents: number,
): { previous: Month[]; leftOut: { facts: InvoiceFacts; services: string[] }[] } {
  const previous: Month[] = [];
  const leftOut: { facts: InvoiceFacts; services: string[] }[] = [];
  for (let i = baseline.length - 1; i >= 0 && previous.length < trailing; i--) {
    const month = baseline[i];
    if (month === undefined) continue;
    const shortfall = month.parts.size === 0 ? undefined : partShortfall(month.parts, judged);
    if (shortfall !== undefined && shortfall.cents > minimumCents)
      leftOut.push({ facts: month.facts, services: shortfall.services });
    else previous.push(month);
  }
  return { previous: previous.reverse(), leftOut: leftOut.reverse() };
}

/** How a spike's message names the part months left out of its average ('' for none). */
function leftOutWords(leftOut: readonly { facts: InvoiceFacts; services: string[] }[]): string {
  if (leftOut.length === 0) return '';
  const invoices = leftOut.map((month) => month.facts.invoice.invoiceNumber).join(', ');
  const services = [...new Set(leftOut.flatMap((month) => month.services))].join(', ');
  return leftOut.length === 1
    ? `leaving out invoice ${invoices}, which billed ${services} for part of its month`
    : `leaving out invoices ${invoices}, which billed ${services} for part of their months`;
}
