import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import type { BillDraft, DraftChargeLine } from '../../../../shared/import/draft';
import { DataGrid } from '../../../components/DataGrid';
import { centsFormatter } from '../../../components/format';

const COLUMNS: ColDef<DraftChargeLine>[] = [
  { field: 'sourceFile', headerName: 'File' },
  { field: 'sourceRow', headerName: 'Line', type: 'rightAligned', maxWidth: 100 },
  { field: 'serviceIdRaw', headerName: 'Service' },
  { field: 'description', headerName: 'Description', flex: 1, minWidth: 220 },
  { field: 'category', headerName: 'Category' },
  { field: 'amount', headerName: 'Amount', type: 'rightAligned', valueFormatter: centsFormatter },
];

/** Every charge line the import will store, in a grid (virtualised: 100,000 lines scroll smoothly). */
export function PreviewLines({ drafts }: { drafts: BillDraft[] }) {
  const lines = useMemo(() => drafts.flatMap((draft) => draft.lines), [drafts]);
  return (
    <section aria-labelledby="preview-lines-title">
      <h3 id="preview-lines-title">
        Charge lines to import ({lines.length.toLocaleString('en-US')})
      </h3>
      <DataGrid<DraftChargeLine>
        label="Charge lines to import"
        rowData={lines}
        columnDefs={COLUMNS}
        height={360}
      />
    </section>
  );
}
