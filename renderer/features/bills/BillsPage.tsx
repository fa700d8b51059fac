import { useDatabase } from '../../app/DatabaseContext';
import { useRouteContext } from '../../app/RouteContext';
import { useLiveQuery } from '../../app/useLiveQuery';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { InvoiceDetailPage } from './invoices/InvoiceDetailPage';
import { InvoicesGrid } from './invoices/InvoicesGrid';
import { ClearSampleButton, ImportBillsButton, SampleCompanyButton } from './import/ImportButtons';
import { ImportPanel } from './import/ImportPanel';
import { useImport } from './import/ImportContext';
import { loadInvoiceRows } from '../../db/invoices';

export function BillsPage() {
  const { route } = useRouteContext();
  const [first, carrierId, month] = route.path;
  if (first === 'filter')
    return <InvoicesListPage filter={{ carrierId: carrierId ?? '', month: month ?? '' }} />;
  if (first) return <InvoiceDetailPage invoiceId={first} />;
  return <InvoicesListPage />;
}

/** A drill-down from the dashboard: one carrier's invoices of one month. */
interface InvoiceFilter {
  carrierId: string;
  month: string;
}

function InvoicesListPage({ filter }: { filter?: InvoiceFilter }) {
  const db = useDatabase();
  const rows = useLiveQuery(() => loadInvoiceRows(db), [db]);
  const importing = useImport().state.step !== 'idle';

  return (
    <>
      <PageHeader title="Bills">
        <ClearSampleButton />
        <ImportBillsButton />
      </PageHeader>
      <ImportPanel />
      {rows.status === 'ready' && rows.value.length > 0 && filter && (
        <p className="notice" role="status">
          Showing{' '}
          {rows.value.find((r) => r.carrierId === filter.carrierId)?.carrier ?? 'one carrier'}’s
          invoices of {filter.month}. <a href="#/bills">Show all invoices</a>
        </p>
      )}
      {rows.status === 'ready' && rows.value.length > 0 && (
        <InvoicesGrid
          rows={
            filter
              ? rows.value.filter(
                  (r) =>
                    (!filter.carrierId || r.carrierId === filter.carrierId) &&
                    (!filter.month || r.invoiceDate.startsWith(filter.month)),
                )
              : rows.value
          }
        />
      )}
      {rows.status === 'ready' && rows.value.length === 0 && !importing && (
        <EmptyState
          title="No bills imported yet"
          actions={
            <>
              <ImportBillsButton />
              <SampleCompanyButton />
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
