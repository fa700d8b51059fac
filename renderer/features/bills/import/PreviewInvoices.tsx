import { useState } from 'react';
import type { DraftInvoice } from '../../../../shared/import/draft';
import { displayText } from '../../../../shared/ids/keys';
import type { FiledUnder } from '../../../../shared/ledger/filed-under';
import { cents, formatCents } from '../../../../shared/money/cents';

/**
 * Invoices listed at first in a draft's table. A year of a large company is thousands of invoices
 * (2,592 at a million lines): drawn at once they made the preview one long task, and nobody reads
 * them all before importing. The rest are one click away, and the sentence above the table counts
 * every invoice whose lines differ from its stated total, shown or not.
 */
export const PREVIEW_INVOICES_SHOWN = 100;

/** The difference between an invoice's stated total and its lines, or null when it states none. */
function differenceOf(invoice: DraftInvoice, sum: number): number | null {
  return invoice.statedTotal === null ? null : invoice.statedTotal - sum;
}

/**
 * The carrier an invoice will be stored under, with the file's own spelling when it differs
 * ("Verizon Wireless (file says “Verizon”)"), and "new carrier" when the import creates it.
 */
export function filedCarrierText(invoice: DraftInvoice, filed: FiledUnder | undefined): string {
  const asWritten = displayText(invoice.carrierName);
  if (filed === undefined) return asWritten;
  const notes = [
    ...(filed.newCarrier ? ['new carrier'] : []),
    ...(filed.carrier.name === asWritten ? [] : [`file says “${asWritten}”`]),
  ];
  return notes.length === 0 ? filed.carrier.name : `${filed.carrier.name} (${notes.join('; ')})`;
}

/** A draft's invoices with their stated total, sum of lines and the difference. */
export function PreviewInvoices({
  invoices,
  sums,
  filed,
  hidden,
}: {
  invoices: readonly DraftInvoice[];
  /** Where each invoice will be stored (see `useFiledUnder`); the file's names until known. */
  filed: ReadonlyMap<DraftInvoice, FiledUnder> | undefined;
  /** Each invoice's sum of lines, by invoice key. */
  sums: ReadonlyMap<string, number>;
  hidden: boolean;
}) {
  const [all, setAll] = useState(false);
  const many = invoices.length > PREVIEW_INVOICES_SHOWN;
  const shown = many && !all ? invoices.slice(0, PREVIEW_INVOICES_SHOWN) : invoices;
  const differing = many
    ? invoices.filter((invoice) => {
        const difference = differenceOf(invoice, sums.get(invoice.key) ?? 0);
        return difference !== null && difference !== 0;
      }).length
    : 0;
  return (
    <>
      {many && !hidden && (
        <p className="hint">
          {all
            ? `All ${invoices.length.toLocaleString('en-US')} invoices are listed`
            : `The first ${PREVIEW_INVOICES_SHOWN} of ${invoices.length.toLocaleString('en-US')} invoices are listed`}
          ;{' '}
          {differing === 0
            ? 'none of them differs from its stated total.'
            : `${differing.toLocaleString('en-US')} of them ${differing === 1 ? 'differs' : 'differ'} from ${differing === 1 ? 'its' : 'their'} stated total.`}{' '}
          <button
            type="button"
            className="secondary"
            aria-expanded={all}
            onClick={() => setAll(!all)}
          >
            {all ? `Show the first ${PREVIEW_INVOICES_SHOWN}` : 'Show all invoices'}
          </button>
        </p>
      )}
      <table className="data-table" hidden={hidden}>
        <caption>Invoices found</caption>
        <thead>
          <tr>
            <th scope="col">Carrier</th>
            <th scope="col">Account</th>
            <th scope="col">Invoice number</th>
            <th scope="col">Invoice date</th>
            <th scope="col">Period</th>
            <th scope="col">Due</th>
            <th scope="col" className="numeric">
              Stated total
            </th>
            <th scope="col" className="numeric">
              Sum of lines
            </th>
            <th scope="col" className="numeric">
              Difference
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((invoice) => {
            const sum = sums.get(invoice.key) ?? 0;
            const difference = differenceOf(invoice, sum);
            return (
              <tr key={invoice.key}>
                <td>{filedCarrierText(invoice, filed?.get(invoice))}</td>
                <td>{invoice.accountNumber}</td>
                <td>{invoice.invoiceNumber}</td>
                <td>{invoice.invoiceDate}</td>
                <td>
                  {invoice.periodStart && invoice.periodEnd
                    ? `${invoice.periodStart} – ${invoice.periodEnd}`
                    : '—'}
                </td>
                <td>{invoice.dueDate ?? '—'}</td>
                <td className="numeric">
                  {invoice.statedTotal === null ? '—' : formatCents(invoice.statedTotal)}
                </td>
                <td className="numeric">{formatCents(cents(sum))}</td>
                <td className={`numeric${difference ? ' money-mismatch' : ''}`}>
                  {difference === null ? '—' : formatCents(cents(difference))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
