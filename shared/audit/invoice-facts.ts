/**
 * The audit's view of each invoice: its packed lines grouped by service match key (as positions
 * into the blocks, laid out in one counting sort), its billed period and account, built once per
 * run and read by every rule through the `RuleContext`.
 */
import {
  addDays,
  addMonths,
  endOfMonth,
  isoMonthOf,
  startOfMonth,
  type IsoDate,
  type IsoMonth,
} from '../dates/iso-date';
import type { Account, Invoice, Service } from '../model';
import { lineAccountOf, type ChargeBlock } from '../storage/charge-blocks';
import { billingMonths } from './billing-month';
import type { AuditSnapshot } from './snapshot';

/** The charge lines of one service (one match key) on one invoice, as positions in the blocks. */
export interface ServiceCharges {
  serviceKey: string;
  /** Identifier as printed on the first line seen, for messages. */
  serviceIdRaw: string;
  /** The inventory service the key matches on this carrier, if any. */
  service: Service | undefined;
  /**
   * The billing account the service's lines are billed on when it is not the invoice's (AT&T
   * BANs under a FAN invoice): the account the service is matched by.
   */
  accountNumber?: string;
  /**
   * The group's lines are `from` ≤ i < `to` of two arrays shared by the invoice's groups:
   * `blockPositions[i]` indexes `InvoiceFacts.blocks`, `rows[i]` is the row in that block.
   * (Offsets rather than a view per group: hundreds of thousands of views cost more than the audit.)
   */
  blockPositions: Int32Array;
  rows: Int32Array;
  from: number;
  to: number;
  /** Sum of the lines' amounts in cents. */
  total: number;
}

/** An invoice with what the rules keep asking about it. */
export interface InvoiceFacts {
  invoice: Invoice;
  /** Billing month: the month of the invoice date. */
  month: IsoMonth;
  /**
   * The month a bill that states no period bills: `month`, or the month after when another such
   * bill of the account dated a whole cycle earlier bills that one (see `billing-month.ts`). Equal
   * to `month` for a bill that states its period (its period says what it bills).
   */
  billingMonth: IsoMonth;
  /**
   * The billed period; when the bill gives no start, estimated as the month up to `periodEnd` (or
   * the invoice date): see {@link estimatedPeriodStart}.
   */
  periodStart: IsoDate;
  periodEnd: IsoDate;
  /** `carrierId|accountNumber`, the key of {@link RuleContext.invoicesByAccount}. */
  accountKey: string;
  account: Account | undefined;
  /** The invoice's blocks in `blockIndex` order. */
  blocks: ChargeBlock[];
  /** Sum of every line in cents, from the blocks (not the stored `linesTotal`). */
  total: number;
  /** Lines naming a service, grouped by match key, in order of first appearance. */
  services: ServiceCharges[];
  /** The same groups by match key. */
  serviceCharges: ReadonlyMap<string, ServiceCharges>;
  /** Lines naming no service (account-level taxes, fees, credits). */
  accountLevel: ServiceCharges;
}

/** `carrierId|accountNumber`. */
export function accountKeyOf(carrierId: string, accountNumber: string): string {
  return `${carrierId}|${accountNumber.trim()}`;
}

/** The service a bill's match key names on a carrier (same account preferred). */
export type MatchService = (
  carrierId: string,
  accountNumber: string,
  key: string,
) => Service | undefined;

/** Every invoice of the snapshot with its lines grouped by service. */
export function indexInvoices(
  snapshot: Pick<AuditSnapshot, 'invoices' | 'chargeBlocks'>,
  accountByKey: ReadonlyMap<string, Account>,
  matchService: MatchService,
): InvoiceFacts[] {
  const blocksByInvoice = new Map<string, ChargeBlock[]>();
  for (const block of snapshot.chargeBlocks) {
    const list = blocksByInvoice.get(block.invoiceId);
    if (list === undefined) blocksByInvoice.set(block.invoiceId, [block]);
    else list.push(block);
  }
  const indexed = snapshot.invoices.map((invoice) => {
    const blocks = (blocksByInvoice.get(invoice.id) ?? []).sort(
      (a, b) => a.blockIndex - b.blockIndex,
    );
    const periodEnd = invoice.periodEnd ?? invoice.invoiceDate;
    const accountKey = accountKeyOf(invoice.carrierId, invoice.accountNumber);
    // Two passes, no per-group growing arrays: number every line's group, then lay the groups'
    // rows out contiguously in two typed arrays the groups view (a counting sort).
    let lineCount = 0;
    for (const block of blocks) lineCount += block.count;
    const groupOfLine = new Int32Array(lineCount);
    const groupIndex = new Map<string, number>([['', 0]]);
    const keys: string[] = [''];
    const raws: string[] = [''];
    const accounts: (string | undefined)[] = [undefined];
    const sizes: number[] = [0];
    const totals: number[] = [0];
    let total = 0;
    let line = 0;
    for (const block of blocks) {
      const { serviceKey, amount } = block;
      for (let row = 0; row < block.count; row++, line++) {
        const value = amount[row] ?? 0;
        total += value;
        const key = serviceKey[row] ?? '';
        let group = groupIndex.get(key);
        if (group === undefined) {
          group = keys.length;
          groupIndex.set(key, group);
          keys.push(key);
          raws.push(block.serviceIdRaw[row] ?? key);
          accounts.push(lineAccountOf(block, row));
          sizes.push(0);
          totals.push(0);
        }
        groupOfLine[line] = group;
        sizes[group] = (sizes[group] ?? 0) + 1;
        totals[group] = (totals[group] ?? 0) + value;
      }
    }
    const positions = new Int32Array(lineCount);
    const rows = new Int32Array(lineCount);
    const next = new Int32Array(keys.length);
    for (let group = 1; group < keys.length; group++) {
      next[group] = (next[group - 1] ?? 0) + (sizes[group - 1] ?? 0);
    }
    const starts = next.slice();
    line = 0;
    blocks.forEach((block, position) => {
      for (let row = 0; row < block.count; row++, line++) {
        const group = groupOfLine[line] ?? 0;
        const at = next[group] ?? 0;
        positions[at] = position;
        rows[at] = row;
        next[group] = at + 1;
      }
    });
    const groups = keys.map((key, group): ServiceCharges => {
      const from = starts[group] ?? 0;
      const to = from + (sizes[group] ?? 0);
      const billedOn = accounts[group];
      return {
        serviceKey: key,
        serviceIdRaw: raws[group] ?? key,
        ...(billedOn === undefined ? {} : { accountNumber: billedOn }),
        service:
          key === ''
            ? undefined
            : matchService(invoice.carrierId, billedOn ?? invoice.accountNumber, key),
        blockPositions: positions,
        rows,
        from,
        to,
        total: totals[group] ?? 0,
      };
    });
    const [accountLevel = emptyCharges(), ...services] = groups;
    const byKey = new Map(services.map((charges) => [charges.serviceKey, charges]));
    return {
      invoice,
      month: isoMonthOf(invoice.invoiceDate),
      billingMonth: isoMonthOf(invoice.invoiceDate),
      periodStart: invoice.periodStart ?? estimatedPeriodStart(periodEnd),
      periodEnd,
      accountKey,
      account: accountByKey.get(accountKey),
      blocks,
      total,
      services,
      serviceCharges: byKey,
      accountLevel,
    } satisfies InvoiceFacts;
  });
  setBillingMonths(indexed);
  return indexed;
}

/**
 * The start of a month's billing period ending on `end`, for a bill that states only its end (AT&T
 * Premier's market cycle end date) or no period: the day after the same day a month before
 * (August 16 → July 17), or the first of the month when `end` is its last day, as a cycle of
 * calendar months is (June 30 → June 1, February 29 → February 1; not May 31 or January 30, which
 * would put a disconnect or a contract's end on the last day of the month before inside the
 * period, and a whole month billed after it outside the checks).
 */
export function estimatedPeriodStart(end: IsoDate): IsoDate {
  if (end === endOfMonth(end)) return startOfMonth(end);
  return addDays(addMonths(end, -1), 1);
}

/**
 * Sets the billing month of each bill that states no period, account by account: one of two such
 * bills a cycle apart in one month came early and bills the next (see {@link billingMonths}).
 */
function setBillingMonths(invoices: readonly InvoiceFacts[]): void {
  const undatedByAccount = new Map<string, InvoiceFacts[]>();
  for (const facts of invoices) {
    const { periodStart, periodEnd } = facts.invoice;
    if (periodStart !== undefined || periodEnd !== undefined) continue;
    const list = undatedByAccount.get(facts.accountKey);
    if (list === undefined) undatedByAccount.set(facts.accountKey, [facts]);
    else list.push(facts);
  }
  for (const list of undatedByAccount.values()) {
    if (list.length < 2) continue;
    const months = billingMonths(list.map((facts) => facts.invoice));
    list.forEach((facts, index) => {
      facts.billingMonth = months[index] ?? facts.month;
    });
  }
}

function emptyCharges(): ServiceCharges {
  return {
    serviceKey: '',
    serviceIdRaw: '',
    service: undefined,
    blockPositions: new Int32Array(0),
    rows: new Int32Array(0),
    from: 0,
    to: 0,
    total: 0,
  };
}
