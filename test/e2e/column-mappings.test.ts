import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lumenExportMapping } from '../helpers/mapped-bill';
import { mappingsFileText, readMappingsFile } from '../../shared/import/mappings-file';
import { openApp, type AppSession } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

const MAPPING = lumenExportMapping({
  accountNumber: '5-KE4X-001',
  decimal: ',',
  signConvention: 'credits-positive',
});

describe('column mappings in Settings', () => {
  it('imports a mappings file, refuses a bad one, and exports the saved mappings as a download', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'temdesk-mappings-'));
    const good = join(dir, 'mappings.json');
    writeFileSync(good, mappingsFileText([MAPPING], new Date('2026-11-20T09:00:00Z')));
    const newer = join(dir, 'newer.json');
    writeFileSync(newer, readFileSync(good, 'utf8').replace('"version": 1', '"version": 7'));
    session = await openApp();
    const { page } = session;
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Column mappings' });
    await expect.poll(() => panel.getByText('(0 saved)').count()).toBe(1);

    // A file from a newer TEM Desk is refused, nothing saved.
    let chooser = page.waitForEvent('filechooser');
    await panel.getByRole('button', { name: 'Import column mappings…' }).click();
    await (await chooser).setFiles(newer);
    await expect
      .poll(() => panel.getByRole('status').textContent())
      .toContain('"newer.json" was written by a newer TEM Desk (column mappings version 7');
    expect(await panel.getByText('(0 saved)').count()).toBe(1);

    chooser = page.waitForEvent('filechooser');
    await panel.getByRole('button', { name: 'Import column mappings…' }).click();
    await (await chooser).setFiles(good);
    await expect
      .poll(() => panel.getByRole('status').textContent())
      .toContain('Imported 1 column mappings from mappings.json (1 new, 0 replacing');
    await expect.poll(() => panel.getByText('(1 saved)').count()).toBe(1);

    const download = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Export column mappings…' }).click();
    expect((await download).suggestedFilename()).toBe('temdesk-column-mappings.json');
    const file = join(dir, 'exported.json');
    await (await download).saveAs(file);
    const text = readFileSync(file, 'utf8');
    const json = JSON.parse(text) as { format: string; version: number; exportedAt: string };
    expect(json.format).toBe('temdesk-column-mappings');
    expect(json.version).toBe(1);
    expect(json.exportedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const read = readMappingsFile(text, 'exported.json');
    expect(read.ok ? read.value : read.errors).toEqual([MAPPING]);
    await expect
      .poll(() => panel.getByRole('status').textContent())
      .toBe('Exported 1 column mapping.');
    await session.screenshot('settings-column-mappings');
  });
});
