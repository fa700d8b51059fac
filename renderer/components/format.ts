import type { ValueFormatterParams } from 'ag-grid-community';
import { formatCents, type Cents } from '../../shared/money/cents';

/** AG Grid value formatter for a Cents column; blank for null. */
export function centsFormatter<Row>(params: ValueFormatterParams<Row, Cents | null>): string {
  return params.value === null || params.value === undefined ? '' : formatCents(params.value);
}

/** Cents or an em dash, for facts lists and tables. */
export function formatMaybeCents(value: Cents | null | undefined): string {
  return value === null || value === undefined ? '—' : formatCents(value);
}
