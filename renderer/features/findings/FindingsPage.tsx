import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';

export function FindingsPage() {
  return (
    <>
      <PageHeader title="Findings" />
      <EmptyState
        title="No findings yet"
        steps={[
          'Import bills; the validation checks run after every import.',
          'Dispute what is wrong with the carrier and track the credit until it arrives.',
        ]}
      >
        <p>
          Billing errors found in your invoices — overbilled rates, duplicates, charges after
          disconnect, unknown lines, late fees — each with its money impact.
        </p>
      </EmptyState>
    </>
  );
}
