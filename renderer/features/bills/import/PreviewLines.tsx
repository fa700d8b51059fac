import type { ColDef } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import type { BillDraft, DraftChargeLine } from '../../../../shared/import/draft';
import { draftLineCount } from '../../../../shared/import/packed-drafts';
import { DataGrid } from '../../../components/DataGrid';
import { centsFormatter } from '../../../components/format';

const COLUMNS: ColDef<DraftChargeLine>[] = [
  { field: 'sourceFile', headerName: 'File', width: 200 },
  { field: 'sourceRow', headerName: 'Line', type: 'rightAligned', width: 90 },
  { field: 'serviceIdRaw', headerName: 'Service', width: 160 },
  { field: 'description', headerName: 'Description', flex: 1, minWidth: 220 },
  { field: 'category', headerName: 'Category', width: 130 },
  {
    field: 'amount',
    headerName: 'Amount',
    type: 'rightAligned',
    width: 130,
    valueFormatter: centsFormatter,
  },
];

/**
 * Every charge line the import will store, in a grid shown on request: a 100,000-line bill
 * previews in a blink because the grid is only built when the user wants to read the lines.
 */
export function PreviewLines({ drafts }: { drafts: BillDraft[] }) {
  const [open, setOpen] = useState(false);
  const count = useMemo(
    () => drafts.reduce((sum, draft) => sum + draftLineCount(draft), 0),
    [drafts],
  );
  const lines = useMemo(() => (open ? drafts.flatMap((draft) => draft.lines) : []), [drafts, open]);
  return (
    <section aria-labelledby="preview-lines-title">
      <div className="toolbar">
        <h3 id="preview-lines-title">Charge lines to import ({count.toLocaleString('en-US')})</h3>
        <button
          type="button"
          className="secondary"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide charge lines' : 'Show charge lines'}
        </button>
      </div>
      {open && (
        <DataGrid<DraftChargeLine>
          label="Charge lines to import"
          rowData={lines}
          columnDefs={COLUMNS}
          height={360}
        />
      )}
    </section>
  );
}
