/**
 * The dispute letter: one item per disputed finding with its invoice, the bill's line numbers,
 * what was billed, what was expected and the difference claimed. Also as CSV for the carrier's
 * claim portal.
 */
import { toCsvBytes } from '../../../shared/export/csv';
import type { Invoice } from '../../../shared/model';
import {
  cents,
  centsToDecimalString,
  splitLargestRemainder,
  sumCents,
  type Cents,
} from '../../../shared/money/cents';
import type { TemDeskDatabase } from '../../db/database';
import { findingsTable, type DisputeRecord } from '../../db/findings';
import { loadChargeRefs } from './data';
import { RULE_TITLES } from './rows';

export interface LetterItem {
  findingId: string;
  rule: string;
  invoiceNumber: string;
  invoiceDate: string;
  /** Line numbers in the carrier's file, e.g. `12, 13`; '' when the finding names no line. */
  lines: string;
  service: string;
  explanation: string;
  /** What the lines behind the finding billed; null when it names no line (e.g. a total). */
  billed: Cents | null;
  expected: Cents | null;
  difference: Cents;
}

export async function loadLetterItems(
  db: TemDeskDatabase,
  dispute: DisputeRecord,
): Promise<LetterItem[]> {
  const findings = (await findingsTable(db).bulkGet(dispute.findingIds)).filter(
    (f) => f !== undefined,
  );
  const invoices = await db.invoices.toArray();
  const invoiceById = new Map<string, Invoice>(invoices.map((i) => [i.id, i]));
  const items: LetterItem[] = [];
  for (const finding of findings) {
    const refs = finding.evidence?.chargeRefs ?? [];
    const lines = refs.length > 0 ? await loadChargeRefs(db, refs) : [];
    const base = {
      findingId: finding.id,
      rule: RULE_TITLES.get(finding.ruleId) ?? finding.ruleId,
      service: finding.subject.serviceIdRaw ?? '',
      explanation: finding.message,
    };
    if (lines.length === 0) {
      const invoice = invoiceById.get(finding.evidence?.invoiceId ?? '');
      items.push({
        ...base,
        invoiceNumber: finding.subject.invoiceNumber ?? invoice?.invoiceNumber ?? '',
        invoiceDate: invoice?.invoiceDate ?? '',
        lines: '',
        billed: null,
        expected: null,
        difference: finding.impact,
      });
      continue;
    }
    // A finding over several bills (a rate billed wrong for three months) gives one item per
    // invoice; its difference is split by what each invoice billed, to the cent.
    const byInvoice = new Map<string, typeof lines>();
    for (const line of lines)
      byInvoice.set(line.invoiceId, [...(byInvoice.get(line.invoiceId) ?? []), line]);
    // Oldest invoice first: the finding's sentence goes on it, its shares follow in order.
    const dateOf = (invoiceId: string) => invoiceById.get(invoiceId)?.invoiceDate ?? '';
    const groups = [...byInvoice.entries()].sort(([a], [b]) => dateOf(a).localeCompare(dateOf(b)));
    const billedPerInvoice = groups.map(([, group]) => sumCents(group.map((l) => l.amount)));
    const weights = billedPerInvoice.map((b) => Math.max(0, b));
    const differences = splitLargestRemainder(
      finding.impact,
      weights.some((w) => w > 0) ? weights : weights.map(() => 1),
    );
    groups.forEach(([invoiceId, group], index) => {
      const invoice = invoiceById.get(invoiceId);
      const billed = billedPerInvoice[index] ?? cents(0);
      const difference = differences[index] ?? cents(0);
      items.push({
        ...base,
        explanation: splitExplanation(finding.message, index, groups.length),
        invoiceNumber: invoice?.invoiceNumber ?? finding.subject.invoiceNumber ?? '',
        invoiceDate: invoice?.invoiceDate ?? '',
        lines: [...new Set(group.map((l) => l.sourceRow))].sort((a, b) => a - b).join(', '),
        billed,
        expected: cents(billed - difference),
        difference,
      });
    });
  }
  // Each finding's items stay together (its sentence, then its shares), findings by their
  // oldest invoice.
  const firstDate = new Map<string, string>();
  for (const item of items) {
    const seen = firstDate.get(item.findingId);
    if (seen === undefined || item.invoiceDate < seen)
      firstDate.set(item.findingId, item.invoiceDate);
  }
  const keyOf = (item: LetterItem) =>
    `${firstDate.get(item.findingId) ?? ''}\u0000${item.findingId}`;
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => keyOf(a.item).localeCompare(keyOf(b.item)) || a.index - b.index)
    .map(({ item }) => item);
}

/**
 * The explanation of one item of a finding split over several invoices: the finding's sentence
 * (which states the whole amount) once, on the first item; the others say they are its shares, so
 * no row reads as if the whole amount were claimed again.
 */
export function splitExplanation(message: string, index: number, count: number): string {
  if (count <= 1) return message;
  if (index === 0) return `${message} Split below by invoice (${count} invoices).`;
  return `Share of the item above on this invoice (${index + 1} of ${count}).`;
}

/** What a letter claims: the items' total, the credits received so far, and what is still due. */
export interface LetterClaim {
  claimed: Cents;
  credited: Cents;
  stillDue: Cents;
}

export function letterClaim(
  dispute: Pick<DisputeRecord, 'credits'>,
  items: readonly Pick<LetterItem, 'difference'>[],
): LetterClaim {
  const claimed = sumCents(items.map((item) => item.difference));
  const credited = sumCents((dispute.credits ?? []).map((credit) => credit.amount));
  return { claimed, credited, stillDue: cents(Math.max(0, claimed - credited)) };
}

const money = (value: Cents | null) => (value === null ? null : centsToDecimalString(value));

/** The claim as CSV: one row per item, then a total row. */
export function letterCsv(dispute: DisputeRecord, carrier: string, items: readonly LetterItem[]) {
  const header = [
    'Carrier',
    'Account',
    'Ticket',
    'Invoice',
    'Invoice date',
    'Lines',
    'Service',
    'Issue',
    'Explanation',
    'Billed',
    'Expected',
    'Difference',
  ];
  const rows = items.map((item) => [
    carrier,
    dispute.accountNumber,
    dispute.carrierReference ?? '',
    item.invoiceNumber,
    item.invoiceDate,
    item.lines,
    item.service,
    item.rule,
    item.explanation,
    money(item.billed),
    money(item.expected),
    money(item.difference),
  ]);
  const { claimed, credited, stillDue } = letterClaim(dispute, items);
  if (credited > 0) {
    rows.push(['Total disputed', '', '', '', '', '', '', '', '', null, null, money(claimed)]);
    rows.push([
      'Credits received',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      null,
      null,
      money(cents(-credited)),
    ]);
    rows.push(['Still requested', '', '', '', '', '', '', '', '', null, null, money(stillDue)]);
  } else {
    rows.push(['Total', '', '', '', '', '', '', '', '', null, null, money(claimed)]);
  }
  return toCsvBytes(header, rows, { bom: true });
}
