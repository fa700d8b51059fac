/**
 * What each stored table holds, in words (the restore summary): one for every table of a backup
 * (`TABLE_SCHEMAS`), which `test/unit/backup/table-labels.test.ts` holds to.
 */
export const TABLE_LABELS: Record<string, string> = {
  settings: 'Settings',
  carriers: 'Carriers',
  accounts: 'Carrier accounts',
  importBatches: 'Imports',
  originalFiles: 'Original bill files',
  invoices: 'Invoices',
  chargeBlocks: 'Charge-line blocks (up to 1,000 lines each)',
  usage: 'Usage (per invoice)',
  columnMappings: 'Saved column mappings',
  sites: 'Sites',
  costCenters: 'Cost centers',
  services: 'Services',
  serviceEvents: 'Service history entries',
  contracts: 'Contracts',
  attachments: 'Attached documents',
  findings: 'Findings',
  disputes: 'Disputes',
  allocationRules: 'Allocation rules',
  exportPresets: 'Export layouts',
  actionLog: 'Action log entries',
  serviceTotals: 'Spend per service (per invoice, for the dashboard)',
  budgets: 'Budget lines (per cost center and month)',
};
