/**
 * The app's first script, run before `main.tsx` evaluates the app's code (React, the charts, every
 * page: some 170 ms): opening on the dashboard, it starts reading the dashboard's data now, so the
 * read runs meanwhile. The page takes this read instead of starting its own (a failure is reported
 * when it reads again). It imports only what the read needs.
 */
import { routeFromHash } from './app/useSection';
import { startDashboardLoad } from './db/dashboard';
import { appDatabase } from './db/database';
import { dashboardFilterOf } from './features/dashboard/filter';

const route = routeFromHash(window.location.hash);
if (route.section === 'dashboard' && route.path[0] !== 'report')
  startDashboardLoad(appDatabase(), dashboardFilterOf(route.path));
