import { inventoryCsv, inventoryXlsx } from '../../../shared/inventory/export';
import type { InventoryData } from '../../db/inventory';
import { platform } from '../../platform';

/** Export buttons for the whole inventory, in the canonical columns the import reads back. */
export function InventoryExportButtons({ data }: { data: InventoryData }) {
  // clock: today's date names the file the user saves (as it did before it moved here)
  const stamp = new Date().toISOString().slice(0, 10);
  return (
    <>
      <button
        type="button"
        className="secondary"
        onClick={() =>
          void platform().saveFile(
            `inventory-${stamp}.csv`,
            new TextEncoder().encode(inventoryCsv(data)),
            'csv',
          )
        }
      >
        Export CSV
      </button>
      <button
        type="button"
        className="secondary"
        onClick={() =>
          void platform().saveFile(`inventory-${stamp}.xlsx`, inventoryXlsx(data), 'xlsx')
        }
      >
        Export XLSX
      </button>
    </>
  );
}
