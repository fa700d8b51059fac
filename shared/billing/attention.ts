/**
 * The dates that cost money when missed, for the dashboard: invoices to pay and contract notice
 * deadlines, optionally of one carrier.
 */
import { renewalRows, type RenewalRow } from '../contracts/renewals';
import type { IsoDate } from '../dates';
import type { Cents } from '../money/cents';
import type { Contract, Invoice } from '../model';
import { dueState, type DueState } from './invoice-rows';

/** Days ahead the dashboard looks for contract notice deadlines. */
export const DEADLINE_HORIZON_DAYS = 180;

/** Invoices overdue or due soon, the most urgent first. */
export type InvoicesToPay = { invoice: Invoice; state: DueState }[];

/** Contract notice deadlines: those in the horizon (soonest first), and counts for the tiles. */
export interface Deadlines {
  coming: RenewalRow[];
  within90: number;
  past: number;
}

/** Invoices overdue or due soon (of one carrier, or all), the most urgent first. */
export function invoicesToPay(
  invoices: readonly Invoice[],
  carrierId: string,
  today: IsoDate,
): InvoicesToPay {
  return invoices
    .filter((invoice) => carrierId === '' || invoice.carrierId === carrierId)
    .map((invoice) => ({ invoice, state: dueState(invoice, today) }))
    .filter((row) => row.state === 'overdue' || row.state === 'due-soon')
    .sort((a, b) => (a.invoice.dueDate ?? '').localeCompare(b.invoice.dueDate ?? ''));
}

/** Contracts whose notice deadline falls in the horizon, and those already past it. */
export function deadlines(
  contracts: readonly Contract[],
  carrierId: string,
  today: IsoDate,
  names: ReadonlyMap<string, string>,
  spendByContract: ReadonlyMap<string, Cents> = new Map(),
): Deadlines {
  const rows = renewalRows(
    contracts.filter((c) => carrierId === '' || c.carrierId === carrierId),
    spendByContract,
    today,
    undefined,
    names,
  );
  return {
    coming: rows
      .filter((r) => r.daysToNotice >= 0 && r.daysToNotice <= DEADLINE_HORIZON_DAYS)
      .sort((a, b) => a.daysToNotice - b.daysToNotice),
    within90: rows.filter((r) => r.daysToNotice >= 0 && r.daysToNotice <= 90).length,
    past: rows.filter((r) => r.state === 'past-deadline' || r.state === 'expired').length,
  };
}
