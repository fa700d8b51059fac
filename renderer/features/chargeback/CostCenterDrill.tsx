import type { ColDef } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import type { AllocatedCharge, AllocationResult } from '../../../shared/allocation';
import { CATEGORY_LABELS, type ChargebackNames } from '../../../shared/export';
import { formatCents, sumCents, type Cents } from '../../../shared/money/cents';
import { DataGrid } from '../../components/DataGrid';
import { centsFormatter } from '../../components/format';

/** A service's (or an account's account-level) charges within one cost center. */
interface ServiceGroup {
  key: string;
  label: string;
  detail: string;
  lines: number;
  amount: Cents;
}

/** The group a row belongs to: its service, or the account-level charges of its account. */
function groupKey(row: AllocatedCharge): string {
  return row.serviceId ?? `account:${row.carrierId}:${row.accountNumber}`;
}

const LINE_COLUMNS: ColDef<AllocatedCharge>[] = [
  { field: 'invoiceNumber', headerName: 'Invoice', width: 140 },
  { field: 'accountNumber', headerName: 'Account', width: 140 },
  { field: 'serviceIdRaw', headerName: 'Service ID', width: 150 },
  {
    colId: 'category',
    headerName: 'Category',
    width: 140,
    valueGetter: (params) => (params.data ? CATEGORY_LABELS[params.data.category] : ''),
  },
  { field: 'description', headerName: 'Description', flex: 1, minWidth: 200 },
  { field: 'glAccount', headerName: 'GL account', width: 120 },
  {
    field: 'amount',
    headerName: 'Amount',
    width: 130,
    type: 'rightAligned',
    valueFormatter: centsFormatter,
  },
  { field: 'sourceRow', headerName: 'File row', width: 100, type: 'rightAligned' },
];

/** Drill-down: the cost center's services with their totals, then the chosen one's charge lines. */
export function CostCenterDrill({
  result,
  names,
  costCenterId,
  onBack,
}: {
  result: AllocationResult;
  names: ChargebackNames;
  costCenterId: string;
  onBack: () => void;
}) {
  const [groupId, setGroupId] = useState<string | null>(null);
  const costCenter = names.costCenters.find((entry) => entry.id === costCenterId);
  const sites = useMemo(() => new Map(names.sites.map((site) => [site.id, site])), [names]);
  const rows = useMemo(
    () => result.rows.filter((row) => row.costCenterId === costCenterId),
    [result, costCenterId],
  );
  const groups = useMemo(() => {
    const byKey = new Map<string, { first: AllocatedCharge; amounts: Cents[] }>();
    for (const row of rows) {
      const entry = byKey.get(groupKey(row));
      if (entry === undefined) byKey.set(groupKey(row), { first: row, amounts: [row.amount] });
      else entry.amounts.push(row.amount);
    }
    return [...byKey.entries()]
      .map(([key, { first, amounts }]): ServiceGroup => {
        const site = first.siteId === null ? undefined : sites.get(first.siteId);
        return {
          key,
          label:
            first.serviceId === null
              ? `Account-level charges, ${first.accountNumber}`
              : first.serviceIdRaw,
          detail: [site?.code, first.userName].filter(Boolean).join(' · '),
          lines: amounts.length,
          amount: sumCents(amounts),
        };
      })
      .sort((a, b) => b.amount - a.amount);
  }, [rows, sites]);
  const chosen = groups.find((group) => group.key === groupId);
  const lineRows = chosen === undefined ? rows : rows.filter((row) => groupKey(row) === chosen.key);
  const title = `${costCenter?.code ?? costCenterId} ${costCenter?.name ?? ''}`.trim();
  return (
    <section aria-label={`Cost center ${title}`} className="drill">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <button type="button" className="link-button" onClick={onBack}>
          All cost centers
        </button>{' '}
        › {title}
        {chosen && <> › {chosen.label}</>}
      </nav>
      <h2>
        {title} — {formatCents(sumCents(rows.map((row) => row.amount)))}
      </h2>
      <div
        className="drill__services"
        role="region"
        aria-label={`Services of ${title}`}
        // Scrollable with the keyboard: the list can hold hundreds of services.
        tabIndex={0}
      >
        <table className="data-table">
          <caption>Services charged to {title}</caption>
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Site · user</th>
              <th scope="col" className="numeric">
                Lines
              </th>
              <th scope="col" className="numeric">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <tr key={group.key}>
                <th scope="row">
                  <button
                    type="button"
                    className="link-button"
                    aria-pressed={group.key === groupId}
                    onClick={() => setGroupId(group.key === groupId ? null : group.key)}
                  >
                    {group.label}
                  </button>
                </th>
                <td>{group.detail}</td>
                <td className="numeric">{group.lines}</td>
                <td className="numeric">{formatCents(group.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{chosen ? `Charge lines of ${chosen.label}` : `All charge lines of ${title}`}</h3>
      <DataGrid<AllocatedCharge>
        label="Charge lines"
        height={360}
        rowData={lineRows}
        columnDefs={LINE_COLUMNS}
      />
    </section>
  );
}
