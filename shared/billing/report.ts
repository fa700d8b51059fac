import type { AllocationResult } from '../allocation';
import { notItemisedOf, notItemisedTotal } from '../allocation/not-itemised';
import { addMonthsToMonth, isIsoMonth, monthRange, type IsoMonth } from '../dates';
import { NOT_IN_LINES_LABEL, NOT_ITEMISED_LABEL, notInLines } from '../export/chargeback-rows';
import type { CostCenter, Invoice } from '../model';
import { cents, type Cents } from '../money/cents';

/** A spend figure beside the one it is compared with. */
export interface Comparison {
  current: Cents;
  previous: Cents;
  /** current − previous, in cents. */
  change: Cents;
  /** Change as a share of `previous` (0.05 = +5 %); null when there was nothing to compare with. */
  ratio: number | null;
}

export interface Mover {
  carrierId: string;
  accountNumber: string;
  current: Cents;
  previous: Cents;
  change: Cents;
}

/** What the report says where a month has no month before it with bills (its first month). */
export const NO_PREVIOUS_MONTH_TEXT = 'No bills the month before to compare with.';

export interface MonthlyReport {
  month: IsoMonth;
  invoiceCount: number;
  /**
   * Whether any invoice is dated the month before. Without one there is nothing to compare with:
   * no account "moved" (`movers` is empty) and no carrier changed, rather than every one of them
   * counted as a full increase from $0.00.
   */
  previousMonthBilled: boolean;
  vsPreviousMonth: Comparison;
  vsSameMonthLastYear: Comparison;
  /**
   * Accounts whose billed total moved most since the previous month, largest change first; none
   * when the previous month has no bills. An account new in a month after a billed one is a move.
   */
  movers: Mover[];
  /**
   * What the month's invoices state beyond their charge lines (a bill stating $1,100.00 whose lines
   * add up to $1,030.00), as the chargeback's "not itemised" line: the report's figures are the
   * lines', so this says how far they are from the invoices as billed. 0 when they agree.
   */
  notItemised: Cents;
  /** The month's invoices as they state their totals: the lines' total plus `notItemised`. */
  stated: Cents;
}

function compare(current: number, previous: number): Comparison {
  return {
    current: cents(current),
    previous: cents(previous),
    change: cents(current - previous),
    ratio: previous === 0 ? null : (current - previous) / Math.abs(previous),
  };
}

function totalsByAccount(invoices: readonly Invoice[], month: string): Map<string, number> {
  const totals = new Map<string, number>();
  for (const invoice of invoices) {
    if (!invoice.invoiceDate.startsWith(month)) continue;
    const key = accountKey(invoice.carrierId, invoice.accountNumber);
    totals.set(key, (totals.get(key) ?? 0) + invoice.linesTotal);
  }
  return totals;
}

/** Key of an account in the per-account totals maps. */
export function accountKey(carrierId: string, accountNumber: string): string {
  return `${carrierId}\u0000${accountNumber}`;
}

/**
 * The accounts whose total moved most between two per-account totals (keyed by `accountKey`),
 * largest change first, unchanged accounts left out.
 */
export function accountMovers(
  current: ReadonlyMap<string, number>,
  previous: ReadonlyMap<string, number>,
  count: number,
): Mover[] {
  const keys = new Set([...current.keys(), ...previous.keys()]);
  return [...keys]
    .map((key) => {
      const [carrierId = '', accountNumber = ''] = key.split('\u0000');
      const now = current.get(key) ?? 0;
      const before = previous.get(key) ?? 0;
      return {
        carrierId,
        accountNumber,
        current: cents(now),
        previous: cents(before),
        change: cents(now - before),
      };
    })
    .filter((mover) => mover.change !== 0)
    .sort(
      (a, b) =>
        Math.abs(b.change) - Math.abs(a.change) ||
        a.carrierId.localeCompare(b.carrierId) ||
        a.accountNumber.localeCompare(b.accountNumber),
    )
    .slice(0, count);
}

const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);

/**
 * The month's page of the management report, from invoice aggregates only: spend against the
 * previous month and the same month last year, and the accounts that moved most.
 */
export function monthlyReport(
  invoices: readonly Invoice[],
  month: IsoMonth,
  moverCount = 5,
): MonthlyReport {
  const before = addMonthsToMonth(month, -1);
  const current = totalsByAccount(invoices, month);
  const previous = totalsByAccount(invoices, before);
  const lastYear = totalsByAccount(invoices, addMonthsToMonth(month, -12));
  const previousMonthBilled = invoices.some((invoice) => invoice.invoiceDate.startsWith(before));
  const movers = previousMonthBilled ? accountMovers(current, previous, moverCount) : [];
  const billed = sum(current.values());
  const notItemised = notItemisedTotal(
    notItemisedOf(
      invoices.filter((invoice) => invoice.invoiceDate.startsWith(month)),
      'invoice-date',
    ),
  );
  return {
    month,
    invoiceCount: invoices.filter((invoice) => invoice.invoiceDate.startsWith(month)).length,
    previousMonthBilled,
    vsPreviousMonth: compare(billed, sum(previous.values())),
    vsSameMonthLastYear: compare(billed, sum(lastYear.values())),
    movers,
    notItemised,
    stated: cents(billed + notItemised),
  };
}

/**
 * The months a report can be asked for: from the first month with an invoice to the latest, oldest
 * first (never a year of empty months before the data starts).
 */
export function reportMonths(invoices: readonly Invoice[]): IsoMonth[] {
  let first = '';
  let last = '';
  for (const invoice of invoices) {
    const month = invoice.invoiceDate.slice(0, 7);
    if (first === '' || month < first) first = month;
    if (month > last) last = month;
  }
  return isIsoMonth(first) && isIsoMonth(last) ? monthRange(first, last) : [];
}

/** A carrier's billed total in the month beside the month before. */
export interface CarrierSpend {
  carrierId: string;
  carrier: string;
  current: Cents;
  /** Billed the month before; null when nothing at all was billed that month (no comparison). */
  previous: Cents | null;
  /** current − previous; null with `previous`. A carrier new after a billed month is a change. */
  change: Cents | null;
}

/**
 * Billed by carrier (sum of lines, as the rest of the report) in the month and the month before,
 * largest first; carriers billed in neither month are left out. When no invoice at all is dated
 * the month before, `previous` and `change` are null: there is nothing to compare with.
 */
export function spendByCarrier(
  invoices: readonly Invoice[],
  month: IsoMonth,
  carrierNames: ReadonlyMap<string, string>,
): CarrierSpend[] {
  const before = addMonthsToMonth(month, -1);
  const totals = new Map<string, { current: number; previous: number }>();
  let previousMonthBilled = false;
  for (const invoice of invoices) {
    const at = invoice.invoiceDate.slice(0, 7);
    if (at !== month && at !== before) continue;
    if (at === before) previousMonthBilled = true;
    const entry = totals.get(invoice.carrierId) ?? { current: 0, previous: 0 };
    if (at === month) entry.current += invoice.linesTotal;
    else entry.previous += invoice.linesTotal;
    totals.set(invoice.carrierId, entry);
  }
  return [...totals]
    .map(([carrierId, { current, previous }]) => ({
      carrierId,
      carrier: carrierNames.get(carrierId) ?? carrierId,
      current: cents(current),
      previous: previousMonthBilled ? cents(previous) : null,
      change: previousMonthBilled ? cents(current - previous) : null,
    }))
    .sort((a, b) => b.current - a.current || a.carrier.localeCompare(b.carrier));
}

/** A cost center's share of the month, exactly as the chargeback allocates it. */
export interface CostCenterSpend {
  /**
   * null: what the chargeback could not allocate (its exceptions); `''`: what the month's invoices
   * total beyond their charge lines (a month that does not reconcile), or what they state beyond
   * them (`notItemised`), each on a line of its own as on the chargeback's screen and exports.
   */
  costCenterId: string | null;
  /** Set on the line of what the invoices state beyond their charge lines. */
  notItemised?: true;
  code: string;
  name: string;
  /** Allocated amount, before mark-up (the chargeback's "Amount"). */
  total: Cents;
}

/**
 * Spend by cost center from the chargeback's allocation of the month, largest first with the
 * unallocated part last, so the report and the chargeback show the same figures: then what the
 * invoices state beyond their lines, so the rows add up to the invoices as billed, as the
 * chargeback's exports do.
 */
export function spendByCostCenter(
  allocation: Pick<AllocationResult, 'byCostCenter' | 'totals' | 'notItemised'>,
  costCenters: readonly CostCenter[],
): CostCenterSpend[] {
  const byId = new Map(costCenters.map((c) => [c.id, c]));
  const rows = allocation.byCostCenter.map((entry) => {
    const costCenter = entry.costCenterId === null ? undefined : byId.get(entry.costCenterId);
    return {
      costCenterId: entry.costCenterId,
      code: entry.costCenterId === null ? 'Unallocated' : (costCenter?.code ?? entry.costCenterId),
      name:
        entry.costCenterId === null
          ? 'Not yet allocated (see the chargeback)'
          : (costCenter?.name ?? ''),
      total: entry.total,
    };
  });
  const allocated = rows
    .filter((row) => row.costCenterId !== null && row.total !== 0)
    .sort((a, b) => b.total - a.total || a.code.localeCompare(b.code));
  const unallocated = rows.filter((row) => row.costCenterId === null && row.total !== 0);
  const missing = notInLines(allocation);
  const notInLinesRow: CostCenterSpend[] =
    missing === 0
      ? []
      : [{ costCenterId: '', code: '—', name: NOT_IN_LINES_LABEL, total: missing }];
  const stated = notItemisedTotal(allocation);
  const notItemisedRow: CostCenterSpend[] =
    stated === 0
      ? []
      : [
          {
            costCenterId: '',
            code: '—',
            name: NOT_ITEMISED_LABEL,
            total: stated,
            notItemised: true,
          },
        ];
  return [...allocated, ...unallocated, ...notInLinesRow, ...notItemisedRow];
}
