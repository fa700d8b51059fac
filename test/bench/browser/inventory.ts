/**
 * The raw limits of the inventory benchmark (test/bench/inventory.bench.ts), in Chromium: the
 * services read from IndexedDB with a bare `getAll`, and a bare AG Grid (no React, no app code)
 * showing the same rows and columns, filtered by site and by a plain substring search. The app's
 * figures are timed to the same end point: the grid showing the new rows, painted.
 */
import {
  AllCommunityModule,
  createGrid,
  ModuleRegistry,
  themeQuartz,
  type GridApi,
  type IRowNode,
} from 'ag-grid-community';
import { DATABASE_NAME } from '../../../renderer/db/schema';

ModuleRegistry.registerModules([AllCommunityModule]);

interface BareRow {
  id: string;
  siteId: string;
  [field: string]: string | number | null;
}

export interface InventoryRawFigures {
  services: number;
  /** IndexedDB `getAll` of the services store. */
  readMs: number;
  /** A bare AG Grid created with the rows until its first rows are painted. */
  gridMs: number;
  /** Filtering that grid to one site until painted. */
  siteMs: number;
  /** A plain substring filter over the rows plus that grid showing the result, painted. */
  searchMs: number;
  siteRows: number;
  searchRows: number;
}

const FIELDS = [
  'serviceIdRaw',
  'site',
  'type',
  'status',
  'carrier',
  'accountNumber',
  'plan',
  'monthly',
  'costCenter',
  'chargedTo',
  'userName',
  'department',
  'contract',
  'contractedRate',
  'activatedOn',
  'disconnectedOn',
];

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Waits until the grid in `root` says it shows `rows` rows, then for the frame that paints them. */
async function gridShows(root: ParentNode, rows: number): Promise<void> {
  const grid = () => root.querySelector('[role="treegrid"], [role="grid"]');
  // aria-rowcount counts the header row too.
  while (grid()?.getAttribute('aria-rowcount') !== String(rows + 1)) await frame();
  await frame();
}

async function benchInventoryRaw(siteId: string, search: string): Promise<InventoryRawFigures> {
  const open = await request(indexedDB.open(DATABASE_NAME));
  const readStart = performance.now();
  const [services, sites] = await Promise.all([
    request(open.transaction('services').objectStore('services').getAll()),
    request(open.transaction('sites').objectStore('sites').getAll()),
  ]);
  const readMs = performance.now() - readStart;
  open.close();

  const siteCodes = new Map((sites as { id: string; code: string }[]).map((s) => [s.id, s.code]));
  const rows: BareRow[] = (services as Record<string, unknown>[]).map((s) => {
    const row: BareRow = { id: String(s.id), siteId: String(s.siteId ?? '') };
    for (const field of FIELDS) {
      const value = s[field];
      row[field] = typeof value === 'string' || typeof value === 'number' ? value : null;
    }
    row.site = siteCodes.get(row.siteId) ?? '';
    return row;
  });

  let site: string | null = null;
  let found: Set<string> | null = null;
  const container = document.getElementById('grid');
  if (!container) throw new Error('inventory.html has no #grid');
  const gridStart = performance.now();
  let api: GridApi<BareRow> | undefined;
  await new Promise<void>((resolve) => {
    api = createGrid<BareRow>(container, {
      theme: themeQuartz,
      rowData: rows,
      columnDefs: FIELDS.map((field) => ({ field, width: 150 })),
      getRowId: (p) => p.data.id,
      suppressColumnVirtualisation: true,
      animateRows: false,
      isExternalFilterPresent: () => site !== null || found !== null,
      doesExternalFilterPass: (node: IRowNode<BareRow>) =>
        (site === null || node.data?.siteId === site) &&
        (found === null || (node.data !== undefined && found.has(node.data.id))),
      onFirstDataRendered: () => resolve(),
    });
  });
  await frame();
  const gridMs = performance.now() - gridStart;
  if (!api) throw new Error('no grid');

  const siteRows = rows.filter((r) => r.siteId === siteId).length;
  const siteStart = performance.now();
  site = siteId;
  api.onFilterChanged();
  await gridShows(container, siteRows);
  const siteMs = performance.now() - siteStart;

  site = null;
  api.onFilterChanged();
  await gridShows(container, rows.length);

  const searchStart = performance.now();
  const needle = search.toLowerCase();
  found = new Set(
    rows
      .filter((r) =>
        FIELDS.some((f) =>
          String(r[f] ?? '')
            .toLowerCase()
            .includes(needle),
        ),
      )
      .map((r) => r.id),
  );
  api.onFilterChanged();
  await gridShows(container, found.size);
  const searchMs = performance.now() - searchStart;
  const searchRows = found.size;
  api.destroy();
  return { services: rows.length, readMs, gridMs, siteMs, searchMs, siteRows, searchRows };
}

declare global {
  interface Window {
    benchInventoryRaw: typeof benchInventoryRaw;
  }
}

window.benchInventoryRaw = benchInventoryRaw;
document.getElementById('status')?.replaceChildren('Ready');
