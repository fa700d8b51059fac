/**
 * Where an invoice's account-level charges (lines with no service key: taxes, surcharges, fees,
 * credits) go, by the account's policy: pro rata over the invoice's service charges, or all to one
 * cost center. These functions only decide; the month's run books what they decide, so the spread
 * can be read (and changed) apart from the bookkeeping of rows and exceptions.
 */
import { splitLargestRemainder, ZERO_CENTS, type Cents } from '../money/cents';
import type { CostCenter, Invoice } from '../model';
import type { AllocationIndex, Problem } from './resolve';
import { nothingToSpreadOver } from './spread';
import type { AllocationInput } from './types';

/**
 * Net service charges per cost center id on an invoice (whole lines): the pro-rata weights; those
 * of service charges that reached no cost center under {@link UNALLOCATED}.
 */
export type CostCenterWeights = ReadonlyMap<string, number>;

/**
 * The weight of service charges left unallocated (not in the inventory, at a cost center not
 * active): account-level charges spread over an invoice's services leave their share unallocated
 * with them, rather than put it on the cost centers of other services (or other accounts).
 */
export const UNALLOCATED = '';

/** An account-level line, with what the invoice's service charges tell of where it may go. */
export interface AccountLevelLine {
  invoice: Pick<Invoice, 'accountNumber' | 'invoiceNumber'>;
  /** The line's part in the month. */
  amount: Cents;
  /** The inventory account the invoice is billed to; undefined when it is not in the inventory. */
  accountId: string | undefined;
  /**
   * The service charges of the line's own billing account on the invoice (undefined when it names
   * none), and of the whole invoice: the first that gives a spread is used.
   */
  weights: { own: CostCenterWeights | undefined; invoice: CostCenterWeights };
  /** Service lines on the invoice, and how many reached a cost center: the exception says which. */
  services: { billed: number; booked: number };
}

/** What becomes of an account-level line: the run books it, or lists it as an exception. */
export type AccountLevelBooking =
  | { kind: 'exception'; problem: Problem }
  | { kind: 'whole'; costCenterId: string; origin: 'account-chosen' | 'account-default' }
  | {
      kind: 'pro-rata';
      parts: { costCenter: CostCenter; amount: Cents }[];
      /** The share of the service charges that reached no cost center: unallocated with them. */
      unallocated?: { amount: Cents; problem: Problem };
    };

/**
 * An account-level line: pro rata over the service charges of its own billing account on the
 * invoice (when it names one and they give a spread), else over the invoice's; or the chosen cost
 * center. With nothing to spread over (no service charges, or net zero), the account's default
 * cost center takes it whole; service charges billed but none allocated keep it unallocated, as
 * the share of unallocated ones always stays (see {@link UNALLOCATED}).
 */
export function accountLevelBooking(
  line: AccountLevelLine,
  index: AllocationIndex,
  policies: AllocationInput['accountPolicies'],
): AccountLevelBooking {
  const { invoice, accountId, weights } = line;
  if (accountId === undefined) {
    return noCostCenter(
      `Account ${invoice.accountNumber} is not in the inventory, so its account-level charges have no cost center.`,
    );
  }
  const policy = policies[accountId]?.accountLevel ?? 'pro-rata';
  if (policy !== 'pro-rata') {
    return { kind: 'whole', costCenterId: policy.costCenterId, origin: 'account-chosen' };
  }
  // A billing account whose services are all unallocated keeps its charges with them: only one
  // with no service charges (or none left net) falls back to the whole invoice's.
  const ownSpread = weights.own === undefined ? [] : spreadOf(weights.own, index);
  const spread = ownSpread.length > 0 ? ownSpread : spreadOf(weights.invoice, index);
  // Service charges billed, none of them allocated: the charges follow them, unallocated (the
  // account's default cost center would take them only until one service is allocated).
  if (spread.length > 0 && spread.every(([costCenterId]) => costCenterId === UNALLOCATED)) {
    return noCostCenter(
      `None of invoice ${invoice.invoiceNumber}'s service charges${ownSpread.length > 0 ? ' on this billing account' : ''} reached a cost center (each is listed with its own reason): its account-level charges stay unallocated with them.`,
    );
  }
  if (spread.length === 0) {
    const costCenterId = index.account(accountId)?.defaultCostCenterId;
    if (costCenterId === undefined) {
      return noCostCenter(
        `${nothingToSpreadOver(invoice.invoiceNumber, line.services)}, and no cost center is chosen for account ${invoice.accountNumber}'s account-level charges.`,
      );
    }
    return { kind: 'whole', costCenterId, origin: 'account-default' };
  }
  const amounts = splitLargestRemainder(
    line.amount,
    spread.map(([, weight]) => weight),
  );
  const at = spread.findIndex(([costCenterId]) => costCenterId === UNALLOCATED);
  const booking: AccountLevelBooking = {
    kind: 'pro-rata',
    parts: spread.flatMap(([costCenterId], s) => {
      const costCenter = index.costCenter(costCenterId);
      // Weights only hold cost centers that took service charges, so this is always found.
      return costCenter === undefined ? [] : [{ costCenter, amount: amounts[s] ?? ZERO_CENTS }];
    }),
  };
  const unallocated = amounts[at];
  if (at >= 0 && unallocated !== undefined && unallocated !== 0)
    booking.unallocated = {
      amount: unallocated,
      problem: {
        kind: 'no-cost-center',
        costCenterId: null,
        message: `This is the share, pro rata, of invoice ${invoice.invoiceNumber}'s service charges that reached no cost center (each listed with its own reason): it stays unallocated with them.`,
      },
    };
  return booking;
}

/** The line is left unallocated: no cost center could be found for it, for the reason given. */
function noCostCenter(message: string): AccountLevelBooking {
  return { kind: 'exception', problem: { kind: 'no-cost-center', costCenterId: null, message } };
}

/**
 * The cost centers a line is spread over, with their weights: those above zero; on a bill whose
 * services are all credited below zero (a credit memo), those credits, so its tax credit goes
 * where its service credits went. Empty when there is nothing to spread over.
 */
function spreadOf(
  weights: CostCenterWeights,
  index: AllocationIndex,
): (readonly [string, number])[] {
  const positive = signed(weights, 1, index);
  return positive.length > 0 ? positive : signed(weights, -1, index);
}

/**
 * The weights of one sign, made positive, in cost center code order (then id): a cent left over
 * by a tie goes to the same cost center in the app (random record ids) and the CLI (sequential
 * ones).
 */
function signed(
  weights: CostCenterWeights,
  sign: 1 | -1,
  index: AllocationIndex,
): (readonly [string, number])[] {
  const orderKey = (id: string) => `${index.costCenter(id)?.code ?? ''}\u0000${id}`;
  return [...weights.entries()]
    .filter(([, weight]) => weight * sign > 0)
    .map(([id, weight]) => ({ id, weight: weight * sign, key: orderKey(id) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ id, weight }) => [id, weight] as const);
}
