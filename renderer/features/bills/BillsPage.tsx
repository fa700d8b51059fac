import { useEffect, useMemo, useRef } from 'react';
import type { InvoiceRow } from '../../../shared/billing/invoice-rows';
import { useDatabase } from '../../db/DatabaseContext';
import { parseBillsFilter, parseWhere, type BillsFilter } from '../../app/links';
import { useRouteContext } from '../../app/RouteContext';
import { hrefFor } from '../../app/sections';
import { useLiveQuery } from '../../app/useLiveQuery';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { focusIfLost } from '../../components/focus-if-lost';
import { ApprovalPolicyPanel } from './approvals/ApprovalPolicyPanel';
import { PaymentFilePanel } from './approvals/PaymentFilePanel';
import { InvoiceDetailPage } from './invoices/InvoiceDetailPage';
import { InvoicesGrid } from './invoices/InvoicesGrid';
import { describeBillsFilter, filterInvoiceRows, isBillsFilterActive } from './invoices/filter';
import { ClearSampleButton, ImportBillsButton, SampleCompanyButton } from './import/ImportButtons';
import { SetupFromFilesButton } from '../setup/SetupButton';
import { ImportPanel } from './import/ImportPanel';
import { EnterInvoiceButton } from './manual/EnterInvoiceButton';
import { EnterInvoicePage } from './manual/EnterInvoicePage';
import { useImport } from './import/ImportContext';
import { loadInvoiceRows } from '../../db/invoices';
import { warmUpGridWhenIdle } from '../../components/grid-warm-up';
import { useResolvedTheme } from '../../components/theme';

/**
 * `#/bills` lists every invoice; `#/bills/<id>` opens one. A drill-down lists some:
 * `#/bills/where/<filter>` (see `billsLink`), or the older `#/bills/filter/<carrierId>/<YYYY-MM>`.
 */
export function BillsPage() {
  const { route } = useRouteContext();
  const filter = useMemo(() => billsFilterOf(route.path), [route.path]);
  const first = route.path[0];
  // Leaving an invoice for the list (Delete invoice, ← All invoices) takes the focused control
  // away with the invoice's page: focus goes to the list's heading.
  const previous = useRef(first);
  useEffect(() => {
    const left = previous.current;
    previous.current = first;
    if (left !== undefined && left !== 'enter' && first === undefined)
      focusIfLost(document.querySelector<HTMLElement>('main h1'));
  }, [first]);
  if (filter) return <InvoicesListPage filter={filter} />;
  if (first === 'enter') return <EnterInvoicePage />;
  if (first) return <InvoiceDetailPage invoiceId={first} />;
  return <InvoicesListPage />;
}

function billsFilterOf(path: readonly string[]): BillsFilter | undefined {
  const [first, second, third] = path;
  if (first === 'where') return parseBillsFilter(parseWhere(second));
  if (first === 'filter') return { carrierId: second, from: third, to: third };
  return undefined;
}

function InvoicesListPage({ filter }: { filter?: BillsFilter }) {
  const db = useDatabase();
  const rows = useLiveQuery(() => loadInvoiceRows(db), [db]);
  const importing = useImport().state.step !== 'idle';
  const empty = rows.status === 'ready' && rows.value.length === 0 && !importing;
  const theme = useResolvedTheme();
  // No grid on the page yet: the first import's grid would be the page's first, several times
  // the cost of the next (see grid-warm-up), in the middle of the import. Paid now, while idle.
  useEffect(() => (empty ? warmUpGridWhenIdle(theme) : undefined), [empty, theme]);

  return (
    <>
      <PageHeader title="Bills">
        <ClearSampleButton />
        <EnterInvoiceButton />
        <ImportBillsButton />
      </PageHeader>
      <ImportPanel />
      {/* While bills are read the (still empty) list is there, so its grid is made during the
          read and the commit only fills it: made after the commit, it was a long task. */}
      {rows.status === 'ready' && (rows.value.length > 0 || importing) && (
        <InvoicesList rows={rows.value} filter={filter} />
      )}
      {empty && (
        <EmptyState
          title="No bills imported yet"
          actions={
            <>
              <ImportBillsButton />
              <EnterInvoiceButton />
              <SampleCompanyButton />
              <SetupFromFilesButton />
            </>
          }
          steps={[
            'Export last month’s bill from each carrier portal as CSV, TSV, pipe-delimited text or a ZIP of them.',
            'Import the files here; TEM Desk recognises the carrier layout and shows a preview before anything is saved.',
            'Review each invoice and mark it reviewed, approved and paid.',
          ]}
        >
          <p>
            Every invoice from every carrier, with its charge lines, its original file and its
            review status — due-soon and overdue invoices stand out.
          </p>
        </EmptyState>
      )}
    </>
  );
}

function InvoicesList({ rows, filter }: { rows: InvoiceRow[]; filter?: BillsFilter }) {
  const active = filter !== undefined && isBillsFilterActive(filter);
  const shown = useMemo(
    () => (filter && active ? filterInvoiceRows(rows, filter) : rows),
    [rows, filter, active],
  );
  return (
    <>
      {filter && active && (
        <p className="notice" role="status">
          {describeBillsFilter(
            filter,
            rows.find((r) => r.carrierId === filter.carrierId)?.carrier,
            shown.length,
          )}{' '}
          <a href={hrefFor('bills')}>Show all invoices</a>
        </p>
      )}
      {rows.length > 0 && <ApprovalPolicyPanel />}
      {rows.length > 0 && <PaymentFilePanel />}
      <InvoicesGrid rows={shown} />
    </>
  );
}
