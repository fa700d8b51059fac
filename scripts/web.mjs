#!/usr/bin/env node
// `npm run web`: build the renderer and serve it on localhost, then open it in the default browser.
// The data lives in that browser's IndexedDB for http://127.0.0.1:<port> — keep the same port
// (default 4173, or TEM_DESK_PORT) to keep seeing the same data.
import { build, preview } from 'vite';
import { openInBrowser } from './open-browser.mjs';

const port = Number(process.env.TEM_DESK_PORT ?? 4173);
await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
const server = await preview({
  configFile: 'vite.config.ts',
  preview: { port, strictPort: true, host: '127.0.0.1' },
});
const url = `http://127.0.0.1:${port}/`;
console.log(`TEM Desk is running at ${url} — press Ctrl+C to stop.`);

const stop = () => server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

// Not awaited: an opener may wait for the browser it started. When it fails it prints the address.
if (!process.env.CI && process.env.TEM_DESK_NO_OPEN !== '1') void openInBrowser(url);
