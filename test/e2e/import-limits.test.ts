/**
 * Settings → Import limits in Chromium: a limit set there is the one the import worker applies,
 * and a file beyond it is refused with a sentence naming the limit and where to raise it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type AppSession } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

const ROW = 'Windstream,WS-100,W-2026-10,2026-10-01,DHEC.554433..WIN,Recurring,850.00';

describe('import limits in Chromium', () => {
  it('refuses a file over the largest-file limit set in Settings, and says where to raise it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'temdesk-limits-'));
    const path = join(dir, 'windstream.csv');
    writeFileSync(
      path,
      `Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Category,Amount\n${`${ROW}\n`.repeat(40)}`,
    );
    session = await openApp({ hash: '#/settings' });
    const { page } = session;
    const panel = page.getByRole('form', { name: 'Import limits' });
    await panel.getByLabel('Largest file (MB, unzipped)').fill('0.001');
    await panel.getByRole('button', { name: 'Save import limits' }).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toContain('Saved.');

    await page.goto(page.url().replace(/#.*$/, '#/bills'));
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import bills…' }).first().click();
    await (await chooser).setFiles(path);
    const alert = page.getByRole('alert').filter({ hasText: 'cannot be imported' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain(
      'windstream.csv cannot be imported: "windstream.csv" is 3 KB, over the 1 KB limit for one file (largest file). If you trust this file, raise "largest file" in Settings → Import limits and import it again.',
    );
    await session.screenshot('import-limit-refused');
    expect(session.consoleErrors).toEqual([]);
  });
});
