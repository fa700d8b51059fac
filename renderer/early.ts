/**
 * What the app's entry (`main.tsx`) runs as soon as it has asked for the app's code (React,
 * Chart.js, every page), before that code is in: opening on the dashboard, it starts reading the dashboard's data; opening
 * on Inventory, the inventory's live read. The read then runs while the browser compiles and
 * evaluates the app. The page takes the read over instead of starting its own (a failure is
 * reported when it reads again). It imports only what the reads need, never React (a page's chunk
 * it asks for early is loaded apart, as the page itself would load it).
 */
import { routeFromHash } from './app/sections';
import { startDashboardLoad } from './db/dashboard';
import { appDatabase } from './db/database';
import { startInventoryRead } from './db/inventory-early';
import { dashboardFilterOf } from './features/dashboard/filter';

/** Starts the read of the section the app opens on, if it has one to start early. */
export function startEarlyRead(): void {
  const route = routeFromHash(window.location.hash);
  if (route.section === 'dashboard' && route.path[0] !== 'report')
    startDashboardLoad(appDatabase(), dashboardFilterOf(route.path));
  if (route.section === 'inventory') {
    startInventoryRead(appDatabase());
    // Its page's chunk (and AG Grid's) is asked for now too, not once React first renders the
    // route: the same request App.tsx's lazy page makes, so that one finds it loaded.
    import('./features/inventory/InventoryPage').catch(() => undefined);
  }
}
