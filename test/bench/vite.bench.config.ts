import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vite';
import appConfig from '../../vite.config.ts';

/**
 * The benchmark build: the real app and the benchmark pages from one origin, so the pages can
 * fill the app's IndexedDB and then time the app opening on it.
 */
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export default mergeConfig(
  appConfig,
  defineConfig({
    root: repoRoot,
    build: {
      outDir: fileURLToPath(new URL('../../dist/bench', import.meta.url)),
      rollupOptions: {
        input: {
          app: fileURLToPath(new URL('../../renderer/index.html', import.meta.url)),
          storage: fileURLToPath(new URL('./browser/storage.html', import.meta.url)),
          import: fileURLToPath(new URL('./browser/import.html', import.meta.url)),
          audit: fileURLToPath(new URL('./browser/audit.html', import.meta.url)),
          dashboard: fileURLToPath(new URL('./browser/dashboard.html', import.meta.url)),
          xlsx: fileURLToPath(new URL('./browser/xlsx.html', import.meta.url)),
          inventory: fileURLToPath(new URL('./browser/inventory.html', import.meta.url)),
        },
      },
    },
  }),
);
