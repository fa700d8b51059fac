import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';

export function BillsPage() {
  return (
    <>
      <PageHeader title="Bills" />
      <EmptyState
        title="No bills imported yet"
        steps={[
          'Export last month’s bill from each carrier portal as CSV, TSV, pipe-delimited text or a ZIP of them.',
          'Import the files here; TEM Desk recognises the carrier layout and shows a preview before anything is saved.',
          'Review each invoice and mark it reviewed, approved and paid.',
        ]}
      >
        <p>
          Every invoice from every carrier, with its charge lines, its original file and its review
          status — due-soon and overdue invoices stand out.
        </p>
      </EmptyState>
    </>
  );
}
