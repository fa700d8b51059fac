import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';

export function InventoryPage() {
  return (
    <>
      <PageHeader title="Inventory" />
      <EmptyState
        title="No services in the inventory yet"
        steps={[
          'Add your sites and cost centers.',
          'Add each circuit, phone line, mobile line and UCaaS seat to its site — or import bills and add the services they mention.',
        ]}
      >
        <p>
          A site-by-site record of every circuit, line and plan: carrier, account, contract,
          expected monthly cost, status and history.
        </p>
      </EmptyState>
    </>
  );
}
