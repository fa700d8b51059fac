/**
 * What the month's invoices state beyond their charge lines (a bill stating $1,100.00 whose lines
 * add up to $1,030.00). The chargeback allocates what the lines itemise — money no line names
 * cannot go to a cost center — but finance reconciles to the invoices as billed, so the exports
 * and the Chargeback page show the difference on a line of its own.
 */
import { missingCompanionOf } from '../import/draft';
import type { Invoice } from '../model';
import { cents, sumCents, type Cents } from '../money/cents';
import type { AllocationBasis, AllocationResult, NotItemised } from './types';

/**
 * Each invoice of the month whose stated total differs from its lines, with the difference (above
 * zero when the bill asks more than it itemises). By invoice date only: by service period the
 * month holds a share of each bill's lines, not its bills. An invoice still waiting for the file
 * that holds its charges (see `missingCompanionOf`) is incomplete, not unitemised: it is left out.
 */
export function notItemisedOf(
  invoices: readonly Invoice[],
  basis: AllocationBasis,
): Pick<AllocationResult, 'notItemised'> {
  if (basis !== 'invoice-date') return {};
  const found: NotItemised[] = [];
  for (const invoice of invoices) {
    const { statedTotal, linesTotal } = invoice;
    if (statedTotal === null || statedTotal === linesTotal) continue;
    if (missingCompanionOf(invoice) !== null) continue;
    found.push({
      invoiceId: invoice.id,
      invoiceNumber: invoice.invoiceNumber,
      amount: cents(statedTotal - linesTotal),
    });
  }
  // Absent when every invoice adds up, so a month's result is as it was without this.
  return found.length === 0 ? {} : { notItemised: found };
}

/** What the month's invoices state beyond their lines, all told (0 when none does). */
export function notItemisedTotal(result: Pick<AllocationResult, 'notItemised'>): Cents {
  return sumCents((result.notItemised ?? []).map((invoice) => invoice.amount));
}
