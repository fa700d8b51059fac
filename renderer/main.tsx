import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { appDatabase } from './db/database';
import './styles/app.css';

// Open the database while React mounts the shell: the first page's reads then start at once. A
// failure here is reported by the page's own read, which opens it again.
appDatabase()
  .open()
  .catch(() => undefined);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
