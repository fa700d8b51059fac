// The entry is small on purpose: the app's code (React, Chart.js, the pages: most of the script) is
// a chunk of its own, asked for first so it downloads and compiles while `early.ts` opens the
// database and starts the opening section's read (which takes the main thread a while), and the
// read runs while the browser evaluates the app, not after.
import { startEarlyRead } from './early';
import './styles/app.css';
import './styles/controls.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const app = import('./boot');
startEarlyRead();
app
  .then(({ boot }) => boot(container))
  .catch((error: unknown) => {
    // Only a damaged install gets here (the app's files are local): say so rather than stay blank.
    container.textContent = `TEM Desk could not start: ${error instanceof Error ? error.message : String(error)}`;
    container.setAttribute('role', 'alert');
  });
