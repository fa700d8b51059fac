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
    const groups = [...byInvoice.entries()];
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
        invoiceNumber: invoice?.invoiceNumber ?? finding.subject.invoiceNumber ?? '',
        invoiceDate: invoice?.invoiceDate ?? '',
        lines: [...new Set(group.map((l) => l.sourceRow))].sort((a, b) => a - b).join(', '),
        billed,
        expected: cents(billed - difference),
        difference,
      });
    });
  }
  return items.sort((a, b) => a.invoiceDate.localeCompare(b.invoiceDate));
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
  const total = sumCents(items.map((item) => item.difference));
  rows.push(['Total', '', '', '', '', '', '', '', '', null, null, money(total)]);
  return toCsvBytes(header, rows, { bom: true, guardFormulas: true });
}
