/**
 * Where the built pieces are, from `app.getAppPath()`.
 *
 * `app.getAppPath()` is the folder holding the app's package.json:
 * - unpackaged (`npm start` runs `electron .` in the project): the project folder;
 * - packaged: `<resources>/app.asar` (electron-builder `asar: true`).
 * The layout under it is the same in both cases (electron-builder `files`: `dist/renderer/**`,
 * `dist-electron/**`, `package.json`), and Electron reads files inside an asar transparently —
 * for `fs`, for the protocol handler and for the preload path. So one rule serves both, with no
 * `__dirname` or `import.meta` (the main bundle is CommonJS).
 */
import { join } from 'node:path';

export interface AppPaths {
  /** The built renderer, served as `app://bundle/`. */
  rendererDir: string;
  /** The sandboxed preload bundle (CommonJS). */
  preloadPath: string;
}

export function resolveAppPaths(appPath: string): AppPaths {
  return {
    rendererDir: join(appPath, 'dist', 'renderer'),
    preloadPath: join(appPath, 'dist-electron', 'preload.cjs'),
  };
}
