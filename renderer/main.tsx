// The entry is small on purpose: `early.ts` starts the opening section's read first, then the app's
// code (React, Chart.js, the pages: most of the script) is loaded as a chunk of its own, so the
// browser compiles and evaluates it while the database read runs, not before the read begins.
import './early';
import './styles/app.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
import('./boot')
  .then(({ boot }) => boot(container))
  .catch((error: unknown) => {
    // Only a damaged install gets here (the app's files are local): say so rather than stay blank.
    container.textContent = `TEM Desk could not start: ${error instanceof Error ? error.message : String(error)}`;
    container.setAttribute('role', 'alert');
  });
