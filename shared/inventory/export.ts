import { toCsv } from '../export/csv';
import { writeXlsx, type XlsxCell, type XlsxColumn } from '../export/xlsx';
import type { Account, Carrier, Contract, CostCenter, Service, Site } from '../model';
import { cents, centsToDecimalString } from '../money/cents';
import { INVENTORY_COLUMNS, INVENTORY_FIELDS } from './import';

interface InventorySource {
  services: readonly Service[];
  sites: readonly Site[];
  costCenters: readonly CostCenter[];
  accounts: readonly Account[];
  carriers: readonly Carrier[];
  contracts: readonly Contract[];
}

/** The canonical inventory columns, one row per service: what the import reads back unchanged. */
function inventoryCells(source: InventorySource): {
  header: string[];
  rows: (string | number | null)[][];
} {
  const sites = new Map(source.sites.map((s) => [s.id, s]));
  const costCenters = new Map(source.costCenters.map((c) => [c.id, c.code]));
  const accounts = new Map(source.accounts.map((a) => [a.id, a]));
  const carriers = new Map(source.carriers.map((c) => [c.id, c.name]));
  // The contracts export writes each contract's id as its Contract ID: the same key here.
  const contractIds = new Set(source.contracts.map((c) => c.id));
  const rows = source.services.map((service) => {
    const site = service.siteId ? sites.get(service.siteId) : undefined;
    const values: Record<(typeof INVENTORY_COLUMNS)[number], string | number | null> = {
      siteCode: site?.code ?? '',
      siteName: site?.name ?? '',
      // A service charged to its site's cost center stores none of its own (the import keeps
      // only one that differs from the site's): write the site's, or a file read into a new
      // workspace creates its sites without cost centers.
      costCenter: costCenters.get(service.costCenterId ?? site?.costCenterId ?? '') ?? '',
      carrier: carriers.get(service.carrierId) ?? '',
      accountNumber: accounts.get(service.accountId)?.accountNumber ?? '',
      serviceType: service.type,
      serviceId: service.serviceIdRaw,
      description: service.description ?? '',
      plan: service.plan ?? '',
      monthly: service.expectedMonthlyCents ?? null,
      status: service.status,
      installDate: service.activatedOn ?? '',
      disconnectDate: service.disconnectedOn ?? '',
      contractId:
        service.contractId && contractIds.has(service.contractId) ? service.contractId : '',
      user: service.userName ?? '',
      department: service.department ?? '',
    };
    return INVENTORY_COLUMNS.map((field) => values[field]);
  });
  return { header: INVENTORY_COLUMNS.map((field) => INVENTORY_FIELDS[field].header), rows };
}

const MONTHLY = INVENTORY_COLUMNS.indexOf('monthly');

/** The inventory as CSV (amounts as exact decimals, UTF-8 with a BOM so Excel reads accents). */
export function inventoryCsv(source: InventorySource): string {
  const { header, rows } = inventoryCells(source);
  const text = rows.map((row) =>
    row.map((cell, index) =>
      index === MONTHLY && typeof cell === 'number' ? centsToDecimalString(cents(cell)) : cell,
    ),
  );
  return toCsv(header, text, { bom: true });
}

/** The inventory as an XLSX sheet: money as numbers in currency format, frozen header, filter. */
export function inventoryXlsx(source: InventorySource): Uint8Array {
  const { header, rows } = inventoryCells(source);
  const columns: XlsxColumn[] = header.map((name, index) => ({
    header: name,
    kind:
      index === MONTHLY
        ? 'money'
        : index === INVENTORY_COLUMNS.indexOf('installDate') ||
            index === INVENTORY_COLUMNS.indexOf('disconnectDate')
          ? 'date'
          : 'text',
  }));
  const cells: XlsxCell[][] = rows.map((row) => row.map((cell) => (cell === '' ? null : cell)));
  return writeXlsx({
    sheets: [
      { name: 'Inventory', columns, rows: cells, totalsRow: { label: 'Total' }, autoFilter: true },
    ],
  });
}
