/**
 * The invoices a drill-down asks for (`#/bills/where/…`, or the older `#/bills/filter/<carrier>/<month>`)
 * and the sentence that says so. Pure functions over grid rows.
 */
import {
  DUE_STATE_LABELS,
  type DueState,
  type InvoiceRow,
} from '../../../../shared/billing/invoice-rows';
import type { BillsFilter } from '../../../app/links';

/** True when the filter narrows anything. */
export function isBillsFilterActive(filter: BillsFilter): boolean {
  return Boolean(filter.carrierId || filter.from || filter.to || filter.due?.length);
}

/** The rows of the filter's carrier, invoice months (inclusive) and due states. */
export function filterInvoiceRows(rows: readonly InvoiceRow[], filter: BillsFilter): InvoiceRow[] {
  const due: readonly DueState[] = filter.due ?? [];
  return rows.filter((row) => {
    const month = row.invoiceDate.slice(0, 7);
    return (
      (!filter.carrierId || row.carrierId === filter.carrierId) &&
      (!filter.from || month >= filter.from) &&
      (!filter.to || month <= filter.to) &&
      (due.length === 0 || due.includes(row.due))
    );
  });
}

/** `of 2026-10`, `from 2026-01 to 2026-10`, `from 2026-01 on`, `up to 2026-10`, or ''. */
export function monthRangeText(from: string | undefined, to: string | undefined): string {
  if (from && to) return from === to ? `of ${from}` : `from ${from} to ${to}`;
  if (from) return `from ${from} on`;
  if (to) return `up to ${to}`;
  return '';
}

/** `overdue`, `overdue or due soon`… joined with “or”. */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/**
 * “Showing Verizon Wireless’s invoices from 2026-01 to 2026-10 that are overdue or due soon —
 * 12 invoices.” (the “Show all invoices” link follows it).
 */
export function describeBillsFilter(
  filter: BillsFilter,
  carrierName: string | undefined,
  shown: number,
): string {
  const whose = filter.carrierId ? `${carrierName ?? filter.carrierId}’s invoices` : 'invoices';
  const months = monthRangeText(filter.from, filter.to);
  const due = filter.due?.length
    ? `that are ${orList(filter.due.map((d) => DUE_STATE_LABELS[d].toLowerCase()))}`
    : '';
  const parts = ['Showing', whose, months, due].filter(Boolean).join(' ');
  return `${parts} — ${count(shown, 'invoice', 'invoices')}.`;
}
