/**
 * A file read with the user's own column mapping is named in the preview by the carrier mapped,
 * never by the mapping's internal id (`guess-a5c79ed5`).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, pickBillFiles, type AppSession } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

describe('the name of a user-mapped layout', () => {
  it('heads the preview with the carrier mapped and the file, not an id', async () => {
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    const csv = join(mkdtempSync(join(tmpdir(), 'temdesk-mapping-name-')), 'zayo-bad2.csv');
    writeFileSync(
      csv,
      readFileSync(new URL('../fixtures/files/unknown-layout.csv', import.meta.url)),
    );
    await pickBillFiles(page, [csv]);
    const wizard = page.getByRole('region', { name: 'Map the columns of zayo-bad2.csv' });
    await wizard.waitFor();
    await wizard.getByLabel('Column “Charge Description” holds').selectOption('description');
    await wizard.getByRole('button', { name: 'Use this mapping' }).click();

    const preview = page.getByRole('region', {
      name: 'Preview: nothing is saved until you import',
    });
    await preview
      .getByRole('heading', { level: 3, name: 'Your column mapping for Zayo — zayo-bad2.csv' })
      .waitFor();
    expect(await preview.getByText(/guess-/).count()).toBe(0);
    await session.screenshot('mapping-name-preview');
    expect(session.consoleErrors).toEqual([]);
  });
});
