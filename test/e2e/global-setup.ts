import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { findChromium } from '../helpers/chromium';

const configFile = fileURLToPath(new URL('../../vite.config.ts', import.meta.url));
const builtIndex = fileURLToPath(new URL('../../dist/renderer/index.html', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

let server: PreviewServer | undefined;

/**
 * Builds the renderer once and serves it with `vite preview` on localhost (module scripts do not
 * load from file://). `TEM_E2E_REUSE_BUILD=1` skips the build when dist/ already exists.
 */
export async function setup(project: TestProject): Promise<void> {
  const chromiumPath = findChromium();
  if (!(process.env.TEM_E2E_REUSE_BUILD === '1' && existsSync(builtIndex))) {
    await build({ configFile, logLevel: 'warn' });
  }
  const port = await freePort();
  server = await preview({ configFile, logLevel: 'warn', preview: { port, strictPort: true } });
  project.provide('baseUrl', `http://127.0.0.1:${port}/`);
  project.provide('chromiumPath', chromiumPath);
}

export async function teardown(): Promise<void> {
  await server?.close();
}
