// Finds the Electron executable without ever downloading it.
//
// The `electron` package's index.js is NOT called here on purpose: since Electron 3x, requiring it
// when the binary is missing starts a download (node_modules/electron/install.js) — a network
// request, which TEM Desk's tooling must not make on its own. Instead we read the same
// `path.txt` the package writes after a successful install and check the file exists, exactly as
// index.js does before deciding to download (ELECTRON_OVERRIDE_DIST_PATH honoured too).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const NOT_INSTALLED_MESSAGE =
  'The Electron binary is not installed on this machine (it is downloaded by npm install unless ELECTRON_SKIP_BINARY_DOWNLOAD is set); run "npm run web" to use TEM Desk in your browser instead.';

/**
 * @typedef {{ found: true, path: string } | { found: false, message: string }} ElectronBinary
 */

/**
 * @param {{
 *   resolvePackageDir?: () => string,
 *   env?: Record<string, string | undefined>,
 *   fileExists?: (path: string) => boolean,
 *   readText?: (path: string) => string,
 * }} [options] seams for tests; defaults use the installed `electron` package.
 * @returns {ElectronBinary}
 */
export function findElectronBinary(options = {}) {
  const resolvePackageDir =
    options.resolvePackageDir ??
    (() => dirname(createRequire(import.meta.url).resolve('electron/package.json')));
  const env = options.env ?? process.env;
  const fileExists = options.fileExists ?? existsSync;
  const readText = options.readText ?? ((path) => readFileSync(path, 'utf8'));
  const notInstalled = /** @type {const} */ ({ found: false, message: NOT_INSTALLED_MESSAGE });
  try {
    const packageDir = resolvePackageDir();
    const pathFile = join(packageDir, 'path.txt');
    const relativeExecutable = fileExists(pathFile) ? readText(pathFile).trim() : '';
    const overrideDir = env.ELECTRON_OVERRIDE_DIST_PATH;
    if (overrideDir) {
      const executable = join(overrideDir, relativeExecutable || 'electron');
      return fileExists(executable) ? { found: true, path: executable } : notInstalled;
    }
    if (relativeExecutable === '') return notInstalled;
    const executable = join(packageDir, 'dist', relativeExecutable);
    return fileExists(executable) ? { found: true, path: executable } : notInstalled;
  } catch {
    return notInstalled;
  }
}
