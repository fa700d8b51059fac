/**
 * The packaged app's Electron fuses, read from electron-builder.yml by electron-builder's own
 * loader and validated against its schema (a misspelt key fails here, not at release time).
 */
import { fileURLToPath } from 'node:url';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

async function builderConfig() {
  const config = await getConfig(root, 'electron-builder.yml', null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

describe('electron-builder.yml', () => {
  // Loading electron-builder takes seconds: once for the file.
  const loaded = builderConfig();

  it('sets the security fuses', async () => {
    const { electronFuses } = await loaded;
    expect(electronFuses).toStrictEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the app into an asar archive, which the integrity fuses check', async () => {
    expect((await loaded).asar).toBe(true);
  });
});
