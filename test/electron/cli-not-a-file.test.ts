/**
 * A device or a pipe given as a bill or a set-up file has no size to check before it is read
 * (`/dev/zero` never ends): the CLI refuses it with a sentence instead of reading without bound.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCliWorkspace, outputFiles, runCliCaptured } from '../helpers/cli-workspace';

describe.skipIf(process.platform === 'win32')('the CLI given a device instead of a file', () => {
  let dir = '';

  beforeAll(async () => {
    dir = await makeCliWorkspace('temdesk-cli-device-');
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const run = (bills: string, sites = join(dir, 'sites.csv')) =>
    runCliCaptured([
      'audit',
      ...['--sites', sites, '--inventory', join(dir, 'inventory.csv')],
      ...['--contracts', join(dir, 'contracts.csv'), '--bills', bills],
      ...['--out', join(dir, 'out'), '--as-of', '2026-11-20'],
    ]);

  it('refuses /dev/zero as a bill, writing nothing', async () => {
    const result = await run('/dev/zero');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'The bill "/dev/zero" is not a file on disk (a device, a pipe or a socket)',
    );
    expect(await outputFiles(dir)).toEqual([]);
  });

  it('refuses /dev/zero as the sites file', async () => {
    const result = await run(join(dir, 'bills'), '/dev/zero');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--sites "/dev/zero" is not a file on disk');
  });
});
