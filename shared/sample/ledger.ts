/**
 * Records planted billing errors while the bills are written, so every impact is the exact sum of
 * amounts that really went into the files.
 */
import type { IsoMonth } from '../dates/iso-date';
import { cents } from '../money/cents';
import { groupThousands } from './format';
import type { PlantedError } from './types';

/** A planted error being accumulated over the invoices that show it. */
export interface LedgerEntry {
  ruleId: string;
  carrier: string;
  accountNumber: string;
  invoiceNumber?: string;
  serviceId?: string;
  month: IsoMonth;
  throughMonth: IsoMonth;
  /** Invoices (months) that showed it. */
  invoices: number;
  impact: number;
  billed: number;
  /** Builds the sentence once every amount is in. */
  describe: (entry: LedgerEntry) => string;
}

/** What one invoice adds to an entry. */
export interface LedgerAddition {
  ruleId: string;
  carrier: string;
  accountNumber: string;
  invoiceNumber?: string;
  serviceId?: string;
  month: IsoMonth;
  /** Impact in cents added by this invoice. */
  impact: number;
  /** Amount billed for the subject on this invoice, in cents. */
  billed: number;
  /** `sum` (default) adds impacts up; `latest` keeps the latest invoice's (monthly savings). */
  impactMode?: 'sum' | 'latest';
  describe: (entry: LedgerEntry) => string;
}

export class ErrorLedger {
  private readonly entries = new Map<string, LedgerEntry>();

  /** Adds one invoice's share; entries are keyed by rule, account and service. */
  add(addition: LedgerAddition): void {
    const key = `${addition.ruleId}|${addition.accountNumber}|${addition.serviceId ?? ''}`;
    const entry = this.entries.get(key);
    if (entry === undefined) {
      const created: LedgerEntry = {
        ruleId: addition.ruleId,
        carrier: addition.carrier,
        accountNumber: addition.accountNumber,
        month: addition.month,
        throughMonth: addition.month,
        invoices: 1,
        impact: addition.impact,
        billed: addition.billed,
        describe: addition.describe,
      };
      if (addition.invoiceNumber !== undefined) created.invoiceNumber = addition.invoiceNumber;
      if (addition.serviceId !== undefined) created.serviceId = addition.serviceId;
      this.entries.set(key, created);
      return;
    }
    entry.impact =
      addition.impactMode === 'latest' ? addition.impact : entry.impact + addition.impact;
    entry.billed += addition.billed;
    if (addition.month > entry.throughMonth) {
      entry.throughMonth = addition.month;
      entry.invoices += 1;
    }
  }

  /** The planted errors, in a stable order (rule, carrier, account, service). */
  plantedErrors(): PlantedError[] {
    return [...this.entries.values()]
      .sort(
        (a, b) =>
          a.ruleId.localeCompare(b.ruleId) ||
          a.carrier.localeCompare(b.carrier) ||
          a.accountNumber.localeCompare(b.accountNumber) ||
          (a.serviceId ?? '').localeCompare(b.serviceId ?? ''),
      )
      .map((entry) => {
        const error: PlantedError = {
          ruleId: entry.ruleId,
          carrier: entry.carrier,
          accountNumber: entry.accountNumber,
          month: entry.month,
          throughMonth: entry.throughMonth,
          impactCents: cents(entry.impact),
          billedCents: cents(entry.billed),
          description: entry.describe(entry),
        };
        if (entry.invoiceNumber !== undefined) error.invoiceNumber = entry.invoiceNumber;
        if (entry.serviceId !== undefined) error.serviceId = entry.serviceId;
        return error;
      });
  }
}

/** `1234` → `$12.34`, for descriptions. */
export function dollars(amountCents: number): string {
  const magnitude = Math.abs(amountCents);
  const whole = Math.trunc(magnitude / 100);
  const text = `$${groupThousands(whole)}.${String(magnitude % 100).padStart(2, '0')}`;
  return amountCents < 0 ? `-${text}` : text;
}

/** `2026-07` or `2026-07 to 2026-10 (4 invoices)`. */
export function monthSpan(entry: LedgerEntry): string {
  return entry.month === entry.throughMonth
    ? entry.month
    : `${entry.month} to ${entry.throughMonth} (${entry.invoices} invoices)`;
}
