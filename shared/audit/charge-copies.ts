/**
 * Charges billed more than once, and the credits that refund them: one reading per run, shared
 * by `duplicate-charge` (the copies still billed) and the checks of a service's price, which must
 * not read a credit that refunds a copy as the reversal of another line too. A credit is given
 * back once: "Credit - billed in error" −$50 on May's bill refunding April's $50 copy is not also
 * May's $50 line reversed (which would leave April's copy claimed and May's line unjudged).
 */
import type { InvoiceFacts, RuleContext, ServiceCharges } from './context';
import { CATEGORY_CODE, forEachLine, linePeriod } from './findings';
import { billedPeriodKey } from './invoice-copies';
import { creditKey, isBenefitCredit, isPriceDiscount } from './recurring';
import { pushAll } from '../arrays';
import {
  PAIRWISE_LIMIT,
  extraCopies,
  isPerEvent,
  perEventCopies,
  sameCharge,
  type ChargeLine,
} from './same-charge';

export type { ChargeLine } from './same-charge';

/** What {@link chargeCopiesOf} returns. */
export interface ChargeCopies {
  /** The extra copies no credit takes back: what `duplicate-charge` claims. */
  billed: ChargeLine[];
  /**
   * The credit lines that refund a copy ({@link creditKey}): each is spent on its copy, so no
   * other check reads it as giving back another line.
   */
  refunds: ReadonlySet<string>;
}

const copiesByRun = new WeakMap<RuleContext, ChargeCopies>();

/**
 * The same service, description, amount and period billed more than once — on one invoice, or on
 * invoices of the carrier covering the same period (another account) — and the credits refunding
 * them, read once per run. Of copies on two accounts the one on the account the inventory gives
 * the service is the original; otherwise the earliest invoice's (date, then number) — never
 * whichever file was read first. Copies of a whole invoice are `duplicate-invoice`'s finding and
 * are left out here, and a copy a credit refunds is not billed twice (see {@link uncredited}).
 */
export function chargeCopiesOf(context: RuleContext): ChargeCopies {
  let copies = copiesByRun.get(context);
  if (copies === undefined) {
    copies = uncredited(context, extraCopiesOf(context));
    copiesByRun.set(context, copies);
  }
  return copies;
}

/** Every extra copy, refunded or not. */
function extraCopiesOf(context: RuleContext): ChargeLine[] {
  // Invoices of one carrier covering the same period can repeat each other's lines.
  const byPeriod = new Map<string, InvoiceFacts[]>();
  // Copies of a whole invoice are duplicate-invoice's finding: `originals` leaves them out.
  for (const facts of context.originals) {
    // A bill that states no period bills its month (see `billedPeriodKey`).
    const key = `${facts.invoice.carrierId}|${billedPeriodKey(facts)}`;
    const list = byPeriod.get(key);
    if (list === undefined) byPeriod.set(key, [facts]);
    else list.push(facts);
  }
  const owned = ownedBy(context);
  const extras: ChargeLine[] = [];
  // Lines already counted as extra copies, so the pass over other periods does not count them again.
  const counted = new Set<string>();
  for (const group of byPeriod.values()) {
    const byService = new Map<string, { facts: InvoiceFacts; charges: ServiceCharges }[]>();
    for (const facts of group) {
      for (const charges of facts.services) {
        const list = byService.get(charges.serviceKey);
        if (list === undefined) byService.set(charges.serviceKey, [{ facts, charges }]);
        else list.push({ facts, charges });
      }
    }
    for (const parts of byService.values()) {
      const count = parts.reduce((sum, part) => sum + part.charges.to - part.charges.from, 0);
      if (count < 2) continue;
      const [only] = parts;
      if (parts.length === 1 && only !== undefined && count <= PAIRWISE_LIMIT) {
        // The common case, without building a line object per charge.
        const { facts, charges } = only;
        const found = extras.length;
        let perEvent = false;
        for (let i = charges.from + 1; i < charges.to; i++) {
          const position = charges.blockPositions[i] ?? 0;
          const block = facts.blocks[position];
          const row = charges.rows[i] ?? 0;
          if (block === undefined || (block.amount[row] ?? 0) === 0) continue;
          if (isPerEvent(block, row)) {
            perEvent = true;
            continue;
          }
          for (let j = charges.from; j < i; j++) {
            const other = facts.blocks[charges.blockPositions[j] ?? 0];
            if (
              other === undefined ||
              !sameCharge({ block, row }, { block: other, row: charges.rows[j] ?? 0 })
            )
              continue;
            extras.push({ facts, block, row, position });
            counted.add(lineKey(facts, position, row));
            break;
          }
        }
        // Usage and taxes repeat by themselves; they are copies only in a copy of the whole group.
        if (perEvent && extras.length > found) {
          const lines: ChargeLine[] = [];
          forEachLine(facts, charges, (block, row, position) =>
            lines.push({ facts, block, row, position }),
          );
          for (const extra of perEventCopies(lines)) {
            extras.push(extra);
            counted.add(lineKey(extra.facts, extra.position, extra.row));
          }
        }
        continue;
      }
      // The copy kept as the original never depends on the order the files were read in.
      const ordered = [...parts].sort(
        (a, b) =>
          Number(owned(b.facts, b.charges)) - Number(owned(a.facts, a.charges)) ||
          compareInvoices(a.facts, b.facts),
      );
      const lines: ChargeLine[] = [];
      for (const { facts, charges } of ordered) {
        for (let i = charges.from; i < charges.to; i++) {
          const position = charges.blockPositions[i] ?? 0;
          const block = facts.blocks[position];
          if (block !== undefined)
            lines.push({ facts, block, row: charges.rows[i] ?? 0, position });
        }
      }
      if (lines.length < 2) continue;
      for (const extra of extraCopies(lines)) {
        extras.push(extra);
        counted.add(lineKey(extra.facts, extra.position, extra.row));
      }
    }
  }
  // A month billed again on a later invoice: the line states the earlier period as its own.
  pushAll(extras, rebilledPeriods(context.originals, counted, owned));
  return extras;
}

/**
 * The extra copies less those a credit already takes back: a credit or adjustment of the same
 * service for exactly a copy's amount ("Credit - billed in error", −$800.00 beside two $800.00
 * lines) nets the copy, so what is left billed is one charge. A credit on the copy's own bill is
 * matched first; one on a later bill of the same account (the refund arriving next month) takes
 * back a copy still left, the earliest such credit first. Each credit takes back one copy. A
 * price discount is part of the service's price, not a refund of a copy; a benefit (a promotion,
 * an outage credit: {@link isBenefitCredit}) is given on top of the bill whatever its amount; and a
 * credit of another amount is not this copy's: none of them cancels it.
 */
function uncredited(context: RuleContext, extras: readonly ChargeLine[]): ChargeCopies {
  const refunds = new Set<string>();
  if (extras.length === 0) return { billed: [], refunds };
  // Invoice id + service key + amount → credit lines of that amount not yet matched to a copy.
  const credits = new Map<string, string[]>();
  const read = new Set<string>();
  const readCredits = (facts: InvoiceFacts, service: string) => {
    const group = `${facts.invoice.id}|${service}`;
    if (read.has(group)) return;
    read.add(group);
    const charges = facts.serviceCharges.get(service);
    if (charges !== undefined) listCredits(facts, charges, group, credits);
  };
  for (const { facts, block, row } of extras) readCredits(facts, block.serviceKey[row] ?? '');
  const take = (invoiceId: string, service: string, amount: number) => {
    const credit = credits.get(`${invoiceId}|${service}|${amount}`)?.shift();
    if (credit !== undefined) refunds.add(credit);
    return credit !== undefined;
  };
  const left = extras.filter(
    ({ facts, block, row }) =>
      !take(facts.invoice.id, block.serviceKey[row] ?? '', block.amount[row] ?? 0),
  );
  // Copies still billed, oldest first, against the credits of the account's later bills.
  const ordered = [...left].sort((a, b) => compareInvoices(a.facts, b.facts));
  const refunded = new Set<ChargeLine>();
  for (const extra of ordered) {
    const { facts, block, row } = extra;
    const service = block.serviceKey[row] ?? '';
    const amount = block.amount[row] ?? 0;
    for (const later of context.invoicesByAccount.get(facts.accountKey) ?? []) {
      if (compareInvoices(later, facts) <= 0) continue;
      readCredits(later, service);
      if (take(later.invoice.id, service, amount)) {
        refunded.add(extra);
        break;
      }
    }
  }
  return { billed: left.filter((extra) => !refunded.has(extra)), refunds };
}

/**
 * Lists a service's credits on a bill by amount into `credits` (`group|amount` → their
 * {@link creditKey}s, in the order of the bill).
 */
function listCredits(
  facts: InvoiceFacts,
  charges: ServiceCharges,
  group: string,
  credits: Map<string, string[]>,
): void {
  const { credit, adjustment } = CATEGORY_CODE;
  forEachLine(facts, charges, (block, row) => {
    const category = block.category[row];
    const amount = block.amount[row] ?? 0;
    if (amount >= 0 || (category !== credit && category !== adjustment)) return;
    const description = block.description[row] ?? '';
    if (isPriceDiscount(description) || isBenefitCredit(description)) return;
    const key = `${group}|${-amount}`;
    credits.set(key, [...(credits.get(key) ?? []), creditKey(block, row)]);
  });
}

function lineKey(facts: InvoiceFacts, position: number, row: number): string {
  return `${facts.invoice.id}|${position}|${row}`;
}

/**
 * Lines that bill again a period another invoice already billed: a line whose own period is not
 * its invoice's (the November bill charging October's $800 again) matched with the lines of the
 * same carrier, service, description and amount covering that same period (its own, else its
 * invoice's). Of each such set the line on the service's own account is kept, then the one
 * billed in its own period, then the earliest; the others are the extra copies. Lines in `counted` are already extra copies and are left out.
 */
function rebilledPeriods(
  invoices: readonly InvoiceFacts[],
  counted: ReadonlySet<string>,
  owned: Owned,
): ChargeLine[] {
  const wanted = new Set<string>();
  for (const facts of invoices) {
    for (const block of facts.blocks) {
      for (let row = 0; row < block.count; row++) {
        // Usage and taxes repeat by themselves (see `isPerEvent`): never read as a month rebilled.
        if (isPerEvent(block, row)) continue;
        const [start, end] = linePeriod(facts, block, row);
        if (start === facts.periodStart && end === facts.periodEnd) continue;
        wanted.add(`${facts.invoice.carrierId}|${block.serviceKey[row] ?? ''}|${start}|${end}`);
      }
    }
  }
  if (wanted.size === 0) return [];
  const sets = new Map<string, ChargeLine[]>();
  for (const facts of invoices) {
    facts.blocks.forEach((block, position) => {
      for (let row = 0; row < block.count; row++) {
        const service = block.serviceKey[row] ?? '';
        const amount = block.amount[row] ?? 0;
        if (service === '' || amount === 0 || isPerEvent(block, row)) continue;
        if (counted.has(lineKey(facts, position, row))) continue;
        const [start, end] = linePeriod(facts, block, row);
        const period = `${facts.invoice.carrierId}|${service}|${start}|${end}`;
        if (!wanted.has(period)) continue;
        const key = `${period}|${block.category[row]}|${block.description[row] ?? ''}|${amount}`;
        const set = sets.get(key) ?? [];
        sets.set(key, set);
        set.push({ facts, block, row, position });
      }
    });
  }
  const extras: ChargeLine[] = [];
  for (const set of sets.values()) {
    if (set.length < 2) continue;
    const inPeriod = (line: ChargeLine) => {
      const [start, end] = linePeriod(line.facts, line.block, line.row);
      return start === line.facts.periodStart && end === line.facts.periodEnd;
    };
    const onOwnAccount = (line: ChargeLine) =>
      owned(line.facts, line.facts.serviceCharges.get(line.block.serviceKey[line.row] ?? ''));
    const ordered = [...set].sort(
      (a, b) =>
        Number(onOwnAccount(b)) - Number(onOwnAccount(a)) ||
        Number(inPeriod(b)) - Number(inPeriod(a)) ||
        compareInvoices(a.facts, b.facts) ||
        a.position - b.position ||
        a.row - b.row,
    );
    pushAll(extras, ordered.slice(1));
  }
  return extras;
}

/** Whether a service's lines on an invoice are billed on the account the inventory gives it. */
type Owned = (facts: InvoiceFacts, charges: ServiceCharges | undefined) => boolean;

/**
 * {@link Owned} for a run. Of two accounts billing one service, the copy on the service's own
 * account is the legitimate charge and the other account's is the extra copy (`wrong-account`
 * says why the other account bills it at all).
 */
function ownedBy(context: RuleContext): Owned {
  return (facts, charges) => {
    const service = charges?.service;
    if (service === undefined) return false;
    const own = context.accountById.get(service.accountId);
    if (own === undefined) return false;
    // A line billed on its own account under the invoice's (AT&T BANs under a FAN) is that account's.
    const billedOn = charges?.accountNumber ?? facts.invoice.accountNumber;
    return context.namesAccount(billedOn, own);
  };
}

/**
 * A stable order of invoices that owes nothing to the order files were read in: invoice date,
 * then invoice number, account and id. The first is the original of a charge billed twice.
 */
function compareInvoices(a: InvoiceFacts, b: InvoiceFacts): number {
  return (
    a.invoice.invoiceDate.localeCompare(b.invoice.invoiceDate) ||
    a.invoice.invoiceNumber.localeCompare(b.invoice.invoiceNumber) ||
    a.invoice.accountNumber.localeCompare(b.invoice.accountNumber) ||
    a.invoice.id.localeCompare(b.invoice.id)
  );
}
