/**
 * What the spike check leaves out of an invoice's jump: the money other findings already explain
 * (a duplicate charge, a price above the contract, a tax at three times its rate…), line by line,
 * so that no dollar is reported twice.
 */
import type { InvoiceFacts } from '../context';
import { forEachClaim, PRICE_PART_RULES } from '../claims';
import type { ChargeRef, FindingDraft } from '../rule';
import { blockAt } from '../../storage/charge-blocks';

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
 * billed twice): the parts above a rate add up ({@link PRICE_PART_RULES}: rate-mismatch keeps the
 * days of a bill inside the contract's term and out-of-contract those after it, and tax-drift
 * claims tax lines neither of them does). period-overlap claims a share of every day-billed line,
 * that other part included: of a line it shares with them, the larger of the two is explained, as
 * money at stake holds a line by its larger claim, those parts added up (see `countOnce`), so no
 * cent is taken off twice.
 */
const PART_OF_LINE_RULES: ReadonlySet<string> = new Set([...PRICE_PART_RULES, 'period-overlap']);

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
  const blockOf = (ref: ChargeRef) => {
    const blocks = invoiceById.get(ref.invoiceId)?.blocks;
    return blocks === undefined ? undefined : blockAt(blocks, ref.blockIndex);
  };
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
