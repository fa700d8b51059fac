/**
 * The dispute letter: one item per disputed finding with its invoice, the bill's line numbers,
 * what was billed, what was expected and the difference claimed. Also as CSV for the carrier's
 * claim portal.
 */
import { toCsvBytes } from '../../../shared/export/csv';
import type { Invoice } from '../../../shared/model';
import { atStakeCents, claimParts, countOnce } from '../../../shared/audit/claims';
import {
  cents,
  centsToDecimalString,
  formatCents,
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

/**
 * The letter's items: each finding claims its money at stake, each cent once (`atStakeCents`, as
 * the dispute's claim and the Findings page count it), so the items add up to the claim. A
 * finding over several bills gives one item per invoice, each with exactly what the finding
 * claims on that invoice's lines (its line claims: every line, beyond the 200 a finding shows),
 * and one more for money tied to no line. When its line claims cannot say how much each bill
 * carries, it is one item naming every invoice, and says it is not split.
 */
export async function loadLetterItems(
  db: TemDeskDatabase,
  dispute: DisputeRecord,
): Promise<LetterItem[]> {
  const allFindings = await findingsTable(db).toArray();
  const once = countOnce(allFindings);
  const byId = new Map(allFindings.map((f) => [f.id, f]));
  const findings = dispute.findingIds.flatMap((id) => byId.get(id) ?? []);
  const invoices = await db.invoices.toArray();
  const invoiceById = new Map<string, Invoice>(invoices.map((i) => [i.id, i]));
  const dateOf = (invoiceId: string) => invoiceById.get(invoiceId)?.invoiceDate ?? '';
  const items: LetterItem[] = [];
  for (const finding of findings) {
    const base = {
      findingId: finding.id,
      rule: RULE_TITLES.get(finding.ruleId) ?? finding.ruleId,
      service: finding.subject.serviceIdRaw ?? '',
      explanation: finding.message,
    };
    const ownInvoice = invoiceById.get(finding.evidence?.invoiceId ?? '');
    const ownNumber = finding.subject.invoiceNumber ?? ownInvoice?.invoiceNumber ?? '';
    const claim = atStakeCents(once, finding);
    const parts = claimParts(once, finding);
    const lines = parts.held.length > 0 ? await loadChargeRefs(db, parts.held) : [];
    if (!parts.exact) {
      // The line claims add up to more than the finding counts: no per-invoice figure is known.
      const ids = [...new Set(parts.held.map((line) => line.invoiceId))].sort((a, b) =>
        dateOf(a).localeCompare(dateOf(b)),
      );
      items.push({
        ...base,
        explanation: `${finding.message} Not split by invoice: the amount is claimed once for the ${ids.length} invoices named.`,
        invoiceNumber: ids.map((id) => invoiceById.get(id)?.invoiceNumber ?? '').join(', '),
        invoiceDate: dateOf(ids[0] ?? ''),
        lines: '',
        billed: null,
        expected: null,
        difference: claim,
      });
      continue;
    }
    // One item per invoice of the lines the finding holds, oldest first: billed is what those
    // lines billed, the difference what the finding claims on them.
    const claimOf = new Map(
      parts.held.map((line) => [`${line.invoiceId}|${line.blockIndex}|${line.row}`, line.claim]),
    );
    const groups = new Map<string, { billed: number; claimed: number; rows: Set<number> }>();
    for (const line of lines) {
      const group = groups.get(line.invoiceId) ?? { billed: 0, claimed: 0, rows: new Set() };
      group.billed += line.amount;
      group.claimed += claimOf.get(`${line.invoiceId}|${line.blockIndex}|${line.row}`) ?? 0;
      group.rows.add(line.sourceRow);
      groups.set(line.invoiceId, group);
    }
    const ordered = [...groups.entries()].sort(([a], [b]) => dateOf(a).localeCompare(dateOf(b)));
    // What the finding claims on no line it holds (a wrong total, lines of a deleted bill).
    const rest = claim - ordered.reduce((sum, [, group]) => sum + group.claimed, 0);
    const count = ordered.length + (rest > 0 || ordered.length === 0 ? 1 : 0);
    ordered.forEach(([invoiceId, group], index) => {
      items.push({
        ...base,
        explanation: splitExplanation(finding.message, index, count),
        invoiceNumber: invoiceById.get(invoiceId)?.invoiceNumber ?? ownNumber,
        invoiceDate: dateOf(invoiceId),
        lines: [...group.rows].sort((a, b) => a - b).join(', '),
        billed: cents(group.billed),
        expected: cents(group.billed - group.claimed),
        difference: cents(group.claimed),
      });
    });
    if (count > ordered.length)
      items.push({
        ...base,
        explanation:
          ordered.length === 0
            ? claim === 0
              ? `${finding.message} No money is claimed from the carrier for it.`
              : finding.message
            : `${splitExplanation(finding.message, ordered.length, count)} Not on a charge line.`,
        invoiceNumber: ownNumber,
        invoiceDate: ownInvoice?.invoiceDate ?? '',
        lines: '',
        billed: null,
        expected: null,
        difference: cents(rest),
      });
  }
  return withFiledClaim(dispute, sortItems(items));
}

/** The label of the item that brings a letter back to the claim as filed. */
export const FILED_CLAIM_LABEL = 'Not in this claim: changed since it was filed';

/** The same item in a draft's letter: not filed yet, its claim is as the dispute was opened. */
export const OPENED_CLAIM_LABEL = 'Not in this claim: changed since the dispute was opened';

/**
 * The items, and — when they no longer add up to what the dispute claims (a finding found again
 * with other money after the dispute was opened, or a line another finding now holds) — one more
 * item holding the difference, so the letter asks for the claim as filed and says why its items
 * differ. The user's decision stays as they left it: the Findings page flags the change. A draft
 * is not filed with the carrier yet: its item says the claim is as the dispute was opened.
 */
function withFiledClaim(
  dispute: Pick<DisputeRecord, 'claimedAmount' | 'openedOn' | 'submittedOn' | 'status'>,
  items: LetterItem[],
): LetterItem[] {
  const found = sumCents(items.map((item) => item.difference));
  const change = cents(dispute.claimedAmount - found);
  if (change === 0) return items;
  const draft = dispute.status === 'draft';
  const since = draft
    ? `as opened on ${dispute.openedOn}`
    : `as filed on ${dispute.submittedOn ?? dispute.openedOn}`;
  return [
    ...items,
    {
      findingId: '',
      rule: draft ? OPENED_CLAIM_LABEL : FILED_CLAIM_LABEL,
      invoiceNumber: '',
      invoiceDate: '',
      lines: '',
      service: '',
      explanation: `The items above now come to ${formatCents(found)}; this dispute claims ${formatCents(dispute.claimedAmount)}, ${since}.`,
      billed: null,
      expected: null,
      difference: change,
    },
  ];
}

/** Each finding's items stay together (its sentence, then its shares), findings by their oldest invoice. */
function sortItems(items: readonly LetterItem[]): LetterItem[] {
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

/**
 * What a letter claims: the items' total, the credits received so far, what is still due, and
 * what the carrier credited beyond the claim (carriers do: a whole month, the taxes too), so that
 * claimed − credited + beyond = still due, to the cent.
 */
export interface LetterClaim {
  claimed: Cents;
  credited: Cents;
  stillDue: Cents;
  beyondClaim: Cents;
}

/** The label of the row holding what was credited beyond the claim. */
export const BEYOND_CLAIM_LABEL = 'Credited beyond the claim';

export function letterClaim(
  dispute: Pick<DisputeRecord, 'credits'>,
  items: readonly Pick<LetterItem, 'difference'>[],
): LetterClaim {
  const claimed = sumCents(items.map((item) => item.difference));
  const credited = sumCents((dispute.credits ?? []).map((credit) => credit.amount));
  return {
    claimed,
    credited,
    stillDue: cents(Math.max(0, claimed - credited)),
    beyondClaim: cents(Math.max(0, credited - claimed)),
  };
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
  const { claimed, credited, stillDue, beyondClaim } = letterClaim(dispute, items);
  // A summary row: its label first, its amount under Difference.
  const total = (label: string, amount: Cents) =>
    rows.push([label, '', '', '', '', '', '', '', '', null, null, money(amount)]);
  if (credited > 0) {
    total('Total disputed', claimed);
    total('Credits received', cents(-credited));
    // Without it the rows would not add up when the carrier credited more than was claimed.
    if (beyondClaim > 0) total(BEYOND_CLAIM_LABEL, beyondClaim);
    total('Still requested', stillDue);
  } else {
    total('Total', claimed);
  }
  return toCsvBytes(header, rows, { bom: true });
}
