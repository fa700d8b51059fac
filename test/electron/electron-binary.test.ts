import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOT_INSTALLED_MESSAGE, findElectronBinary } from '../../scripts/electron-binary.mjs';

const PACKAGE_DIR = '/project/node_modules/electron';

describe('findElectronBinary', () => {
  it('says the binary is not installed, pointing to npm run web, when path.txt is missing', () => {
    const result = findElectronBinary({
      resolvePackageDir: () => PACKAGE_DIR,
      env: {},
      fileExists: () => false,
    });
    expect(result).toStrictEqual({ found: false, message: NOT_INSTALLED_MESSAGE });
    expect(NOT_INSTALLED_MESSAGE).toContain('The Electron binary is not installed on this machine');
    expect(NOT_INSTALLED_MESSAGE).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
    expect(NOT_INSTALLED_MESSAGE).toContain('"npm run web"');
    // One sentence.
    expect(NOT_INSTALLED_MESSAGE.match(/[.!?](\s|$)/g)).toHaveLength(1);
  });

  it('says not installed when the electron package itself cannot be resolved', () => {
    const result = findElectronBinary({
      resolvePackageDir: () => {
        throw new Error("Cannot find module 'electron/package.json'");
      },
      env: {},
    });
    expect(result).toStrictEqual({ found: false, message: NOT_INSTALLED_MESSAGE });
  });

  it('says not installed when path.txt names a binary that is not there', () => {
    const result = findElectronBinary({
      resolvePackageDir: () => PACKAGE_DIR,
      env: {},
      fileExists: (path) => path.endsWith('path.txt'),
      readText: () => 'electron',
    });
    expect(result.found).toBe(false);
  });

  it('finds the binary that npm install downloaded', () => {
    const executable = join(PACKAGE_DIR, 'dist', 'electron');
    const result = findElectronBinary({
      resolvePackageDir: () => PACKAGE_DIR,
      env: {},
      fileExists: (path) => path.endsWith('path.txt') || path === executable,
      readText: () => 'electron\n',
    });
    expect(result).toStrictEqual({ found: true, path: executable });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', () => {
    const executable = join('/opt/electron-45', 'electron');
    const result = findElectronBinary({
      resolvePackageDir: () => PACKAGE_DIR,
      env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron-45' },
      fileExists: (path) => path === executable,
    });
    expect(result).toStrictEqual({ found: true, path: executable });
  });

  it('on this machine (no binary downloaded) reports not installed without downloading', () => {
    const result = findElectronBinary();
    // Electron's binary is never downloaded on our build machines; if someone has it, fine too.
    if (!result.found) expect(result.message).toBe(NOT_INSTALLED_MESSAGE);
    else expect(result.path).toContain('electron');
  });
});
