import type { GridApi } from 'ag-grid-community';
import { useEffect, useState } from 'react';

/** Show or hide a grid's columns; the grid remembers the choice (see the grid's column-state saving). */
export function ColumnChooser<Row>({ api }: { api: GridApi<Row> | null }) {
  const [columns, setColumns] = useState<{ id: string; header: string; visible: boolean }[]>([]);
  useEffect(() => {
    if (!api) return;
    const read = () =>
      setColumns(
        (api.getColumns() ?? []).map((column) => ({
          id: column.getColId(),
          header: column.getColDef().headerName ?? column.getColId(),
          visible: column.isVisible(),
        })),
      );
    read();
    api.addEventListener('columnVisible', read);
    api.addEventListener('displayedColumnsChanged', read);
    return () => {
      if (api.isDestroyed()) return;
      api.removeEventListener('columnVisible', read);
      api.removeEventListener('displayedColumnsChanged', read);
    };
  }, [api]);
  return (
    <details className="column-chooser">
      <summary>Columns</summary>
      <fieldset>
        <legend>Columns shown</legend>
        {columns
          .filter((c) => c.header && c.id !== 'ag-Grid-SelectionColumn')
          .map((column) => (
            <label key={column.id} className="inline">
              <input
                type="checkbox"
                checked={column.visible}
                onChange={(e) => api?.setColumnsVisible([column.id], e.target.checked)}
              />
              {column.header}
            </label>
          ))}
      </fieldset>
    </details>
  );
}
