import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { routeFromHash } from './app/useSection';
import { startDashboardLoad } from './db/dashboard';
import { appDatabase } from './db/database';
import { dashboardFilterOf } from './features/dashboard/filter';
import './styles/app.css';

// Opening on the dashboard: start reading its data now, while React mounts the shell (the page
// takes this read instead of starting its own; a failure is reported when it reads again).
const route = routeFromHash(window.location.hash);
if (route.section === 'dashboard' && route.path[0] !== 'report')
  startDashboardLoad(appDatabase(), dashboardFilterOf(route.path));

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
