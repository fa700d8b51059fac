import type {
  Account,
  Carrier,
  Contract,
  CostCenter,
  Dispute,
  Finding,
  Invoice,
  Service,
  Site,
} from '../../shared/model';
import type { ServiceTotals } from '../../shared/storage/service-totals';
import type { TemDeskDatabase } from './database';

/** What the dashboard reads: aggregates and the inventory, never a charge line. */
export interface DashboardData {
  invoices: Invoice[];
  serviceTotals: Map<string, ServiceTotals>;
  carriers: Carrier[];
  accounts: Account[];
  services: Service[];
  sites: Site[];
  costCenters: CostCenter[];
  findings: Finding[];
  disputes: Dispute[];
  contracts: Contract[];
}

export async function loadDashboardData(db: TemDeskDatabase): Promise<DashboardData> {
  const tables = [
    db.invoices,
    db.serviceTotals,
    db.carriers,
    db.accounts,
    db.services,
    db.sites,
    db.costCenters,
    db.findings,
    db.disputes,
    db.contracts,
  ];
  return db.transaction('r', tables, async () => {
    const [
      invoices,
      totals,
      carriers,
      accounts,
      services,
      sites,
      costCenters,
      findings,
      disputes,
      contracts,
    ] = await Promise.all([
      db.invoices.toArray(),
      db.serviceTotals.toArray(),
      db.carriers.toArray(),
      db.accounts.toArray(),
      db.services.toArray(),
      db.sites.toArray(),
      db.costCenters.toArray(),
      db.findings.toArray(),
      db.disputes.toArray(),
      db.contracts.toArray(),
    ]);
    return {
      invoices,
      serviceTotals: new Map(totals.map((t) => [t.invoiceId, t])),
      carriers,
      accounts,
      services,
      sites,
      costCenters,
      findings,
      disputes,
      contracts,
    };
  });
}
