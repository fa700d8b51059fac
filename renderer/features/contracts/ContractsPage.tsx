import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';

export function ContractsPage() {
  return (
    <>
      <PageHeader title="Contracts" />
      <EmptyState
        title="No contracts yet"
        steps={[
          'Enter each carrier agreement with its start date, term and notice period.',
          'Add its rate card so every bill can be checked against the contracted rates.',
        ]}
      >
        <p>
          Your carrier contracts ordered by notice deadline — the last day to give notice before an
          auto-renewal — with what is at stake and the rates they guarantee.
        </p>
      </EmptyState>
    </>
  );
}
