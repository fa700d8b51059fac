#!/usr/bin/env node
// `npm run web`: build the renderer and serve it on localhost, then open it in the default browser.
// The data lives in that browser's IndexedDB for http://127.0.0.1:<port> — keep the same port
// (default 4173, or TEM_DESK_PORT) to keep seeing the same data.
import { spawn } from 'node:child_process';
import { build, preview } from 'vite';

const port = Number(process.env.TEM_DESK_PORT ?? 4173);
await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
const server = await preview({
  configFile: 'vite.config.ts',
  preview: { port, strictPort: true, host: '127.0.0.1' },
});
const url = `http://127.0.0.1:${port}/`;
console.log(`TEM Desk is running at ${url} — press Ctrl+C to stop.`);

if (!process.env.CI && process.env.TEM_DESK_NO_OPEN !== '1') {
  const opener =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  const child = spawn(opener[0], opener[1], { stdio: 'ignore', detached: true });
  child.on('error', () => console.log(`Open ${url} in your browser.`));
  child.unref();
}

const stop = () => server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
