import { daysBetween } from '../../dates';
import { missingCompanionOf } from '../../import/draft';
import { CHARGE_CATEGORIES } from '../../model';
import type { InvoiceFacts } from '../context';
import { billSeries } from '../bill-series';
import { forEachClaim } from '../claims';
import { money } from '../findings';
import { billedPeriodMonths } from '../recurring';
import { resolveSettings, type AuditRule, type FindingDraft, type SettingSpec } from '../rule';
import type { ChargeRef } from '../rule';
import { invoiceDraft } from './invoice-draft';

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
 * The findings that already explain money on an invoice (catalogue: duplicate-charge,
 * nrc-unexpected, nrc-recurring, billed-after-disconnect, closed-site, third-party, late-fee,
 * overage, the over-contract part of rate-mismatch, out-of-contract's part above the last
 * contracted rate, tax-drift's taxes above the usual share and period-overlap's days billed
 * twice: a price raised when the contract ended, a tax billed at three times its rate or a bill
 * reaching back over days already billed is that finding's money, not a spike too); only those
 * that exist ever report.
 */
export const EXPLAINING_RULES: ReadonlySet<string> = new Set([
  'duplicate-charge',
  'nrc-unexpected',
  'nrc-recurring',
  'billed-after-disconnect',
  'closed-site',
  'third-party',
  'late-fee',
  'overage',
  'rate-mismatch',
  'out-of-contract',
  'tax-drift',
  'period-overlap',
]);

/**
 * The rules that claim a part of their lines (the part above a rate or a usual share, the days
 * billed twice): rate-mismatch keeps the days of a bill inside the contract's term and
 * out-of-contract those after it, and tax-drift claims tax lines neither of them does, so their
 * parts of a line add up. period-overlap claims a share of every day-billed line, that other
 * part included: of a line it shares with them, the larger of the two is explained, as money at
 * stake holds a line by its larger claim (see `countOnce`), so no cent is taken off twice.
 */
const PART_OF_LINE_RULES: ReadonlySet<string> = new Set([
  'rate-mismatch',
  'out-of-contract',
  'tax-drift',
  'period-overlap',
]);

/** A line's parts claimed by the {@link PART_OF_LINE_RULES}. */
interface LineParts {
  invoiceId: string;
  amount: number;
  /** period-overlap's share of the line. */
  days: number;
  /** The parts above a rate or a usual share, which add up. */
  price: number;
  rules: Set<string>;
}

/**
 * What earlier findings explain on each invoice, in cents: a finding's impact on each of its
 * charge lines (the claims the rule gave them, else its impact shared among the lines by their
 * amounts: rate-mismatch's over-contract part is thus apportioned to each month's recurring
 * charge); a finding without lines counts on its invoice. Each line counts once: a line already
 * explained (a charge after a disconnect at a closed site) adds nothing the second time, and the
 * rules claiming part of a line ({@link PART_OF_LINE_RULES}), read last, only claim lines no
 * whole-line finding did, never more of a line than it bills.
 */
export function explainedByInvoice(
  findings: readonly FindingDraft[],
  invoiceById: ReadonlyMap<string, InvoiceFacts>,
): Map<string, { cents: number; rules: Set<string> }> {
  const explained = new Map<string, { cents: number; rules: Set<string> }>();
  const add = (invoiceId: string, amount: number, ruleIds: Iterable<string>) => {
    const entry = explained.get(invoiceId) ?? { cents: 0, rules: new Set<string>() };
    entry.cents += amount;
    for (const ruleId of ruleIds) entry.rules.add(ruleId);
    explained.set(invoiceId, entry);
  };
  const claimed = new Set<string>();
  const parts = new Map<string, LineParts>();
  const ordered = findings
    .filter((finding) => EXPLAINING_RULES.has(finding.ruleId) && finding.impact > 0)
    // A fixed order (the part-of-line rules last, then by id), whatever order the rules ran in.
    .sort(
      (a, b) =>
        Number(PART_OF_LINE_RULES.has(a.ruleId)) - Number(PART_OF_LINE_RULES.has(b.ruleId)) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  for (const finding of ordered) {
    const partOfLine = PART_OF_LINE_RULES.has(finding.ruleId);
    const lines = claimedLines(finding, invoiceById, partOfLine);
    if (lines.length === 0) {
      const invoiceId = finding.evidence?.invoiceId;
      if (invoiceId !== undefined) add(invoiceId, finding.impact, [finding.ruleId]);
      continue;
    }
    if (!partOfLine) {
      for (const [invoiceId, cents] of wholeLinesByBill(lines, claimed, invoiceById))
        add(invoiceId, cents, [finding.ruleId]);
      continue;
    }
    for (const line of lines) {
      if (claimed.has(line.key)) continue;
      const entry = parts.get(line.key) ?? {
        invoiceId: line.invoiceId,
        amount: line.amount,
        days: 0,
        price: 0,
        rules: new Set<string>(),
      };
      parts.set(line.key, entry);
      if (finding.ruleId === 'period-overlap') entry.days += line.claim;
      else entry.price += line.claim;
      entry.rules.add(finding.ruleId);
    }
  }
  for (const entry of parts.values()) {
    add(entry.invoiceId, Math.min(entry.amount, Math.max(entry.days, entry.price)), entry.rules);
  }
  return explained;
}

/**
 * What a whole-line finding explains on each bill of its lines not `claimed` yet (they are then):
 * its impact's share of them, or more when it was netted of credits given on a later bill (June's
 * roaming refunded in July is still June's roaming, no spike): their charges less every credit
 * the bill gives the same services, which holds what the finding netted on that bill.
 */
function wholeLinesByBill(
  lines: readonly ClaimedLine[],
  claimed: Set<string>,
  invoiceById: ReadonlyMap<string, InvoiceFacts>,
): Map<string, number> {
  const bills = new Map<string, { share: number; charged: number; services: Set<string> }>();
  for (const line of lines) {
    if (claimed.has(line.key)) continue;
    claimed.add(line.key);
    const bill = bills.get(line.invoiceId) ?? { share: 0, charged: 0, services: new Set() };
    bills.set(line.invoiceId, bill);
    bill.share += line.claim;
    bill.charged += Math.max(0, line.signed);
    bill.services.add(line.service);
  }
  const explained = new Map<string, number>();
  for (const [invoiceId, bill] of bills) {
    let given = 0;
    for (const block of invoiceById.get(invoiceId)?.blocks ?? []) {
      for (let row = 0; row < block.count; row++) {
        const amount = block.amount[row] ?? 0;
        if (amount < 0 && bill.services.has(block.serviceKey[row] ?? '')) given -= amount;
      }
    }
    explained.set(invoiceId, Math.max(bill.share, bill.charged - given));
  }
  return explained;
}

/** A charge line of a finding, as {@link explainedByInvoice} reads it. */
interface ClaimedLine {
  invoiceId: string;
  key: string;
  /** Cents billed on it, as a size (a credit's too). */
  amount: number;
  /** Cents billed on it, negative for a credit. */
  signed: number;
  /** Cents of the finding's impact on it. */
  claim: number;
  /** The service match key it bills (`''` for the account). */
  service: string;
}

/**
 * A finding's charge lines and what it claims of each: with `byClaims`, the claims its rule gave
 * (see `packClaims`) where it did; else its impact shared by the lines' amounts.
 */
function claimedLines(
  finding: FindingDraft,
  invoiceById: ReadonlyMap<string, InvoiceFacts>,
  byClaims: boolean,
): ClaimedLine[] {
  const blockOf = (ref: ChargeRef) =>
    invoiceById.get(ref.invoiceId)?.blocks.find((block) => block.blockIndex === ref.blockIndex);
  const signedOf = (ref: ChargeRef) => blockOf(ref)?.amount[ref.row] ?? 0;
  const serviceOf = (ref: ChargeRef) => blockOf(ref)?.serviceKey[ref.row] ?? '';
  if (byClaims && finding.evidence?.claims !== undefined) {
    const lines: ClaimedLine[] = [];
    forEachClaim(finding, (key, claim, ref) => {
      const signed = signedOf(ref);
      const service = serviceOf(ref);
      lines.push({
        invoiceId: ref.invoiceId,
        key,
        amount: Math.abs(signed),
        signed,
        claim,
        service,
      });
    });
    return lines;
  }
  const refs = finding.evidence?.chargeRefs ?? [];
  const lines = refs.map((ref) => {
    const signed = signedOf(ref);
    return {
      invoiceId: ref.invoiceId,
      key: `${ref.invoiceId}|${ref.blockIndex}|${ref.row}`,
      amount: Math.abs(signed),
      signed,
      service: serviceOf(ref),
    };
  });
  const total = lines.reduce((sum, line) => sum + line.amount, 0);
  if (total === 0) return [];
  return lines.map((line) => ({ ...line, claim: (finding.impact * line.amount) / total }));
}

/**
 * Days in the shortest whole monthly cycle (February's 1st to 28th, both included): a bill of a
 * shorter stated period bills part of a month.
 */
const FULL_CYCLE_DAYS = 28;

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
 * The descriptions of the credits an account gets on more than one of its invoices: a standing
 * discount ("Corporate discount 20%", every month), part of its usual level.
 */
export function standingCredits(invoices: readonly InvoiceFacts[]): Set<string> {
  const seen = new Set<string>();
  const standing = new Set<string>();
  for (const facts of invoices) {
    const own = new Set<string>();
    forEachCredit(facts, (description) => own.add(description.trim().toLowerCase()));
    for (const description of own) (seen.has(description) ? standing : seen).add(description);
  }
  return standing;
}

/**
 * The credits and adjustments an invoice gives back that are no part of the account's usual
 * level (negative cents; 0 for none): a promotional credit or a refund of an earlier month's
 * error, met once. A credit the account gets on other invoices too (`standing`: a monthly
 * discount) stays in it.
 */
export function oneOffCredits(facts: InvoiceFacts, standing: ReadonlySet<string>): number {
  let credits = 0;
  forEachCredit(facts, (description, amount) => {
    if (!standing.has(description.trim().toLowerCase())) credits += amount;
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
 * {@link billsPartOfAMonth}) never joins it. A month joins the baseline without its one-off
 * credits and adjustments ({@link oneOffCredits}): a $329.45 promotional credit must not pull the
 * average below zero and make the next ordinary bill a spike; the month judged keeps its credits
 * (they lower it, never make a spike). Runs after the other rules: it reads their findings.
 */
export const spikeRule: AuditRule = {
  id: 'spike',
  title: 'Invoice total spike',
  description:
    'An invoice total above the average of the account’s previous unflagged invoices (per month: a bill of two months or a quarter is judged against that many months of it; bills of recurring charges and usage-only reports each against their own kind, and a credit memo or a bill of one-time charges alone not at all) by more than the percentage and the amount, after what other findings explain, on the invoice and on those before it (money a finding explains every month is no part of the excess) (duplicate charges, late fees, third-party charges, charges after a disconnect or at a closed site, the over-contract part of rate mismatches, the part above the last contracted rate after a contract ended, taxes above their usual share, days billed twice by overlapping periods). A bill of part of a month (a prorated first bill) never joins the average, and a month joins it without its one-off credits and adjustments (a promotional credit never makes the next ordinary bill a spike). Impact: the unexplained excess (rounded half up).',
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
      // Totals with the explained money taken off, of the months not flagged so far: money a
      // finding explains every month (a rate above contract) is no part of a month's excess.
      const baseline: number[] = [];
      // Whether findings explained money in each of those months (the message says so).
      const baselineExplained: boolean[] = [];
      // Whether each of those months gave credits back, left out of its level (said too).
      const baselineCredited: boolean[] = [];
      // The baseline is a level per month: a bill of two months (a catch-up after a missed one)
      // or a quarter joins it, and is judged, for each of its months.
      const keep = (total: number, explainedCents: number, facts: InvoiceFacts) => {
        if (billsPartOfAMonth(facts)) return;
        const credits = oneOffCredits(facts, standing);
        baseline.push((total - credits) / billedPeriodMonths(facts));
        baselineExplained.push(explainedCents > 0);
        baselineCredited.push(credits < 0);
      };
      // The level of the latest spike while the bills stay at it: a step up (a new circuit)
      // is reported once, on the month it came, not again every month until the average catches up.
      let step: number | undefined;
      for (const facts of invoices) {
        // An invoice still waiting for the file its lines are in totals nothing yet: neither a
        // month to judge nor one to average (it would make the next full bill look like a spike).
        if (missingCompanionOf(facts.invoice) !== null) continue;
        const known = explained.get(facts.invoice.id);
        const explainedCents = Math.round(known?.cents ?? 0);
        const total = facts.total - explainedCents;
        const months = billedPeriodMonths(facts);
        const previous = baseline.slice(-trailing);
        if (previous.length === 0) {
          keep(total, explainedCents, facts);
          continue;
        }
        // The months' levels, times the months this bill is for.
        const sum = previous.reduce((all, one) => all + one, 0) * months;
        const count = previous.length;
        // Exact: excess × count = total × count − sum, compared without dividing.
        const excessTimesCount = total * count - sum;
        if (
          excessTimesCount * 100 <= sum * settings.percent ||
          excessTimesCount <= settings.minimumCents * count
        ) {
          keep(total, explainedCents, facts);
          step = undefined;
          continue;
        }
        const overStep = step === undefined ? 0 : total - step * months;
        if (
          step !== undefined &&
          (overStep * 100 <= step * months * settings.percent || overStep <= settings.minimumCents)
        ) {
          // The same step as the month flagged before: the new level, not a new spike.
          keep(total, explainedCents, facts);
          continue;
        }
        step = total / months;
        const excess = Math.floor((2 * excessTimesCount + count) / (2 * count));
        const average = Math.floor((2 * sum + count) / (2 * count));
        const left = [
          baselineExplained.slice(-trailing).some(Boolean)
            ? 'less what findings explain in them'
            : '',
          baselineCredited.slice(-trailing).some(Boolean) ? 'without their one-off credits' : '',
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
