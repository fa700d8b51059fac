/**
 * Helpers the rules share: reading packed columns, summing a service's charges across invoices
 * into one finding, and the words and numbers of messages.
 */
import { isIsoDate, type IsoDate, type IsoMonth } from '../dates/iso-date';
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
