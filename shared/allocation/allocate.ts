/**
 * The month's cost allocation (chargeback): every charge line of the month's invoices booked to
 * cost centers and GL accounts, or listed as an exception with the reason.
 *
 * Decisions (the chargeback screen and export rely on them):
 * - **Cost center of a service charge**: a split rule in effect this month for the service, else
 *   for its site, else for its account (most specific wins; see `resolve.ts`); without a rule the
 *   service's own `costCenterId`, else its site's (the service's site, else the account's default
 *   site), else the account's `defaultCostCenterId`.
 * - **Splits** use largest remainder on basis points, so the parts of a line sum to the line.
 * - **Account-level charges** (lines with no service key) follow the account's policy: `pro-rata`
 *   (the default) spreads each line over the cost centers of the same invoice's allocated service
 *   charges, weighted by their net amounts (only cost centers with a positive net take a share;
 *   weights use whole lines, whatever the basis); with no positive service charges the account's
 *   default cost center takes it. `{ costCenterId }` sends them all to that cost center.
 *   A line billed on its own account (an AT&T BAN under a FAN invoice, a consolidated 811's
 *   sub-account) is spread over the service charges billed on that account only; when that
 *   account has none to spread over on the invoice, over the whole invoice's, as an untagged line
 *   (see `account-level.ts`).
 * - **Exceptions** leave an amount unallocated: a service key not in the inventory
 *   (`unknown-service`), no cost center found or one that does not exist (`no-cost-center`), an
 *   inactive cost center (`inactive-cost-center`; for a split, only that share).
 * - **Closed sites**: a service whose site had closed before the charge began is allocated as
 *   usual (to the site's cost center: the cost was incurred there) and also listed in `reviews`
 *   (`closed-site`), which are not unallocated, so the totals still reconcile.
 * - **Mark-up** is reported apart; `totals.allocated` and every reconciliation exclude it. Each
 *   cost center's mark-up is its rate × its allocated amount for the month, rounded once (half away
 *   from zero), then shared over its rows by largest remainder — over its GL accounts, then over
 *   each one's lines — so the rows of every export add up to it (see `markup.ts`).
 * - **Zero** pieces (a $0.00 line, or a line's part outside the month) make no row.
 * - Invariant: `totals.allocated + totals.unallocated === totals.invoices`, to the cent.
 */
import { isoMonthOf } from '../dates/iso-date';
import { accountNumberKey } from '../ids/keys';
import { cents, sumCents, ZERO_CENTS, type Cents } from '../money/cents';
import { CHARGE_CATEGORIES, type ChargeCategory, type CostCenter, type Invoice } from '../model';
import { lineAccountOf, type ChargeBlock } from '../storage/charge-blocks';
import { splitShares } from './spread';
import { accountLevelBooking, UNALLOCATED, type AccountLevelBooking } from './account-level';
import { chargePeriod, MonthShare } from './periods';
import { applyMarkups } from './markup';
import { notItemisedOf } from './not-itemised';
import { AllocationIndex, closedSiteProblem, type Problem } from './resolve';
import type {
  AllocatedCharge,
  AllocationException,
  AllocationInput,
  AllocationOrigin,
  AllocationResult,
  CostCenterTotal,
} from './types';

/** Allocates one month; pure and deterministic (invoices are taken in a stable order). */
export function allocateMonth(input: AllocationInput): AllocationResult {
  const run = new MonthRun(input);
  const invoices = input.invoices
    .filter(
      (invoice) =>
        input.basis === 'service-period' || isoMonthOf(invoice.invoiceDate) === input.month,
    )
    .sort(compareInvoices);
  const blocksByInvoice = new Map<string, ChargeBlock[]>();
  for (const block of input.blocks) {
    const list = blocksByInvoice.get(block.invoiceId);
    if (list === undefined) blocksByInvoice.set(block.invoiceId, [block]);
    else list.push(block);
  }
  let invoicesTotal = 0;
  let invoiceCount = 0;
  for (const invoice of invoices) {
    const blocks = (blocksByInvoice.get(invoice.id) ?? []).sort(
      (a, b) => a.blockIndex - b.blockIndex,
    );
    const inMonth = run.allocateInvoice(invoice, blocks);
    if (input.basis === 'invoice-date') {
      invoicesTotal += invoice.linesTotal;
      invoiceCount += 1;
    } else {
      invoicesTotal += inMonth.total;
      if (inMonth.lines > 0) invoiceCount += 1;
    }
  }
  applyMarkups(run.rows, input.markups);
  const allocated = sumCents(run.rows.map((row) => row.amount));
  const unallocated = sumCents(run.exceptions.map((exception) => exception.amount));
  return {
    month: input.month,
    basis: input.basis,
    rows: run.rows,
    exceptions: run.exceptions,
    reviews: run.reviews,
    totals: {
      invoices: cents(invoicesTotal),
      allocated,
      unallocated,
      markup: sumCents(run.rows.map((row) => row.markup)),
    },
    byCostCenter: costCenterTotals(run, input.costCenters),
    invoiceCount,
    ruleProblems: run.index.ruleProblems,
    ...notItemisedOf(invoices, input.basis),
  };
}

/** A line being allocated: where it came from and its part in the month. */
interface LineRef {
  invoice: Invoice;
  block: ChargeBlock;
  i: number;
  category: ChargeCategory;
  /** The part in the month. */
  amount: Cents;
}

/** The state of one allocation run. */
class MonthRun {
  readonly index: AllocationIndex;
  readonly rows: AllocatedCharge[] = [];
  readonly exceptions: AllocationException[] = [];
  readonly reviews: AllocationException[] = [];
  private readonly monthShare: MonthShare;

  constructor(private readonly input: AllocationInput) {
    this.index = new AllocationIndex(input, input.month);
    this.monthShare = new MonthShare(input.month);
  }

  /** Allocates one invoice's lines; returns what of it fell in the month. */
  allocateInvoice(
    invoice: Invoice,
    blocks: readonly ChargeBlock[],
  ): { total: number; lines: number } {
    const account = this.index.accountOf(invoice);
    /** Net service charges per cost center on this invoice (whole lines): the pro-rata weights. */
    const weights = new Map<string, number>();
    /** The same weights per billing account the lines are billed on (key of its number). */
    const weightsByAccount = new Map<string, Map<string, number>>();
    const invoiceAccountKey = accountNumberKey(invoice.accountNumber);
    // The last service line's account and its weights: a bill lists each account's lines together.
    let lastBilledOn: string | undefined;
    let lastWeights: Map<string, number> | undefined;
    const accountLevel: LineRef[] = [];
    let total = 0;
    let lines = 0;
    /** Service lines on the invoice, and how many of them reached a cost center. */
    const services = { billed: 0, booked: 0 };
    for (const block of blocks) {
      for (let i = 0; i < block.count; i++) {
        const whole = cents(block.amount[i] ?? 0);
        const period = chargePeriod(invoice, block.periodStart[i] ?? '', block.periodEnd[i] ?? '');
        const amount =
          this.input.basis === 'invoice-date'
            ? whole
            : this.monthShare.partOf(whole, invoice, block.periodStart[i], block.periodEnd[i]);
        const category = CHARGE_CATEGORIES[block.category[i] ?? -1];
        if (category === undefined) {
          throw new Error(`Corrupt charge block: category ${block.category[i]}`);
        }
        const line: LineRef = { invoice, block, i, category, amount };
        total += amount;
        if (amount !== 0) lines += 1;
        const serviceKey = block.serviceKey[i] ?? '';
        if (serviceKey === '') {
          accountLevel.push(line);
          continue;
        }
        services.billed += 1;
        const billedOn = lineAccountOf(block, i);
        if (lastWeights === undefined || billedOn !== lastBilledOn) {
          const key = billedOn === undefined ? invoiceAccountKey : accountNumberKey(billedOn);
          lastWeights = weightsByAccount.get(key) ?? new Map<string, number>();
          weightsByAccount.set(key, lastWeights);
          lastBilledOn = billedOn;
        }
        const accountWeights = lastWeights;
        const weigh = (costCenterId: string, weight: number) => {
          weights.set(costCenterId, (weights.get(costCenterId) ?? 0) + weight);
          accountWeights.set(costCenterId, (accountWeights.get(costCenterId) ?? 0) + weight);
        };
        const service = this.index.serviceFor(invoice.carrierId, serviceKey, account, billedOn);
        if (service === undefined) {
          this.except(line, {
            kind: 'unknown-service',
            costCenterId: null,
            message: `${block.serviceIdRaw[i] ?? serviceKey} is billed on account ${billedOn ?? invoice.accountNumber} but is not in the inventory.`,
          });
          weigh(UNALLOCATED, whole);
          continue;
        }
        const destination = this.index.destinationOf(service, account);
        const closed = closedSiteProblem(destination.site, period.start);
        if (closed !== null) this.review(line, closed);
        const { shares } = destination;
        const wholeParts = splitShares(whole, shares);
        const parts = amount === whole ? wholeParts : splitShares(amount, shares);
        shares.forEach((share, s) => {
          const part = parts[s] ?? ZERO_CENTS;
          if (share.problem !== undefined) {
            // The service is known: its site and user say where to look, even unallocated.
            this.except({ ...line, amount: part }, share.problem, {
              siteId: destination.site?.id ?? service.siteId ?? null,
              userName: service.userName ?? null,
              serviceId: service.id,
            });
            weigh(UNALLOCATED, wholeParts[s] ?? 0);
            return;
          }
          const { costCenter } = share;
          services.booked += 1;
          weigh(costCenter.id, wholeParts[s] ?? 0);
          this.book(line, part, costCenter, 'service', {
            siteId: destination.site?.id ?? service.siteId ?? null,
            serviceId: service.id,
            userName: service.userName ?? null,
            glAccount: this.index.glAccountFor(line.category, service.type, costCenter),
          });
        });
      }
    }
    for (const line of accountLevel) {
      // A line of one of the invoice's billing accounts follows that account's services.
      const own = lineAccountOf(line.block, line.i);
      const ownWeights =
        own === undefined ? undefined : weightsByAccount.get(accountNumberKey(own));
      const booking = accountLevelBooking(
        {
          invoice: line.invoice,
          amount: line.amount,
          accountId: account?.id,
          weights: { own: ownWeights, invoice: weights },
          services,
        },
        this.index,
        this.input.accountPolicies,
      );
      this.bookAccountLevel(line, booking);
    }
    return { total, lines };
  }

  /** Books an account-level line as {@link accountLevelBooking} decided, or lists why it cannot. */
  private bookAccountLevel(line: LineRef, booking: AccountLevelBooking): void {
    if (booking.kind === 'exception') {
      this.except(line, booking.problem);
    } else if (booking.kind === 'whole') {
      const share = this.index.share(booking.costCenterId, 1);
      if (share.problem !== undefined) this.except(line, share.problem);
      else this.bookUnderAccount(line, line.amount, share.costCenter, booking.origin);
    } else {
      for (const { costCenter, amount } of booking.parts) {
        this.bookUnderAccount(line, amount, costCenter, 'account-pro-rata');
      }
      if (booking.unallocated !== undefined)
        this.except({ ...line, amount: booking.unallocated.amount }, booking.unallocated.problem);
    }
  }

  /** Books (part of) an account-level line: no site, service or user, GL account by category. */
  private bookUnderAccount(
    line: LineRef,
    amount: Cents,
    costCenter: CostCenter,
    origin: AllocationOrigin,
  ): void {
    this.book(line, amount, costCenter, origin, {
      siteId: null,
      serviceId: null,
      userName: null,
      glAccount: this.index.glAccountFor(line.category, null, costCenter),
    });
  }

  private book(
    line: LineRef,
    amount: Cents,
    costCenter: CostCenter,
    origin: AllocationOrigin,
    extra: Pick<AllocatedCharge, 'siteId' | 'serviceId' | 'userName' | 'glAccount'>,
  ): void {
    if (amount === 0) return;
    const { invoice, block, i } = line;
    this.rows.push({
      month: this.input.month,
      costCenterId: costCenter.id,
      glAccount: extra.glAccount,
      siteId: extra.siteId,
      carrierId: invoice.carrierId,
      accountNumber: invoice.accountNumber,
      invoiceNumber: invoice.invoiceNumber,
      invoiceId: invoice.id,
      serviceIdRaw: block.serviceIdRaw[i] ?? '',
      serviceId: extra.serviceId,
      userName: extra.userName,
      category: line.category,
      description: block.description[i] ?? '',
      amount,
      // Set once the month is complete: a cost center's mark-up is rounded on its whole amount.
      markup: ZERO_CENTS,
      sourceRow: block.sourceRow[i] ?? 0,
      origin,
    });
  }

  private except(
    line: LineRef,
    problem: Problem,
    where?: Pick<AllocationException, 'siteId' | 'userName' | 'serviceId'>,
  ): void {
    if (line.amount === 0) return;
    this.exceptions.push({ ...this.entry(line, problem), ...where });
  }

  /** Lists an allocated line for review (it stays in the rows and out of the unallocated). */
  private review(line: LineRef, problem: Problem): void {
    if (line.amount === 0) return;
    this.reviews.push(this.entry(line, problem));
  }

  private entry(line: LineRef, problem: Problem): AllocationException {
    const { invoice, block, i } = line;
    return {
      kind: problem.kind,
      invoiceId: invoice.id,
      carrierId: invoice.carrierId,
      accountNumber: invoice.accountNumber,
      invoiceNumber: invoice.invoiceNumber,
      serviceIdRaw: block.serviceIdRaw[i] ?? '',
      category: line.category,
      description: block.description[i] ?? '',
      sourceRow: block.sourceRow[i] ?? 0,
      amount: line.amount,
      costCenterId: problem.costCenterId,
      message: problem.message,
    };
  }
}

/** Totals per cost center (ordered by code, then id) and the unallocated entry last. */
function costCenterTotals(run: MonthRun, costCenters: readonly CostCenter[]): CostCenterTotal[] {
  const byId = new Map<
    string | null,
    { byCategory: Map<ChargeCategory, number>; markup: number }
  >();
  const add = (id: string | null, category: ChargeCategory, amount: number, markup: number) => {
    let entry = byId.get(id);
    if (entry === undefined) {
      entry = { byCategory: new Map(), markup: 0 };
      byId.set(id, entry);
    }
    entry.byCategory.set(category, (entry.byCategory.get(category) ?? 0) + amount);
    entry.markup += markup;
  };
  for (const row of run.rows) add(row.costCenterId, row.category, row.amount, row.markup);
  for (const exception of run.exceptions) add(null, exception.category, exception.amount, 0);
  const codes = new Map(costCenters.map((costCenter) => [costCenter.id, costCenter.code]));
  const sortKey = (id: string | null) =>
    id === null ? '\uffff' : `${codes.get(id) ?? ''}\u0000${id}`;
  return [...byId.entries()]
    .sort(([a], [b]) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0))
    .map(([costCenterId, entry]) => {
      const byCategory = zeroByCategory();
      for (const [category, amount] of entry.byCategory) byCategory[category] = cents(amount);
      return {
        costCenterId,
        byCategory,
        total: sumCents(Object.values(byCategory)),
        markup: cents(entry.markup),
      };
    });
}

function compareInvoices(a: Invoice, b: Invoice): number {
  const keyA = `${a.invoiceDate}\u0000${a.carrierId}\u0000${a.accountNumber}\u0000${a.invoiceNumber}\u0000${a.id}`;
  const keyB = `${b.invoiceDate}\u0000${b.carrierId}\u0000${b.accountNumber}\u0000${b.invoiceNumber}\u0000${b.id}`;
  return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
}

/** Every category at zero: a literal, so adding a category is a compile error here. */
export function zeroByCategory(): Record<ChargeCategory, Cents> {
  return {
    recurring: ZERO_CENTS,
    usage: ZERO_CENTS,
    'one-time': ZERO_CENTS,
    equipment: ZERO_CENTS,
    tax: ZERO_CENTS,
    surcharge: ZERO_CENTS,
    credit: ZERO_CENTS,
    'late-fee': ZERO_CENTS,
    adjustment: ZERO_CENTS,
    'third-party': ZERO_CENTS,
  };
}
