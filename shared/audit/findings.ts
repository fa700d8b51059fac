/**
 * Helpers the rules share: reading packed columns, summing a service's charges across invoices
 * into one finding, and the words and numbers of messages.
 */
import { isIsoDate, type IsoDate, type IsoMonth } from '../dates/iso-date';
import { exactPeriodMonths, periodMonths } from '../dates/period';
import {
  CHARGE_CATEGORIES,
  type ChargeCategory,
  type FindingSubject,
  type Service,
} from '../model';
import type { ChargeBlock } from '../storage/charge-blocks';
import type { InvoiceFacts, ServiceCharges } from './context';
import { cents, formatCents } from '../money/cents';
import {
  findingId,
  type AuditRule,
  type ChargeRef,
  type FindingDraft,
  type FindingEvidence,
} from './rule';

/** Index of each category in the packed `category` column. */
export const CATEGORY_CODE: Readonly<Record<ChargeCategory, number>> = Object.fromEntries(
  CHARGE_CATEGORIES.map((category, index) => [category, index]),
  // fromEntries loses the key type; every category is mapped just above.
) as Record<ChargeCategory, number>;

/** Appends a line to a finding's evidence (the run caps what is kept; see `withLineClaims`). */
export function addRef(
  refs: ChargeRef[],
  facts: InvoiceFacts,
  position: number,
  row: number,
): void {
  const block = facts.blocks[position];
  if (block !== undefined)
    refs.push({ invoiceId: block.invoiceId, blockIndex: block.blockIndex, row });
}

/**
 * Whether a description matches `pattern`, remembered per description: a bill repeats a few
 * descriptions on thousands of lines.
 */
export function wordingTest(pattern: RegExp): (description: string) => boolean {
  const known = new Map<string, boolean>();
  return (description) => {
    let found = known.get(description);
    if (found === undefined) {
      found = pattern.test(description);
      known.set(description, found);
    }
    return found;
  };
}

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
 * Whether a credit names itself a correction of the service's rate or price ("Rate adjustment",
 * "Price correction", "Contract pricing credit"): the carrier takes the price down on the bill
 * itself, so what the service costs is the charge less it. Unlike a promotion or an outage credit,
 * it is the price, not a benefit on top of it.
 */
export function isRateCorrection(description: string): boolean {
  return /\b(?:rate|price|pricing)\s+(?:adj(?:ustment)?|correction|credit|reduction)\b/i.test(
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
    const [start = '', end = ''] = key.split('|');
    if (!isIsoDate(start) || !isIsoDate(end) || end < start) return undefined;
    if (!periods.has(key)) periods.set(key, exactPeriodMonths(start, end));
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
 * `corrected` is the part of `credited` that rate corrections gave back.
 * With `period` (`start|end`), only the lines billing that period count.
 */
export function recurringOf(
  facts: InvoiceFacts,
  charges: ServiceCharges,
  refs?: ChargeRef[],
  netOfDiscounts = false,
  period?: string,
): { amount: number; units: number; credited: number; corrected: number } {
  const recurring = CATEGORY_CODE.recurring;
  let amount = 0;
  let credited = 0;
  let corrected = 0;
  let units = 1;
  // Most services have one recurring line: signatures are only built from the second one on.
  let firstLine: { description: string; value: number } | undefined;
  let seen: Set<string> | undefined;
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
      credited -= value;
      if (category !== CATEGORY_CODE.credit || !isPriceDiscount(description)) corrected -= value;
      continue;
    }
    if (category !== recurring) continue;
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

/** One subject's findings summed over the invoices that show them. */
export interface Tally {
  carrierId: string;
  accountNumber: string;
  /** Match key, or another stable subject key (a contract id). */
  subjectKey: string;
  serviceIdRaw: string;
  service: Service | undefined;
  first: InvoiceFacts;
  last: InvoiceFacts;
  /** Distinct invoices added. */
  invoices: number;
  /** Those invoices, in the order they were added (see {@link tallySubject} for date order). */
  covered: InvoiceFacts[];
  impact: number;
  billed: number;
  /** The latest invoice's own figure (a monthly amount), for messages. */
  lastAmount: number;
  /** A reference figure (contract rate, threshold), for messages. */
  reference: number;
  refs: ChargeRef[];
}

/** Tallies keyed by account and subject, so one finding covers every month a problem lasts. */
export class Tallies {
  private readonly entries = new Map<string, Tally>();
  private readonly seenInvoices = new Map<string, Set<string>>();

  /** The tally of this subject on this invoice's account, created on first use. */
  on(facts: InvoiceFacts, subjectKey: string, serviceIdRaw: string, service?: Service): Tally {
    const key = `${facts.accountKey}|${subjectKey}`;
    let tally = this.entries.get(key);
    if (tally === undefined) {
      tally = {
        carrierId: facts.invoice.carrierId,
        accountNumber: facts.invoice.accountNumber,
        subjectKey,
        serviceIdRaw,
        service,
        first: facts,
        last: facts,
        invoices: 0,
        covered: [],
        impact: 0,
        billed: 0,
        lastAmount: 0,
        reference: 0,
        refs: [],
      };
      this.entries.set(key, tally);
      this.seenInvoices.set(key, new Set());
    }
    const seen = this.seenInvoices.get(key);
    if (seen !== undefined && !seen.has(facts.invoice.id)) {
      seen.add(facts.invoice.id);
      tally.invoices += 1;
      tally.covered.push(facts);
      if (earlier(facts, tally.first)) tally.first = facts;
      if (!earlier(facts, tally.last)) tally.last = facts;
    }
    return tally;
  }

  /** Every tally, in a stable order. */
  list(): Tally[] {
    return [...this.entries.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, tally]) => tally);
  }
}

function earlier(a: InvoiceFacts, b: InvoiceFacts): boolean {
  return (
    a.invoice.invoiceDate < b.invoice.invoiceDate ||
    (a.invoice.invoiceDate === b.invoice.invoiceDate &&
      a.invoice.invoiceNumber < b.invoice.invoiceNumber)
  );
}

/** The finding id of a tally: its subject and first month. */
export function tallyId(ruleId: string, tally: Tally): string {
  return findingId(
    ruleId,
    tally.carrierId,
    tally.accountNumber,
    tally.subjectKey,
    tally.first.month,
  );
}

/**
 * The subject of a tally about a service. A tally over several invoices names them all
 * (`invoiceNumbers`, oldest first), so each of them is held from payment, not only the first.
 */
export function tallySubject(tally: Tally): FindingSubject {
  const subject: FindingSubject = {
    carrierId: tally.carrierId,
    accountNumber: tally.accountNumber,
    invoiceNumber: tally.first.invoice.invoiceNumber,
    period: tally.first.month,
  };
  if (tally.covered.length > 1) {
    const numbers = [...tally.covered]
      .sort((a, b) => (earlier(a, b) ? -1 : earlier(b, a) ? 1 : 0))
      .map((facts) => facts.invoice.invoiceNumber);
    subject.invoiceNumbers = [...new Set(numbers)];
  }
  if (tally.service !== undefined || tally.serviceIdRaw !== '') {
    subject.serviceKey = tally.subjectKey;
    subject.serviceIdRaw = tally.serviceIdRaw;
  }
  return subject;
}

/** `2026-07`, or `2026-07 to 2026-10 (4 invoices)`. */
export function monthSpan(first: IsoMonth, last: IsoMonth, invoices: number): string {
  return first === last ? first : `${first} to ${last} (${invoices} invoices)`;
}

/** {@link monthSpan} of a tally, prefixed `on invoice N` for a single invoice. */
export function tallySpan(tally: Tally): string {
  return tally.invoices === 1
    ? `invoice ${tally.first.invoice.invoiceNumber} (${tally.first.month})`
    : monthSpan(tally.first.month, tally.last.month, tally.invoices);
}

/** `a × b / 100` rounded half away from zero, for percent thresholds on cents. */
export function percentOfCents(amount: number, percent: number): number {
  return Math.round((amount * percent) / 100);
}

/** The draft of a finding summed in a tally. */
export function tallyDraft(
  rule: Pick<AuditRule, 'id' | 'severity'>,
  tally: Tally,
  impact: number,
  message: string,
): FindingDraft {
  const evidence: FindingEvidence = { invoiceId: tally.first.invoice.id };
  if (tally.refs.length > 0) evidence.chargeRefs = tally.refs;
  if (tally.service !== undefined) evidence.serviceId = tally.service.id;
  return {
    id: tallyId(rule.id, tally),
    ruleId: rule.id,
    severity: rule.severity,
    subject: tallySubject(tally),
    impact: cents(impact),
    message,
    evidence,
  };
}

/** `formatCents` for a plain number of cents read from a column. */
export function money(amount: number): string {
  return formatCents(cents(amount));
}

/** Calls `visit` for every line of a service group, with the line's block and row. */
export function forEachLine(
  facts: InvoiceFacts,
  charges: ServiceCharges,
  visit: (block: ChargeBlock, row: number, position: number) => void,
): void {
  for (let i = charges.from; i < charges.to; i++) {
    const position = charges.blockPositions[i] ?? 0;
    const block = facts.blocks[position];
    if (block !== undefined) visit(block, charges.rows[i] ?? 0, position);
  }
}

/** First day a line covers: its own period when it has one, else its invoice's. */
export function lineStart(facts: InvoiceFacts, block: ChargeBlock, row: number): string {
  const own = block.periodStart[row] ?? '';
  return own === '' ? facts.periodStart : own;
}

/** The days a line covers: its own period where it has one, else its invoice's. */
export function linePeriod(
  facts: InvoiceFacts,
  block: ChargeBlock,
  row: number,
): [start: IsoDate, end: IsoDate] {
  const start = block.periodStart[row] ?? '';
  const end = block.periodEnd[row] ?? '';
  return [isIsoDate(start) ? start : facts.periodStart, isIsoDate(end) ? end : facts.periodEnd];
}

/**
 * Calls `visit` for every line of one category on an invoice, in block order: one pass over the
 * packed category column, so a rule about rare lines (one-time, usage) never walks the others.
 */
export function forEachLineOf(
  facts: InvoiceFacts,
  code: number,
  visit: (block: ChargeBlock, row: number, position: number) => void,
): void {
  const { blocks } = facts;
  for (let position = 0; position < blocks.length; position++) {
    const block = blocks[position];
    if (block === undefined) continue;
    const { category } = block;
    for (let row = 0; row < block.count; row++) {
      if (category[row] === code) visit(block, row, position);
    }
  }
}
