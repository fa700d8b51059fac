import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';

export function ChargebackPage() {
  return (
    <>
      <PageHeader title="Chargeback" />
      <EmptyState
        title="Nothing to allocate yet"
        steps={[
          'Give each site and service a cost center in the inventory.',
          'Import a month of bills, then export the chargeback spreadsheet for finance.',
        ]}
      >
        <p>
          Each month’s telecom spend allocated to cost centers and GL accounts, reconciled to the
          cent against the invoices, ready to export as CSV or XLSX.
        </p>
      </EmptyState>
    </>
  );
}
